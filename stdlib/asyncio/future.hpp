// The _asyncio module: asyncio.Future and asyncio.Task in C++, as CPython
// has them in C. asyncio.futures and asyncio.tasks take Future and Task from
// here; the event loop itself stays in Python (stdlib/py/asyncio.events.py,
// waiting natively through _asyncio_loop).
//
// Contract
// --------
// * A Future is a result that arrives later: pending, then cancelled or
//   finished (with a result or an exception), once. Its done callbacks are
//   (function, context) pairs; finishing never runs them: each is handed to
//   `loop.call_soon(fn, future, context=ctx)`, in registration order, and
//   the list is emptied. A callback added to a done future is scheduled at
//   once the same way.
// * Awaiting a Future (`__await__`/`__iter__`) gives a FutureIter whose
//   first step yields the future itself with `_asyncio_future_blocking`
//   set; the task that steps the awaiting coroutine sees that flag, clears
//   it and adds its wakeup as a done callback. The next step returns the
//   result (raises the exception) without a StopIteration: the interpreter's
//   SEND steps it through the hook registered in vm/native_send.hpp.
// * A Task is a Future that steps a coroutine: each step runs as a callback
//   scheduled with loop.call_soon in the task's own context; `_step` sends
//   None into the coroutine (or throws an exception) with generator_send /
//   generator_throw directly, registering the task as the loop's current
//   task around the step (`_enter_task` / `_leave_task`, kept in the
//   module's `_current_tasks` dict, loop -> task).
// * Behaviour, reprs and messages follow CPython 3.11's asyncio (what the
//   Python classes these replace did).
// * Python subclasses work as subclasses of any native type: instances are
//   these structs plus an instance dict. A subclass's Python `__init__`
//   must call the base's; other methods may be overridden, and the C++
//   side calls a future's methods (add_done_callback, cancel, result)
//   through Python only when it is not an exact Future or Task.
// * GC: every Value field is visited by trace(). Callbacks being scheduled
//   are first moved into a ValueVector (rooted) since call_soon runs Python.
//   An exact Task registers itself with Heap::register_finalizer at
//   construction, an exact Future only once it gets an exception (before
//   that its finalizer would have nothing to say, and a registered object
//   that dies is kept one more collection); a Python subclass is
//   registered by type_call, since the type has `__del__`. The finalizer
//   reports "exception was never retrieved" and "Task was destroyed but it
//   is pending!" through loop.call_exception_handler, as CPython does.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "vm/object.hpp"

namespace gilvm {
struct List;
struct Module;
}  // namespace gilvm

namespace gilvm::asyncio_impl {

struct FutureObject : Object {
  enum State : uint8_t { kPending, kCancelled, kFinished };
  State state = kPending;
  bool blocking = false;        // _asyncio_future_blocking
  bool log_traceback = false;   // an exception nobody retrieved yet
  bool initialized = false;     // __init__ ran (a subclass may forget)
  bool finalizer_registered = false;
  Value loop;
  Value result;                 // null until finished with a result
  Value exception;              // null unless finished with one
  Value exception_tb;
  Value source_traceback;
  Value cancel_message;
  Value cancelled_exc;          // the CancelledError a task's coroutine raised
  std::vector<Value> callbacks; // fn, context, fn, context, ...

  explicit FutureObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override;
  void finalize() override;
};

struct TaskObject : FutureObject {
  Value coro;
  Value context;
  Value name;                   // null: "Task-<number>", made when asked
  Value fut_waiter;
  Value step_callback;          // self._step, bound once
  Value wakeup_callback;        // self._wakeup, bound once
  int64_t number = 0;
  int64_t num_cancels_requested = 0;
  bool must_cancel = false;
  bool log_destroy_pending = true;

  explicit TaskObject(Type* t) : FutureObject(t) {}
  void trace(Tracer& t) override;
  void finalize() override;
};

extern Type* future_type;
extern Type* task_type;

// Shared by future.cpp and task.cpp.
FutureObject* as_future(Value v, const char* method);
bool is_future(Value v);  // an instance of Future or a subclass
void init_future(FutureObject* f, Value loop);
void schedule_callbacks(FutureObject* f);
Value make_cancelled_error(FutureObject* f);
bool future_cancel(FutureObject* f, Value msg);
void future_set_result(FutureObject* f, Value result);
void future_set_exception(FutureObject* f, Value exception);
// result(): the result, or raises the exception / CancelledError.
Value future_result(FutureObject* f);
// What Future._repr_info returns: a list of str.
List* future_repr_info(FutureObject* f);
// Schedules `fn(arg...)` with loop.call_soon(fn, *args, context=context).
void call_soon(Value loop, Value fn, std::initializer_list<Value> args, Value context);
// An exact Task schedules its own steps without binding `_step` and
// `_wakeup`: the Handle's callback is then the task itself, with a
// task_kind (handle.hpp), and a future's done-callback list may hold the
// task itself (an exact Task, which is not callable) for its `_wakeup`.
// Where Python looks (`Handle._callback`, `Future._callbacks`, reprs,
// remove_done_callback), the bound method is made then, once.
constexpr uint8_t kTaskStep = 1;
constexpr uint8_t kTaskWakeup = 2;
Value task_step_method_of(Value task);
Value task_wakeup_method_of(Value task);
// Runs what a Handle of that kind runs: _step(arg) or _wakeup(arg).
void run_task_callback(Value task, uint8_t kind, Value arg);
// A done callback as Python sees it (a Task entry is its bound _wakeup).
Value visible_callback(Value entry);
// The report of an unretrieved exception (the finalizer and __del__).
void report_unretrieved(FutureObject* f);

// Objects from the Python side of asyncio, looked up once and kept rooted.
Value cancelled_error_type();
Value invalid_state_error_type();
Value asyncio_attr(const char* module, const char* name);
[[noreturn]] void raise_invalid_state(const std::string& message);

// The Task type and the current-task functions (task.cpp).
void install_task(Module* m);

}  // namespace gilvm::asyncio_impl
