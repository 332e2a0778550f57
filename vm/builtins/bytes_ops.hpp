// bytes helpers shared by the files that install bytes' methods.
#pragma once

#include "vm/objects/function.hpp"
#include "vm/objects/str.hpp"

namespace gilvm {

// args[0] as bytes, or the TypeError of a method called on something else.
Bytes* self_bytes(const CallArgs& a, const char* name);

}  // namespace gilvm
