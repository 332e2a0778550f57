// str helpers other parts of the VM use: code-point indexing and slicing,
// and the % and str.format operations.
#pragma once

#include <string>

#include "vm/object.hpp"
#include "vm/objects/function.hpp"

namespace gilvm {

struct Str;

Value str_getitem(Str* s, Value key);
Value str_mod(Str* format, Value args);
Str* str_format(Str* format, const CallArgs& args, size_t first);  // args[first..] and keywords

}  // namespace gilvm
