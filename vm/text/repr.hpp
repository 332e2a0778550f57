// repr() of str and bytes, character for character as CPython writes it.
#pragma once

#include <string>
#include <string_view>

namespace gilvm::text {

// repr(s) for a str held as (generalized) UTF-8. Quotes with ' unless the
// text contains ' and no ". Escapes the quote and backslash, \t \n \r, other
// non-printable code points below U+0100 as \xhh, above as \uXXXX or
// \UXXXXXXXX (lower-case hex); printable non-ASCII text is kept as is.
std::string repr_str(std::string_view utf8);
void append_repr_str(std::string& out, std::string_view utf8);

// repr(b) for bytes: b'...' with the same quote rule, \t \n \r \\ and the
// quote escaped, and \xhh for bytes below 0x20 or from 0x7f up.
std::string repr_bytes(std::string_view bytes);
void append_repr_bytes(std::string& out, std::string_view bytes);

}  // namespace gilvm::text
