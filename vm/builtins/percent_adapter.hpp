// The VM's side of printf-style formatting (vm/text/percent_format.hpp):
// str % args, bytes % args and bytearray % args, and the ascii() text that
// str.format's !a conversion shares with %a.
#pragma once

#include <string>
#include <string_view>

#include "vm/object.hpp"

namespace gilvm {

// format % args for str (`format` is UTF-8) or, when `bytes` is set, for
// bytes and bytearray (`format` is raw bytes; the caller wraps the result in
// the left operand's kind).
std::string percent_format_values(std::string_view format, Value args, bool bytes);

// ascii(x) appended to `out`: repr(x) with every non-ASCII code point
// escaped as \xhh, \uhhhh or \Uhhhhhhhh.
void append_ascii_repr(std::string& out, Value x);

}  // namespace gilvm
