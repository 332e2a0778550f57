// Running a callable inside a contextvars.Context from C++ (what
// Context.run does), for asyncio's native Handles and Tasks.
#pragma once

#include "vm/object.hpp"
#include "vm/objects/function.hpp"

namespace gilvm {

// Makes `context` current around fn(*args); "already entered" as
// Context.run. An object that is not an exact Context has its run() called.
Value run_in_context(Value context, Value fn, const CallArgs& args);

}  // namespace gilvm
