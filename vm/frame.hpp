// Interpreter frames.
//
// A frame is a plain C++ struct followed directly by its "localsplus" slots
// (locals, cells, free variables) and then its value stack. Frames of
// ordinary calls are carved out of the thread's data stack (a bump
// allocator in chunks, see thread_state.hpp), so a Python-to-Python call
// costs no heap allocation and no C++ recursion: the interpreter loop just
// switches to the new frame. Frames of generators and coroutines live inside
// their generator object instead, so they survive suspension; the loop
// treats both kinds alike.
#pragma once

#include <cstdint>

#include "vm/objects/function.hpp"
#include "vm/value.hpp"

namespace gilvm {

struct Dict;

struct Frame {
  Code* code;
  Function* function;     // null for module code and exec()
  Dict* globals;
  Dict* builtins;
  Dict* locals;           // module/class bodies and exec(): the names dict
  // exec()/eval() given locals that are a mapping but not a dict: the name
  // operations (LOAD_NAME, STORE_NAME, ...) index it instead of `locals`
  // (then null). Null otherwise.
  Object* locals_mapping;
  Frame* previous;        // the caller (for tracebacks and returns)
  Object* generator;      // the owning generator/coroutine, or null
  uint32_t pc;            // next instruction to run (saved when leaving the loop)
  uint32_t stack_depth;   // values on this frame's stack (saved likewise)
  bool is_entry;          // returning from it leaves the interpreter loop
  bool on_data_stack;     // allocated from the thread's data stack

  Value* localsplus() { return reinterpret_cast<Value*>(this + 1); }
  Value* stack_base() { return localsplus() + code->nlocalsplus(); }
  static size_t slots_needed(const Code* code) {
    return sizeof(Frame) / sizeof(Value) + code->nlocalsplus() + code->stacksize;
  }
  int current_line() const { return code->line_at(pc == 0 ? 0 : pc - 1); }
  void trace(Tracer& t);
};

static_assert(sizeof(Frame) % sizeof(Value) == 0);

}  // namespace gilvm
