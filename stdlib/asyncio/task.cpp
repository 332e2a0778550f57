// asyncio.Task in C++, and the current-task bookkeeping (current_task,
// _enter_task, _leave_task, all_tasks). The contract is in
// stdlib/asyncio/future.hpp.
//
// One step (`_step`, scheduled with loop.call_soon in the task's context):
// send None into the coroutine (or throw an exception in) while the task is
// its loop's current task. If the coroutine yielded a future with
// `_asyncio_future_blocking` set, the task waits for its done callback
// (`_wakeup`, which steps again); a bare `yield` (sleep(0)) reschedules the
// task; anything else is thrown back in as a RuntimeError at the next step.
#include <cstring>
#include <string>

#include "stdlib/asyncio/future.hpp"
#include "stdlib/asyncio/loop.hpp"
#include "vm/builtins/container_ops.hpp"
#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/generator.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/set.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm::asyncio_impl {

namespace {

// loop -> the task it is stepping now; the module's `_current_tasks`.
Dict* current_tasks = nullptr;
int64_t task_counter = 0;

struct TaskCached {
  Value iscoroutine;
  Value copy_context;
  Value get_running_loop;
  Tuple* kw_msg = nullptr;
};
TaskCached tcached;

Value running_loop() {
  if (tcached.get_running_loop.is_null()) tcached.get_running_loop = asyncio_attr("asyncio.events", "get_running_loop");
  return call(tcached.get_running_loop, {});
}

bool is_coroutine(Value v) {
  if (type_of(v) == types().coroutine) return true;
  if (tcached.iscoroutine.is_null()) tcached.iscoroutine = asyncio_attr("asyncio.coroutines", "iscoroutine");
  return is_truthy(call(tcached.iscoroutine, {v}));
}

TaskObject* as_task(Value v, const char* method) {
  if (!isinstance(v, task_type))
    raise_type_error(std::string("descriptor '") + method + "' requires a '_asyncio.Task' object but received a '" +
                     type_name(v) + "'");
  return v.as<TaskObject>();
}

bool is_exact_future(Value v) { return type_of(v) == future_type || type_of(v) == task_type; }

Value task_name(TaskObject* t) {
  if (t->name.is_null()) t->name = new_str("Task-" + std::to_string(t->number));
  return t->name;
}

// -- the current task of each loop

void enter_task(Value loop, Value task) {
  Value current = current_tasks->table.get(loop);
  if (!current.is_null())
    raise_runtime_error("Cannot enter into task " + repr_string(task) + " while another task " + repr_string(current) +
                        " is being executed.");
  current_tasks->table.set(loop, task);
}

void leave_task(Value loop, Value task) {
  Value current = current_tasks->table.get(loop);
  if (current.is_null() || !current.is(task))
    raise_runtime_error("Leaving task " + repr_string(task) + " does not match the current task " +
                        repr_string(current.is_null() ? Value::none() : current) + ".");
  current_tasks->table.remove(loop);
}

Value enter_task_function(const CallArgs& a) {
  check_arg_count(a, "_enter_task", 2, 2);
  enter_task(a[0], a[1]);
  return Value::none();
}

Value leave_task_function(const CallArgs& a) {
  check_arg_count(a, "_leave_task", 2, 2);
  leave_task(a[0], a[1]);
  return Value::none();
}

Value current_task_function(const CallArgs& a) {
  ArgParser p(a, "current_task", {"loop"}, 0, false);
  Value loop = p.get(0, Value::none());
  if (loop.is_none()) loop = running_loop();
  Value task = current_tasks->table.get(loop);
  return task.is_null() ? Value::none() : task;
}

Value all_tasks_function(const CallArgs& a) {
  ArgParser p(a, "all_tasks", {"loop"}, 0, false);
  Value loop = p.get(0, Value::none());
  if (loop.is_none()) loop = running_loop();
  ValueVector tasks = collect_iterable(get_attr(loop, intern("_tasks")));
  Set* result = new_set();
  for (Value t : tasks) {
    bool done = isinstance(t, future_type) ? t.as<FutureObject>()->state != FutureObject::kPending
                                           : is_truthy(call_method(t, "done", {}));
    if (!done) result->table.add(t);
  }
  return result;
}

// -- scheduling itself

// loop.call_soon(self._step[, exception], context=self._context).
void schedule_step(TaskObject* t, Value exception) {
  Value args[1] = {exception};
  size_t n = exception.is_null() ? 0 : 1;
  if (t->step_callback.is_null()) schedule_soon(t->loop, Value(t), args, n, t->context, kTaskStep);
  else schedule_soon(t->loop, t->step_callback, args, n, t->context);
}

// -- construction

void init_task(TaskObject* t, Value coro, Value loop, Value name, Value context) {
  init_future(t, loop);
  if (!is_coroutine(coro)) {
    t->log_destroy_pending = false;
    raise_type_error("a coroutine was expected, got " + repr_string(coro));
  }
  // Only unnamed tasks take a number, as CPython counts them.
  if (name.is_null() || name.is_none()) {
    t->number = ++task_counter;
    t->name = Value::null();
  } else {
    t->name = to_str(name);
  }
  t->num_cancels_requested = 0;
  t->must_cancel = false;
  t->fut_waiter = Value::none();
  t->coro = coro;
  // Each step runs in the task's own copy of the creator's context, so what
  // the task sets in a ContextVar stays its own.
  if (context.is_null() || context.is_none()) {
    if (tcached.copy_context.is_null()) tcached.copy_context = asyncio_attr("contextvars", "copy_context");
    context = call(tcached.copy_context, {});
  }
  t->context = context;
  // An exact Task schedules itself (HandleObject::task_kind) and binds its
  // _step / _wakeup only if asked for them; a subclass's are bound once, so
  // its own overrides are honoured as before.
  static Str* tasks_name = intern("_tasks");
  static Str* add_name = intern("add");
  t->step_callback = Value::null();
  t->wakeup_callback = Value::null();
  if (type_of(Value(t)) != task_type) {
    t->step_callback = get_attr(Value(t), intern("_step"));
    t->wakeup_callback = get_attr(Value(t), intern("_wakeup"));
  }
  schedule_step(t, Value::null());
  call_method(get_attr(t->loop, tasks_name), add_name, {Value(t)});
}

void parse_and_init(TaskObject* t, const CallArgs& a, bool has_self) {
  ArgParser p(a, "Task", {"coro", "loop", "name", "context"}, 1, has_self, 1);
  init_task(t, p.get(0), p.get(1, Value::none()), p.get(2, Value::none()), p.get(3, Value::none()));
}

Value task_construct(Type* type, const CallArgs& a) {
  auto* t = gc_new<TaskObject>(type);
  if (type->is_builtin) {
    heap().register_finalizer(t);
    t->finalizer_registered = true;
  }
  if (init_takes_arguments(type, task_type)) return t;
  parse_and_init(t, a, false);
  return t;
}

Value task_init(const CallArgs& a) {
  parse_and_init(as_task(a[0], "__init__"), a, true);
  return Value::none();
}

void report_pending(TaskObject* t) {
  if (t->state != FutureObject::kPending || !t->log_destroy_pending || t->loop.is_null()) return;
  Dict* context = new_dict();
  context->table.set(intern("task"), Value(t));
  context->table.set(intern("message"), new_str("Task was destroyed but it is pending!"));
  call_method(t->loop, "call_exception_handler", {Value(context)});
}

Value task_del(const CallArgs& a) {
  TaskObject* t = as_task(a[0], "__del__");
  report_pending(t);
  report_unretrieved(t);
  return Value::none();
}

Value task_repr_info(const CallArgs& a) {
  TaskObject* t = as_task(a[0], "_repr_info");
  List* info = future_repr_info(t);
  if (t->must_cancel) info->items[0] = new_str("cancelling");
  info->items.insert(info->items.begin() + 1, new_str("name=" + repr_string(task_name(t))));
  Value coro = t->coro.is_null() ? Value::none() : t->coro;
  Value qualname = get_attr_or_null(coro, intern("__qualname__"));
  std::string coro_text = (qualname.is_null() || !is_truthy(qualname)) ? repr_string(coro) : str_string(qualname);
  info->items.insert(info->items.begin() + 2, new_str("coro=<" + coro_text + "()>"));
  if (!t->fut_waiter.is_null() && !t->fut_waiter.is_none())
    info->items.insert(info->items.begin() + 3, new_str("wait_for=" + repr_string(t->fut_waiter)));
  return info;
}

// -- simple methods

Value none_if_null(Value v) { return v.is_null() ? Value::none() : v; }

Value task_get_coro(const CallArgs& a) { return none_if_null(as_task(a[0], "get_coro")->coro); }
Value task_get_context(const CallArgs& a) { return none_if_null(as_task(a[0], "get_context")->context); }
Value task_get_name(const CallArgs& a) { return task_name(as_task(a[0], "get_name")); }

Value task_set_name(const CallArgs& a) {
  check_arg_count(a, "set_name", 2, 2);
  as_task(a[0], "set_name")->name = to_str(a[1]);
  return Value::none();
}

Value task_set_result(const CallArgs&) { raise_runtime_error("Task does not support set_result operation"); }
Value task_set_exception(const CallArgs&) { raise_runtime_error("Task does not support set_exception operation"); }

Value task_get_stack(const CallArgs& a) {
  ArgParser p(a, "get_stack", {"limit"}, 0, true, 0);
  return new_list();
}

Value task_print_stack(const CallArgs& a) {
  ArgParser p(a, "print_stack", {"limit", "file"}, 0, true, 0);
  Value target = p.get(1, Value::none());
  if (target.is_none()) target = asyncio_attr("sys", "stderr");
  call_method(target, "write", {new_str("No stack for " + repr_string(a[0]) + "\n")});
  return Value::none();
}

bool cancel_waiter(Value waiter, Value msg);

bool task_cancel(TaskObject* t, Value msg) {
  t->log_traceback = false;
  if (t->state != FutureObject::kPending) return false;
  t->num_cancels_requested += 1;
  // Cancelling what the task waits for makes the task's await raise
  // CancelledError; otherwise the next step throws it in.
  if (!t->fut_waiter.is_null() && !t->fut_waiter.is_none() && cancel_waiter(t->fut_waiter, msg)) return true;
  t->must_cancel = true;
  t->cancel_message = msg;
  return true;
}

// Cancels a future the task waits for: directly when it is an exact Future
// or Task, else through its (maybe overridden) cancel(msg=...).
bool cancel_waiter(Value waiter, Value msg) {
  if (type_of(waiter) == future_type) return future_cancel(waiter.as<FutureObject>(), msg);
  if (type_of(waiter) == task_type) return task_cancel(waiter.as<TaskObject>(), msg);
  Value method = get_attr(waiter, intern("cancel"));
  Value args[1] = {msg};
  return is_truthy(call_object(method, CallArgs{args, 0, tcached.kw_msg}));
}

Value task_cancel_method(const CallArgs& a) {
  TaskObject* t = as_task(a[0], "cancel");
  ArgParser p(a, "cancel", {"msg"});
  return Value::boolean(task_cancel(t, p.get(0, Value::none())));
}

Value task_cancelling(const CallArgs& a) { return make_int(as_task(a[0], "cancelling")->num_cancels_requested); }

Value task_uncancel(const CallArgs& a) {
  TaskObject* t = as_task(a[0], "uncancel");
  if (t->num_cancels_requested > 0) t->num_cancels_requested -= 1;
  return make_int(t->num_cancels_requested);
}

// -- stepping

// One send/throw into the coroutine, without a StopIteration for native
// coroutines; other awaitables' iterators go through send/throw.
GenResult step_coroutine(Value coro, Value exception) {
  if (is_generator_like(coro) && type_of(coro) != types().async_generator) {
    Generator* gen = coro.as<Generator>();
    return exception.is_null() ? generator_send(gen, Value::none()) : generator_throw(gen, exception);
  }
  GenResult r;
  try {
    r.value = exception.is_null() ? call_method(coro, intern("send"), {Value::none()})
                                  : call_method(coro, intern("throw"), {exception});
    r.finished = false;
  } catch (PyException&) {
    if (!exception_matches(exc().StopIteration)) throw;
    Value stop = take_current_exception();
    const auto& items = stop.as<ExceptionObject>()->args->items;
    r.value = items.empty() ? Value::none() : items[0];
    r.finished = true;
  }
  return r;
}

void schedule_step_with_error(TaskObject* t, const std::string& message) {
  schedule_step(t, new_exception(exc().RuntimeError, message));
}

Value loop_of(Value future) {
  if (is_future(future)) return future.as<FutureObject>()->loop;
  Value get_loop = get_attr_or_null(future, intern("get_loop"));
  return get_loop.is_null() ? get_attr(future, intern("_loop")) : call(get_loop, {});
}

// The coroutine yielded `result` (not finished): decide what wakes the task.
void after_yield(TaskObject* t, Value result) {
  Value blocking;
  if (is_future(result)) {
    blocking = Value::boolean(result.as<FutureObject>()->blocking);
  } else {
    blocking = result.is_none() ? Value::null() : get_attr_or_null(result, intern("_asyncio_future_blocking"));
  }
  if (!blocking.is_null() && !blocking.is_none()) {
    if (!loop_of(result).is(t->loop)) {
      schedule_step_with_error(t, "Task " + repr_string(Value(t)) + " got Future " + repr_string(result) +
                                      " attached to a different loop");
    } else if (is_truthy(blocking)) {
      if (result.is(Value(t))) {
        schedule_step_with_error(t, "Task cannot await on itself: " + repr_string(Value(t)));
        return;
      }
      if (is_exact_future(result)) {
        FutureObject* f = result.as<FutureObject>();
        f->blocking = false;
        if (f->state != FutureObject::kPending) {
          if (t->wakeup_callback.is_null()) schedule_soon(f->loop, Value(t), &result, 1, t->context, kTaskWakeup);
          else call_soon(f->loop, t->wakeup_callback, {result}, t->context);
        } else {
          // An exact Task as the callback stands for its _wakeup (see
          // future.hpp); nothing else puts a Task there.
          f->callbacks.push_back(t->wakeup_callback.is_null() ? Value(t) : t->wakeup_callback);
          f->callbacks.push_back(t->context);
        }
      } else {
        set_attr(result, intern("_asyncio_future_blocking"), Value::false_value());
        static Tuple* kw_context = nullptr;
        if (kw_context == nullptr) {
          kw_context = new_tuple({intern("context")});
          heap().add_root_source([](Tracer& tr) { tr.visit(kw_context); });
        }
        Value args[2] = {task_wakeup_method_of(Value(t)), t->context};
        call_object(get_attr(result, intern("add_done_callback")), CallArgs{args, 1, kw_context});
      }
      t->fut_waiter = result;
      if (t->must_cancel && cancel_waiter(result, none_if_null(t->cancel_message))) t->must_cancel = false;
    } else {
      schedule_step_with_error(t, "yield was used instead of yield from in task " + repr_string(Value(t)) + " with " +
                                      repr_string(result));
    }
  } else if (result.is_none()) {
    schedule_step(t, Value::null());  // a bare yield: sleep(0)
  } else {
    schedule_step_with_error(t, "Task got bad yield: " + repr_string(result));
  }
}

// Zeroes the stack below the caller. A finished step leaves the task's
// address in dead native frames; a later, deeper call chain (the next
// task's step running the collector) may keep such slots in its own
// frames uninitialized, where the conservative scan would take them for a
// root and delay the "never retrieved" report by a collection.
[[gnu::noinline]] void clear_dead_stack() {
  char area[8192];
  std::memset(area, 0, sizeof area);
  asm volatile("" : : "r"(area) : "memory");
}

// The step itself, between _enter_task and _leave_task.
void step_as_current(TaskObject* t, Value exception, Type* cancelled_error) {
  GenResult r;
  bool raised = false;
  try {
    r = step_coroutine(t->coro, exception);
  } catch (PyException&) {
    raised = true;
  }
  if (raised) {
    Value error = take_current_exception();
    if (isinstance(error, cancelled_error)) {
      t->cancelled_exc = error;  // result() re-raises this one
      future_cancel(t, Value::none());
    } else if (isinstance(error, exc().KeyboardInterrupt) || isinstance(error, exc().SystemExit)) {
      future_set_exception(t, error);
      current_thread_state()->current_exception = error;  // and on up: the loop stops
      throw PyException{};
    } else {
      future_set_exception(t, error);
    }
  } else if (r.finished) {
    if (t->must_cancel) {
      // Cancelled after its last await: it still ends cancelled.
      t->must_cancel = false;
      future_cancel(t, none_if_null(t->cancel_message));
    } else {
      future_set_result(t, r.value);
    }
  } else {
    after_yield(t, r.value);
  }
}

void task_step(TaskObject* t, Value exception) {
  if (t->state != FutureObject::kPending)
    raise_invalid_state("_step(): already done: " + repr_string(Value(t)) + ", " +
                        repr_string(exception.is_null() ? Value::none() : exception));
  Type* cancelled_error = cancelled_error_type().as<Type>();
  if (t->must_cancel) {
    if (exception.is_null() || !isinstance(exception, cancelled_error)) exception = make_cancelled_error(t);
    t->must_cancel = false;
  }
  t->fut_waiter = Value::none();
  Value loop = t->loop;
  Value self = t;
  enter_task(loop, self);
  try {
    step_as_current(t, exception, cancelled_error);
  } catch (PyException&) {
    // As a `finally:` would: leave, then let the exception go on (unless
    // leaving raises instead).
    Value error = take_current_exception();
    leave_task(loop, self);
    current_thread_state()->current_exception = error;
    throw;
  }
  leave_task(loop, self);
  if (t->state != FutureObject::kPending) clear_dead_stack();
}

Value task_step_method(const CallArgs& a) {
  check_arg_count(a, "_step", 1, 2);
  TaskObject* t = as_task(a[0], "_step");
  Value exception = a.count > 1 && !a[1].is_none() ? a[1] : Value::null();
  task_step(t, exception);
  return Value::none();
}

void wakeup_task(TaskObject* t, Value future) {
  if (is_exact_future(future)) {
    FutureObject* f = future.as<FutureObject>();
    if (f->state == FutureObject::kFinished && f->exception.is_null()) {
      f->log_traceback = false;
      task_step(t, Value::null());
    } else if (f->state == FutureObject::kFinished) {
      f->log_traceback = false;
      task_step(t, f->exception);
    } else {
      // Cancelled (or, wrongly, still pending): result() raises what to throw in.
      Value error;
      try {
        future_result(f);
      } catch (PyException&) {
        error = take_current_exception();
      }
      task_step(t, error);
    }
    return;
  }
  Value error;
  try {
    call_method(future, "result", {});
  } catch (PyException&) {
    error = take_current_exception();
  }
  task_step(t, error);
}

Value task_wakeup(const CallArgs& a) {
  check_arg_count(a, "_wakeup", 2, 2);
  wakeup_task(as_task(a[0], "_wakeup"), a[1]);
  return Value::none();
}


// -- what a Handle with a task_kind does and shows

}  // namespace

Value task_step_method_of(Value task) {
  TaskObject* t = task.as<TaskObject>();
  if (t->step_callback.is_null()) t->step_callback = get_attr(task, intern("_step"));
  return t->step_callback;
}

Value task_wakeup_method_of(Value task) {
  TaskObject* t = task.as<TaskObject>();
  if (t->wakeup_callback.is_null()) t->wakeup_callback = get_attr(task, intern("_wakeup"));
  return t->wakeup_callback;
}

void run_task_callback(Value task, uint8_t kind, Value arg) {
  TaskObject* t = task.as<TaskObject>();
  if (kind == kTaskWakeup) {
    wakeup_task(t, arg);
    return;
  }
  if (!arg.is_null() && arg.is_none()) arg = Value::null();
  task_step(t, arg);
}

namespace {

// -- attributes

TaskObject* self_task(Value v) { return as_task(v, "attribute"); }
Value get_coro_attr(Value self) { return none_if_null(self_task(self)->coro); }
Value get_context_attr(Value self) { return none_if_null(self_task(self)->context); }
Value get_name_attr(Value self) { return task_name(self_task(self)); }
Value get_fut_waiter(Value self) { return none_if_null(self_task(self)->fut_waiter); }
Value get_must_cancel(Value self) { return Value::boolean(self_task(self)->must_cancel); }
void set_must_cancel(Value self, Value v) { self_task(self)->must_cancel = !v.is_null() && is_truthy(v); }
Value get_log_destroy_pending(Value self) { return Value::boolean(self_task(self)->log_destroy_pending); }
void set_log_destroy_pending(Value self, Value v) {
  if (v.is_null()) raise_attribute_error("cannot delete attribute");
  self_task(self)->log_destroy_pending = is_truthy(v);
}
Value get_num_cancels(Value self) { return make_int(self_task(self)->num_cancels_requested); }
void set_num_cancels(Value self, Value v) {
  if (v.is_null()) raise_attribute_error("cannot delete attribute");
  self_task(self)->num_cancels_requested = index_value(v);
}

}  // namespace

void TaskObject::trace(Tracer& t) {
  FutureObject::trace(t);
  t.visit(coro);
  t.visit(context);
  t.visit(name);
  t.visit(fut_waiter);
  t.visit(step_callback);
  t.visit(wakeup_callback);
}

void TaskObject::finalize() {
  report_pending(this);
  report_unretrieved(this);
}

void install_task(Module* m) {
  if (task_type == nullptr) {
    Type* t = new_builtin_type("Task", future_type, task_construct);
    task_type = t;
    add_type_attr(t, "__module__", intern("_asyncio"));
    add_method(t, "__init__", task_init);
    add_method(t, "__del__", task_del);
    add_method(t, "_repr_info", task_repr_info);
    add_method(t, "get_coro", task_get_coro);
    add_method(t, "get_context", task_get_context);
    add_method(t, "get_name", task_get_name);
    add_method(t, "set_name", task_set_name);
    add_method(t, "set_result", task_set_result);
    add_method(t, "set_exception", task_set_exception);
    add_method(t, "get_stack", task_get_stack);
    add_method(t, "print_stack", task_print_stack);
    add_method(t, "cancel", task_cancel_method);
    add_method(t, "cancelling", task_cancelling);
    add_method(t, "uncancel", task_uncancel);
    add_method(t, "_step", task_step_method);
    add_method(t, "_wakeup", task_wakeup);
    add_getset(t, "_coro", get_coro_attr);
    add_getset(t, "_context", get_context_attr);
    add_getset(t, "_name", get_name_attr);
    add_getset(t, "_fut_waiter", get_fut_waiter);
    add_getset(t, "_must_cancel", get_must_cancel, set_must_cancel);
    add_getset(t, "_log_destroy_pending", get_log_destroy_pending, set_log_destroy_pending);
    add_getset(t, "_num_cancels_requested", get_num_cancels, set_num_cancels);
    current_tasks = new_dict();
    tcached.kw_msg = new_tuple({intern("msg")});
    heap().add_root_source([](Tracer& tr) {
      tr.visit(current_tasks);
      tr.visit(tcached.iscoroutine);
      tr.visit(tcached.copy_context);
      tr.visit(tcached.get_running_loop);
      tr.visit(tcached.kw_msg);
    });
  }
  DictTable& d = m->dict()->table;
  d.set(intern("Task"), task_type);
  d.set(intern("_current_tasks"), current_tasks);
  add_function(m, "current_task", current_task_function);
  add_function(m, "all_tasks", all_tasks_function);
  add_function(m, "_enter_task", enter_task_function);
  add_function(m, "_leave_task", leave_task_function);
}

}  // namespace gilvm::asyncio_impl
