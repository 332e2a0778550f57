// str helpers other parts of the VM use: code-point indexing and slicing,
// and the % and str.format operations.
#pragma once

#include <cstdint>
#include <string>

#include "vm/object.hpp"
#include "vm/objects/function.hpp"

namespace gilvm {

struct Str;

Value str_getitem(Str* s, Value key);
Value str_mod(Str* format, Value args);
// a + b.
Value str_concat(const Str* a, const Str* b);
Str* str_format(Str* format, const CallArgs& args, size_t first);  // args[first..] and keywords
// `data` n times (n > 0), for str and bytes repetition; MemoryError when
// the result cannot fit in memory.
std::string repeat_text(const std::string& data, int64_t n);

}  // namespace gilvm
