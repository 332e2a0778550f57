// asyncio.Handle and asyncio.TimerHandle in C++: a callback the event loop
// will run, with its arguments and the contextvars Context to run it in.
//
// Contract
// --------
// * One struct for both types. A Handle is made by loop.call_soon (and the
//   loop's readers and writers), a TimerHandle by call_at / call_later; the
//   native loop (stdlib/asyncio/loop.hpp) keeps them in its ready deque and
//   its timer heap. Python may construct and subclass both, as in CPython.
// * Arguments: up to two are kept inline (the common cases: a task's step
//   has none, a done callback one future, sleep()'s timer two); more go in
//   a tuple. `_args` builds the tuple when asked.
// * run_handle is Handle._run: callback(*args) inside its Context (or in
//   the current one when it has none, see docs/asyncio.md); an exception
//   other than SystemExit / KeyboardInterrupt goes to
//   loop.call_exception_handler with CPython's context dict
//   (message "Exception in callback ...", exception, handle).
// * cancel() drops the callback and its arguments (so they can be
//   collected) and, for a TimerHandle still in the heap, tells the loop,
//   which counts it (the heap is compacted when most of it is cancelled,
//   as CPython does). In debug mode the repr is remembered first.
// * Ordering of TimerHandles is by `when` only (CPython's __lt__), which is
//   all the loop's heap compares.
// * GC: every Value field is visited by trace().
#pragma once

#include <cstdint>

#include "vm/object.hpp"
#include "vm/objects/function.hpp"

namespace gilvm {
struct Module;
}

namespace gilvm::asyncio_impl {

struct HandleObject : Object {
  Value callback;       // null once cancelled
  Value loop;
  Value context;        // null: run in the current context
  Value arg[2];
  Value extra_args;     // a tuple when there are more than two arguments
  Value repr_text;      // debug mode: the repr when cancelled
  Value when_value;     // TimerHandle: `when` as given (int or float)
  double when = 0;      // TimerHandle: the same, as a double
  uint8_t nargs = 0;    // inline arguments; kManyArgs: see extra_args
  bool cancelled = false;
  bool scheduled = false;  // TimerHandle: in the loop's heap
  uint8_t task_kind = 0;   // kTaskStep / kTaskWakeup: `callback` is an exact Task (future.hpp)
  static constexpr uint8_t kManyArgs = 255;

  explicit HandleObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override;
};

extern Type* handle_type;
extern Type* timer_handle_type;

// A new Handle (timer: a TimerHandle due at `when`) for callback(*args).
HandleObject* new_handle(Type* type, Value callback, const Value* args, size_t nargs, Value loop, Value context);
// Handle._run (see the contract). Raises only SystemExit / KeyboardInterrupt
// (and what the exception handler itself lets through).
void run_handle(HandleObject* h);
// Runs `h` through its _run method if its type is a Python subclass.
void run_any_handle(Value h);
// The callback as Python sees it (a task's bound _step / _wakeup), or null.
Value handle_callback(HandleObject* h);
bool is_handle(Value v);

void add_handle_types(Module* m);

}  // namespace gilvm::asyncio_impl
