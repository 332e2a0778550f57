// Frames for Python function calls: allocation on the thread's data stack
// (or in a generator), argument binding with CPython's error messages, and
// setting up cells and the closure.
#pragma once

#include "vm/frame.hpp"
#include "vm/objects/function.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

struct Dict;

Dict* builtins_dict();

// Pushes a frame for `function` called with `args`, fully bound, or creates
// and returns a generator/coroutine object (then *frame_out is null).
// Raises TypeError for bad arguments and RecursionError when too deep.
Value prepare_call(ThreadState* ts, Function* function, const CallArgs& args, Frame** frame_out);

// prepare_call's commonest case, inline for the interpreter's CALL: a plain
// function (no *args, **kwargs, keyword-only parameters, cells, generator
// flags) given exactly its positional parameters. Returns the pushed frame
// with the arguments in place, or null when prepare_call must do the work
// (including raising RecursionError or MemoryError).
// Every field of a new frame's header; its slots are the caller's business.
inline void init_frame_header(Frame* frame, Code* code, Function* function, Dict* globals, Dict* locals) {
  frame->code = code;
  frame->function = function;
  frame->globals = globals;
  frame->builtins = builtins_dict();
  frame->locals = locals;
  frame->locals_mapping = nullptr;
  frame->previous = nullptr;
  frame->generator = nullptr;
  frame->pc = 0;
  frame->stack_depth = 0;
  frame->is_entry = false;
  frame->on_data_stack = true;
}

inline Frame* push_simple_call(ThreadState* ts, Function* function, const Value* args, size_t count) {
  Code* code = function->code;
  if (count != code->argcount || code->kwonlyargcount != 0 ||
      (code->flags & (kCodeVarargs | kCodeVarkeywords | kCodeGenerator | kCodeCoroutine | kCodeAsyncGenerator)) ||
      !code->cellvars.empty() || !code->freevars.empty() || ts->recursion_depth >= recursion_limit())
    return nullptr;
  Value* memory = ts->data_stack.push(Frame::slots_needed(code));
  if (memory == nullptr) return nullptr;
  auto* frame = reinterpret_cast<Frame*>(memory);
  init_frame_header(frame, code, function, function->globals, nullptr);
  Value* locals = frame->localsplus();
  size_t nlocals = code->varnames.size();
  for (size_t i = 0; i < count; ++i) locals[i] = args[i];
  for (size_t i = count; i < nlocals; ++i) locals[i] = Value();
  ++ts->recursion_depth;
  return frame;
}

// A frame for module-level (or exec/class body) code with a names dict.
Frame* push_code_frame(ThreadState* ts, Code* code, Dict* globals, Dict* locals, Function* function = nullptr);

// Releases a frame pushed on the data stack (not generator frames).
inline void pop_frame(ThreadState* ts, Frame* frame) {
  --ts->recursion_depth;
  if (frame->on_data_stack) ts->data_stack.pop(reinterpret_cast<Value*>(frame));
}
void set_builtins_dict(Dict* builtins);

}  // namespace gilvm
