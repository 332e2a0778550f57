// Resolves the NAME of a \N{NAME} escape (in string literals and in re
// patterns) through the Unicode database: names, algorithmic names
// (CJK UNIFIED IDEOGRAPH-4E00, HANGUL SYLLABLE GA) and name aliases, without
// regard to case, as CPython does. Named sequences are not characters and
// are refused.
#pragma once

#include <optional>
#include <string_view>

namespace gilvm {

std::optional<char32_t> lookup_unicode_name(std::string_view name);

}  // namespace gilvm
