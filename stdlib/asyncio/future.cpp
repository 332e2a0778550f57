// asyncio.Future in C++ and its awaiting iterator, plus the _asyncio
// module's registration. The contract is in stdlib/asyncio/future.hpp.
#include "stdlib/asyncio/future.hpp"

#include "stdlib/asyncio/loop.hpp"

#include <string>

#include "stdlib/stdlib.hpp"
#include "vm/builtins/container_ops.hpp"
#include "vm/builtins_core.hpp"
#include "vm/call.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/native_send.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm::asyncio_impl {

Type* future_type = nullptr;
Type* task_type = nullptr;

namespace {

Type* future_iter_type = nullptr;

// Looked up from the Python side of asyncio on first use; a root source
// keeps them (the modules would too, unless a script replaced them).
struct Cached {
  Value cancelled_error;
  Value invalid_state_error;
  Value format_callback;
};
Cached cached;

}  // namespace

void FutureObject::trace(Tracer& t) {
  t.visit(loop);
  t.visit(result);
  t.visit(exception);
  t.visit(exception_tb);
  t.visit(source_traceback);
  t.visit(cancel_message);
  t.visit(cancelled_exc);
  t.visit_all(callbacks);
}

void FutureObject::finalize() { report_unretrieved(this); }

Value asyncio_attr(const char* module, const char* name) {
  Str* module_name = intern(module);
  Value m = module_table()->table.get_str(module_name);
  if (m.is_null()) {
    import_module(module_name, builtins_dict(), Value::none(), 0);
    m = module_table()->table.get_str(module_name);
    if (m.is_null()) raise_error(exc().ImportError, std::string("cannot import ") + module);
  }
  return get_attr(m, intern(name));
}

Value cancelled_error_type() {
  if (cached.cancelled_error.is_null()) cached.cancelled_error = asyncio_attr("asyncio.exceptions", "CancelledError");
  return cached.cancelled_error;
}

Value invalid_state_error_type() {
  if (cached.invalid_state_error.is_null())
    cached.invalid_state_error = asyncio_attr("asyncio.exceptions", "InvalidStateError");
  return cached.invalid_state_error;
}

void raise_invalid_state(const std::string& message) {
  Value type = invalid_state_error_type();
  raise_exception(call(type, {new_str(message)}));
}

bool is_future(Value v) { return isinstance(v, future_type); }

FutureObject* as_future(Value v, const char* method) {
  if (!is_future(v))
    raise_type_error(std::string("descriptor '") + method + "' requires a '_asyncio.Future' object but received a '" +
                     type_name(v) + "'");
  return v.as<FutureObject>();
}

void call_soon(Value loop, Value fn, std::initializer_list<Value> args, Value context) {
  Value call_args[3];
  size_t n = 0;
  for (Value a : args) call_args[n++] = a;
  schedule_soon(loop, fn, call_args, n, context);
}

Value visible_callback(Value entry) { return type_of(entry) == task_type ? task_wakeup_method_of(entry) : entry; }

void init_future(FutureObject* f, Value loop) {
  if (loop.is_null() || loop.is_none()) {
    loop = call(asyncio_attr("asyncio.events", "get_event_loop"), {});
  }
  f->loop = loop;
  f->callbacks.clear();
  f->initialized = true;
}

// Task overrides this in the Python version to leave loop._tasks: a done
// task is no longer one of asyncio.all_tasks().
void schedule_callbacks(FutureObject* f) {
  if (isinstance(f, task_type)) {
    static Str* tasks_name = intern("_tasks");
    static Str* discard_name = intern("discard");
    Value tasks = get_attr(f->loop, tasks_name);
    call_method(tasks, discard_name, {Value(f)});
  }
  if (f->callbacks.empty()) return;
  ValueVector pending;  // rooted: call_soon runs Python
  for (Value v : f->callbacks) pending.push_back(v);
  f->callbacks.clear();
  Value loop = f->loop;
  Value self = f;
  for (size_t i = 0; i < pending.size(); i += 2) {
    if (type_of(pending[i]) == task_type) schedule_soon(loop, pending[i], &self, 1, pending[i + 1], kTaskWakeup);
    else call_soon(loop, pending[i], {self}, pending[i + 1]);
  }
}

Value make_cancelled_error(FutureObject* f) {
  // The CancelledError a cancelled task's coroutine raised is handed on
  // itself (it carries the message and the traceback).
  if (!f->cancelled_exc.is_null() && !f->cancelled_exc.is_none()) {
    Value e = f->cancelled_exc;
    f->cancelled_exc = Value::null();
    return e;
  }
  Value type = cancelled_error_type();
  if (f->cancel_message.is_null() || f->cancel_message.is_none()) return call(type, {});
  return call(type, {f->cancel_message});
}

bool future_cancel(FutureObject* f, Value msg) {
  f->log_traceback = false;
  if (f->state != FutureObject::kPending) return false;
  f->state = FutureObject::kCancelled;
  f->cancel_message = msg;
  schedule_callbacks(f);
  return true;
}

void future_set_result(FutureObject* f, Value result) {
  if (f->state != FutureObject::kPending) raise_invalid_state("invalid state");
  f->result = result;
  f->state = FutureObject::kFinished;
  schedule_callbacks(f);
}

void future_set_exception(FutureObject* f, Value exception) {
  if (f->state != FutureObject::kPending) raise_invalid_state("invalid state");
  if (is_exception_class(exception)) exception = call(exception, {});
  if (type_of(exception) == exc().StopIteration)
    raise_type_error("StopIteration interacts badly with generators and cannot be raised into a Future");
  f->exception = exception;
  static Str* traceback_name = intern("__traceback__");
  f->exception_tb = get_attr(exception, traceback_name);
  f->state = FutureObject::kFinished;
  if (f->type->is_builtin && !f->finalizer_registered) {
    heap().register_finalizer(f);  // from now on it may have to report
    f->finalizer_registered = true;
  }
  schedule_callbacks(f);
  f->log_traceback = true;
}

void report_unretrieved(FutureObject* f) {
  if (!f->log_traceback || f->loop.is_null()) return;
  Dict* context = new_dict();
  context->table.set(intern("message"), new_str(f->type->name + " exception was never retrieved"));
  context->table.set(intern("exception"), f->exception.is_null() ? Value::none() : f->exception);
  context->table.set(intern("future"), Value(f));
  call_method(f->loop, "call_exception_handler", {Value(context)});
}

namespace {

Value none_if_null(Value v) { return v.is_null() ? Value::none() : v; }

}  // namespace

Value future_result(FutureObject* f) {
  if (f->state == FutureObject::kCancelled) raise_exception(make_cancelled_error(f));
  if (f->state != FutureObject::kFinished) raise_invalid_state("Result is not set.");
  f->log_traceback = false;
  if (!f->exception.is_null()) raise_exception(f->exception);
  return none_if_null(f->result);
}

namespace {

void check_initialized(FutureObject* f) {
  if (!f->initialized) raise_runtime_error("Future object is not initialized.");
}

// -- construction

Value future_construct(Type* type, const CallArgs& a) {
  auto* f = gc_new<FutureObject>(type);
  if (init_takes_arguments(type, future_type)) return f;
  ArgParser p(a, "Future", {"loop"}, 0, false, 0);
  init_future(f, p.get(0, Value::none()));
  return f;
}

Value future_init(const CallArgs& a) {
  FutureObject* f = as_future(a[0], "__init__");
  ArgParser p(a, "Future", {"loop"}, 0, true, 0);
  init_future(f, p.get(0, Value::none()));
  return Value::none();
}

Value future_del(const CallArgs& a) {
  report_unretrieved(as_future(a[0], "__del__"));
  return Value::none();
}

// -- repr

// repr(value), at most 40 characters: the middle is elided as reprlib does.
std::string short_repr(Value v) {
  Str* text = repr(v);
  if (text->length <= 40) return text->data;
  const std::string& s = text->data;
  auto byte_of = [&](int64_t code_point) {
    int64_t seen = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
      if (seen == code_point) return i;
      ++seen;
    }
    return s.size();
  };
  return s.substr(0, byte_of(18)) + "..." + s.substr(byte_of(text->length - 18));
}

const char* state_name(FutureObject::State s) {
  switch (s) {
    case FutureObject::kPending: return "PENDING";
    case FutureObject::kCancelled: return "CANCELLED";
    default: return "FINISHED";
  }
}

}  // namespace

List* future_repr_info(FutureObject* f) {
  std::string state = state_name(f->state);
  for (char& c : state) c = static_cast<char>(c - 'A' + 'a');
  List* info = new_list({new_str(state)});
  if (f->state == FutureObject::kFinished) {
    if (!f->exception.is_null()) info->items.push_back(new_str("exception=" + repr_string(f->exception)));
    else info->items.push_back(new_str("result=" + short_repr(none_if_null(f->result))));
  }
  if (!f->callbacks.empty()) {
    if (cached.format_callback.is_null()) cached.format_callback = asyncio_attr("asyncio.events", "_format_callback");
    ValueVector fns;
    for (size_t i = 0; i < f->callbacks.size(); i += 2) fns.push_back(f->callbacks[i]);
    for (Value& fn : fns) fn = visible_callback(fn);
    std::string text = "cb=[";
    Value no_args = new_tuple();
    for (size_t i = 0; i < fns.size(); ++i) {
      if (i) text += ", ";
      text += str_string(call(cached.format_callback, {fns[i], no_args}));
    }
    info->items.push_back(new_str(text + "]"));
  }
  return info;
}

namespace {

Value future_repr_info_method(const CallArgs& a) { return future_repr_info(as_future(a[0], "_repr_info")); }

Value future_repr(const CallArgs& a) {
  Value info = call_method(a[0], "_repr_info", {});
  Value joined = call_method(intern(" "), "join", {info});
  return new_str("<" + type_of(a[0])->name + " " + str_string(joined) + ">");
}

Value future_class_getitem(const CallArgs& a) {
  check_arg_count(a, "__class_getitem__", 2, 2);
  // A types.GenericAlias, as CPython's: made through list's, whose type it is.
  Value sample = call_method(Value(types().list), "__class_getitem__", {Value(types().int_)});
  return call(Value(type_of(sample)), {a[0], a[1]});
}

// -- state

Value future_get_loop(const CallArgs& a) {
  FutureObject* f = as_future(a[0], "get_loop");
  check_initialized(f);
  return f->loop;
}

Value future_cancel_method(const CallArgs& a) {
  FutureObject* f = as_future(a[0], "cancel");
  ArgParser p(a, "cancel", {"msg"});
  check_initialized(f);
  return Value::boolean(future_cancel(f, p.get(0, Value::none())));
}

Value future_make_cancelled_error(const CallArgs& a) {
  return make_cancelled_error(as_future(a[0], "_make_cancelled_error"));
}

Value future_cancelled(const CallArgs& a) {
  return Value::boolean(as_future(a[0], "cancelled")->state == FutureObject::kCancelled);
}

Value future_done(const CallArgs& a) {
  return Value::boolean(as_future(a[0], "done")->state != FutureObject::kPending);
}

Value future_result_method(const CallArgs& a) {
  check_arg_count(a, "result", 1, 1);
  return future_result(as_future(a[0], "result"));
}

Value future_exception(const CallArgs& a) {
  check_arg_count(a, "exception", 1, 1);
  FutureObject* f = as_future(a[0], "exception");
  if (f->state == FutureObject::kCancelled) raise_exception(make_cancelled_error(f));
  if (f->state != FutureObject::kFinished) raise_invalid_state("Exception is not set.");
  f->log_traceback = false;
  return none_if_null(f->exception);
}

Value future_add_done_callback(const CallArgs& a) {
  FutureObject* f = as_future(a[0], "add_done_callback");
  ArgParser p(a, "add_done_callback", {"fn", "context"}, 1, true, 1);
  check_initialized(f);
  Value fn = p.get(0);
  Value context = p.get(1, Value::none());
  if (f->state != FutureObject::kPending) {
    call_soon(f->loop, fn, {Value(f)}, context);
  } else {
    f->callbacks.push_back(fn);
    f->callbacks.push_back(context);
  }
  return Value::none();
}

Value future_remove_done_callback(const CallArgs& a) {
  check_arg_count(a, "remove_done_callback", 2, 2);
  FutureObject* f = as_future(a[0], "remove_done_callback");
  Value fn = a[1];
  // A snapshot: comparing may run Python that changes the list.
  ValueVector before;
  for (Value v : f->callbacks) before.push_back(v);
  ValueVector kept;
  for (size_t i = 0; i < before.size(); i += 2) {
    if (!before[i].is(fn) && !values_equal(visible_callback(before[i]), fn)) {
      kept.push_back(before[i]);
      kept.push_back(before[i + 1]);
    }
  }
  size_t removed = (before.size() - kept.size()) / 2;
  if (removed) f->callbacks.assign(kept.begin(), kept.end());
  return make_int(static_cast<int64_t>(removed));
}

Value future_set_result_method(const CallArgs& a) {
  check_arg_count(a, "set_result", 2, 2);
  FutureObject* f = as_future(a[0], "set_result");
  check_initialized(f);
  future_set_result(f, a[1]);
  return Value::none();
}

Value future_set_exception_method(const CallArgs& a) {
  check_arg_count(a, "set_exception", 2, 2);
  FutureObject* f = as_future(a[0], "set_exception");
  check_initialized(f);
  future_set_exception(f, a[1]);
  return Value::none();
}

// -- awaiting

struct FutureIter : Object {
  Value future;       // null once exhausted
  bool yielded = false;
  explicit FutureIter(Type* t, Value f) : Object(t), future(f) {}
  void trace(Tracer& t) override { t.visit(future); }
};

Value future_await(const CallArgs& a) {
  check_arg_count(a, "__await__", 1, 1);
  FutureObject* f = as_future(a[0], "__await__");
  check_initialized(f);
  return gc_new<FutureIter>(future_iter_type, a[0]);
}

// The body of the Python version's generator: yield the future once while
// it is pending, then hand back its result.
int future_iter_step(Object* object, Value, Value* out) {
  auto* it = static_cast<FutureIter*>(object);
  if (it->future.is_null()) raise_stop_iteration(Value::none());
  FutureObject* f = it->future.as<FutureObject>();
  if (!it->yielded && f->state == FutureObject::kPending) {
    f->blocking = true;
    it->yielded = true;
    *out = it->future;
    return 1;
  }
  Value fut = it->future;
  it->future = Value::null();
  if (f->state == FutureObject::kPending) raise_runtime_error("await wasn't used with future");
  *out = (type_of(fut) == future_type || type_of(fut) == task_type) ? future_result(f) : call_method(fut, "result", {});
  return 0;
}

FutureIter* as_future_iter(Value v) {
  if (type_of(v) != future_iter_type) raise_type_error("descriptor requires a '_asyncio.FutureIter' object");
  return v.as<FutureIter>();
}

Value future_iter_send(const CallArgs& a) {
  check_arg_count(a, "send", 2, 2);
  Value out;
  if (future_iter_step(as_future_iter(a[0]), a[1], &out)) return out;
  raise_stop_iteration(out);
}

Value future_iter_next(const CallArgs& a) {
  check_arg_count(a, "__next__", 1, 1);
  Value out;
  if (future_iter_step(as_future_iter(a[0]), Value::none(), &out)) return out;
  raise_stop_iteration(out);
}

// Also the throw() of _YieldIter: either way the exception comes out
// where the await is.
Value future_iter_throw(const CallArgs& a) {
  check_arg_count(a, "throw", 2, 4);
  if (type_of(a[0]) == future_iter_type) as_future_iter(a[0])->future = Value::null();
  Value e = a[1];
  if (is_exception_class(e)) e = (a.count > 2 && !a[2].is_none()) ? call(e, {a[2]}) : call(e, {});
  if (!is_exception_instance(e))
    raise_type_error("exceptions must be classes or instances deriving from BaseException, not " + type_name(e));
  raise_exception(e);
}

Value future_iter_close(const CallArgs& a) {
  check_arg_count(a, "close", 1, 1);
  as_future_iter(a[0])->future = Value::null();
  return Value::none();
}

Value future_iter_iter(const CallArgs& a) {
  check_arg_count(a, "__iter__", 1, 1);
  return a[0];
}

// -- sleep(0)'s awaitable: `await _asyncio._yield_once` gives up the loop for
// one iteration (a bare yield, which the task answers by stepping again at
// the next one). Native so that sleep(0) makes no generator.

Type* yield_once_type = nullptr;
Type* yield_iter_type = nullptr;

struct YieldIter : Object {
  bool yielded = false;
  explicit YieldIter(Type* t) : Object(t) {}
};

int yield_iter_step(Object* object, Value, Value* out) {
  auto* it = static_cast<YieldIter*>(object);
  *out = Value::none();
  if (it->yielded) return 0;
  it->yielded = true;
  return 1;
}

Value yield_once_await(const CallArgs& a) {
  check_arg_count(a, "__await__", 1, 1);
  return gc_new<YieldIter>(yield_iter_type);
}

Value yield_iter_send(const CallArgs& a) {
  check_arg_count(a, "send", 2, 2);
  if (type_of(a[0]) != yield_iter_type) raise_type_error("descriptor requires a '_asyncio._YieldIter' object");
  Value out;
  if (yield_iter_step(a[0].object(), a[1], &out)) return out;
  raise_stop_iteration(out);
}

Value yield_iter_next(const CallArgs& a) {
  check_arg_count(a, "__next__", 1, 1);
  if (type_of(a[0]) != yield_iter_type) raise_type_error("descriptor requires a '_asyncio._YieldIter' object");
  Value out;
  if (yield_iter_step(a[0].object(), Value::none(), &out)) return out;
  raise_stop_iteration(out);
}

void install_yield_once(Module* m) {
  if (yield_once_type == nullptr) {
    Type* t = new_builtin_type("_YieldOnce", types().object, nullptr);
    yield_once_type = t;
    t->allows_subclassing = false;
    add_type_attr(t, "__module__", intern("_asyncio"));
    add_method(t, "__await__", yield_once_await);
    Type* it = new_builtin_type("_YieldIter", types().object, nullptr);
    yield_iter_type = it;
    it->allows_subclassing = false;
    add_type_attr(it, "__module__", intern("_asyncio"));
    add_method(it, "send", yield_iter_send);
    add_method(it, "__next__", yield_iter_next);
    add_method(it, "throw", future_iter_throw);
    add_method(it, "__iter__", future_iter_iter);
    register_send_step(it, yield_iter_step);
  }
  m->dict()->table.set(intern("_yield_once"), gc_new<Object>(yield_once_type));
}

// -- attributes the Python version had (asyncio internals and tests read them)

FutureObject* self_future(Value v) { return as_future(v, "attribute"); }

Value get_state(Value self) { return intern(state_name(self_future(self)->state)); }
Value get_result(Value self) { return none_if_null(self_future(self)->result); }
Value get_exception(Value self) { return none_if_null(self_future(self)->exception); }
Value get_exception_tb(Value self) { return none_if_null(self_future(self)->exception_tb); }
Value get_loop_attr(Value self) { return none_if_null(self_future(self)->loop); }
Value get_source_traceback(Value self) { return none_if_null(self_future(self)->source_traceback); }
Value get_cancel_message(Value self) { return none_if_null(self_future(self)->cancel_message); }
void set_cancel_message(Value self, Value v) { self_future(self)->cancel_message = v; }
Value get_cancelled_exc(Value self) { return none_if_null(self_future(self)->cancelled_exc); }
void set_cancelled_exc(Value self, Value v) { self_future(self)->cancelled_exc = v; }
Value get_blocking(Value self) { return Value::boolean(self_future(self)->blocking); }
void set_blocking(Value self, Value v) {
  if (v.is_null()) raise_attribute_error("cannot delete attribute");
  self_future(self)->blocking = is_truthy(v);
}
Value get_log_traceback(Value self) { return Value::boolean(self_future(self)->log_traceback); }
void set_log_traceback(Value self, Value v) {
  if (v.is_null()) raise_attribute_error("cannot delete attribute");
  if (is_truthy(v)) raise_value_error("_log_traceback can only be set to False");
  self_future(self)->log_traceback = false;
}
Value get_callbacks(Value self) {
  FutureObject* f = self_future(self);
  if (f->callbacks.empty()) return Value::none();
  std::vector<Value> items;
  ValueVector entries;
  for (Value v : f->callbacks) entries.push_back(v);
  for (size_t i = 0; i < entries.size(); i += 2) items.push_back(new_tuple({visible_callback(entries[i]), entries[i + 1]}));
  return new_list(std::move(items));
}

void install_future(Module* m) {
  Type* t = new_builtin_type("Future", types().object, future_construct);
  future_type = t;
  add_type_attr(t, "__module__", intern("_asyncio"));
  add_method(t, "__init__", future_init);
  add_method(t, "__del__", future_del);
  add_method(t, "__repr__", future_repr);
  add_method(t, "_repr_info", future_repr_info_method);
  add_class_method(t, "__class_getitem__", future_class_getitem);
  add_method(t, "get_loop", future_get_loop);
  add_method(t, "cancel", future_cancel_method);
  add_method(t, "_make_cancelled_error", future_make_cancelled_error);
  add_method(t, "cancelled", future_cancelled);
  add_method(t, "done", future_done);
  add_method(t, "result", future_result_method);
  add_method(t, "exception", future_exception);
  add_method(t, "add_done_callback", future_add_done_callback);
  add_method(t, "remove_done_callback", future_remove_done_callback);
  add_method(t, "set_result", future_set_result_method);
  add_method(t, "set_exception", future_set_exception_method);
  add_method(t, "__await__", future_await);
  add_method(t, "__iter__", future_await);
  add_getset(t, "_state", get_state);
  add_getset(t, "_result", get_result);
  add_getset(t, "_exception", get_exception);
  add_getset(t, "_exception_tb", get_exception_tb);
  add_getset(t, "_loop", get_loop_attr);
  add_getset(t, "_source_traceback", get_source_traceback);
  add_getset(t, "_cancel_message", get_cancel_message, set_cancel_message);
  add_getset(t, "_cancelled_exc", get_cancelled_exc, set_cancelled_exc);
  add_getset(t, "_asyncio_future_blocking", get_blocking, set_blocking);
  add_getset(t, "_log_traceback", get_log_traceback, set_log_traceback);
  add_getset(t, "_callbacks", get_callbacks);

  Type* it = new_builtin_type("FutureIter", types().object, nullptr);
  future_iter_type = it;
  it->allows_subclassing = false;
  register_send_step(it, future_iter_step);
  add_type_attr(it, "__module__", intern("_asyncio"));
  add_method(it, "send", future_iter_send);
  add_method(it, "__next__", future_iter_next);
  add_method(it, "throw", future_iter_throw);
  add_method(it, "close", future_iter_close);
  add_method(it, "__iter__", future_iter_iter);

  heap().add_root_source([](Tracer& tr) {
    tr.visit(cached.cancelled_error);
    tr.visit(cached.invalid_state_error);
    tr.visit(cached.format_callback);
  });
  (void)m;
}

void init_asyncio_module(Module* m) {
  if (future_type == nullptr) {
    install_future(m);
  }
  m->dict()->table.set(intern("Future"), future_type);
  install_yield_once(m);
  install_task(m);
}

}  // namespace
}  // namespace gilvm::asyncio_impl

namespace gilvm {
void register_asyncio_module() { register_builtin_module("_asyncio", asyncio_impl::init_asyncio_module); }
}  // namespace gilvm
