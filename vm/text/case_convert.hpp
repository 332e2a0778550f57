// Whole-string case operations of str, on UTF-8 text, with Python's full
// (one-to-many) mappings and the final-sigma rule of lower(). ASCII text
// takes a byte-wise fast path.
#pragma once

#include <string>
#include <string_view>

namespace gilvm::text {

std::string str_upper(std::string_view utf8);       // 'ß'.upper() == 'SS'
std::string str_lower(std::string_view utf8);       // final 'Σ' becomes 'ς'
std::string str_casefold(std::string_view utf8);
std::string str_title(std::string_view utf8);       // "they're" -> "They'Re"
std::string str_capitalize(std::string_view utf8);  // title case first, lower the rest
std::string str_swapcase(std::string_view utf8);

bool str_isupper(std::string_view utf8);  // has a cased character and no lower/title case
bool str_islower(std::string_view utf8);
bool str_istitle(std::string_view utf8);

}  // namespace gilvm::text
