// Frames for Python function calls: allocation on the thread's data stack
// (or in a generator), argument binding with CPython's error messages, and
// setting up cells and the closure.
#pragma once

#include "vm/frame.hpp"
#include "vm/objects/function.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

struct Dict;

// Pushes a frame for `function` called with `args`, fully bound, or creates
// and returns a generator/coroutine object (then *frame_out is null).
// Raises TypeError for bad arguments and RecursionError when too deep.
Value prepare_call(ThreadState* ts, Function* function, const CallArgs& args, Frame** frame_out);

// A frame for module-level (or exec/class body) code with a names dict.
Frame* push_code_frame(ThreadState* ts, Code* code, Dict* globals, Dict* locals, Function* function = nullptr);

// Releases a frame pushed on the data stack (not generator frames).
void pop_frame(ThreadState* ts, Frame* frame);

Dict* builtins_dict();
void set_builtins_dict(Dict* builtins);

}  // namespace gilvm
