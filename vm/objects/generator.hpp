// Generators, coroutines and async generators: a suspended frame on the heap.
//
// The frame (and its locals and value stack) lives in storage owned by the
// generator object, so it survives between resumptions. Resuming runs the
// interpreter loop on that frame as its entry frame; YIELD_VALUE returns
// from the loop leaving the frame suspended, RETURN_VALUE finishes it.
#pragma once

#include "vm/frame.hpp"
#include "vm/object.hpp"

namespace gilvm {

// The frame (Frame header + localsplus + value stack) sits right after the
// object in the same heap slot when it is small enough for a size-class
// page (the common case: a generator expression is a few hundred bytes),
// else in malloc'd memory the destructor frees.
struct Generator : Object {
  Frame* frame;
  Str* name;
  Str* qualname;
  // The exception being handled inside the generator (an `except` block
  // it is suspended in), kept apart from the resumer's while suspended, as
  // CPython keeps a per-generator exc_info. `except_depth` counts the
  // handlers the frame is inside (PUSH_EXC_INFO / POP_EXCEPT): at 0 the
  // generator has no exception of its own and sees its resumer's.
  Value handled;
  // Async generators: sys.get_asyncgen_hooks()'s finalizer when the
  // generator was first iterated (null: none, or not iterated yet); see
  // vm/objects/generator_finalize.cpp.
  Value asyncgen_finalizer;
  uint32_t except_depth = 0;
  bool started = false;
  bool running = false;
  bool finished = false;
  bool yielded = false;     // set by YIELD_VALUE, read by the resumer
  bool yielded_plain = false;  // ... by a `yield` (not an await's or yield from's)
  bool frame_inline = false;
  bool asyncgen_hooks_done = false;  // firstiter called, finalizer recorded
  Generator(Type* t, Frame* f, Str* n, Str* q) : Object(t), frame(f), name(n), qualname(q) {}
  ~Generator() override;
  void trace(Tracer& t) override;
  // Registered coroutines and async generators (generator_finalize.cpp).
  bool needs_finalization() const override;
  void finalize() override;
};

// Outcome of one resumption.
struct GenResult {
  Value value;      // the yielded value, or the return value when finished
  bool finished;
};

// send(value) / next() (value None) / throw(exc): runs the generator until
// it yields or finishes. An exception escaping the generator propagates.
GenResult generator_send(Generator* gen, Value value);
GenResult generator_throw(Generator* gen, Value exception);
// gen.throw(*raw): raw holds throw()'s arguments (typ[, val[, tb]]). When
// gen waits in `yield from` on an object with a throw() method (directly or
// through generators), that throw() gets the arguments unchecked, as in
// CPython; otherwise they are made into an exception here.
GenResult generator_throw_args(Generator* gen, const CallArgs& raw);
// The exception that throw(typ[, val[, tb]]) raises, from the arguments
// a[first], a[first + 1] as CPython normalizes them: a class is called
// with no argument (val None), with val's items (a tuple) or with val,
// unless val is already an instance of it; an instance takes no val.
Value exception_from_throw_args(const CallArgs& a, size_t first);
// close(): throws GeneratorExit in and expects it back (or StopIteration).
void generator_close(Generator* gen);

bool is_generator_like(Value v);  // generator, coroutine or async generator

// An async generator's first __anext__/asend/athrow/aclose: calls the
// thread's firstiter hook and records its finalizer hook (once).
void asyncgen_first_iteration(Generator* agen);

}  // namespace gilvm
