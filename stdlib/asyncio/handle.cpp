// asyncio.Handle and asyncio.TimerHandle; the contract is in handle.hpp.
#include "stdlib/asyncio/handle.hpp"

#include <string>

#include "stdlib/asyncio/future.hpp"
#include "stdlib/asyncio/loop.hpp"
#include "stdlib/contextvars_run.hpp"
#include "vm/builtins/container_ops.hpp"
#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"
#include "vm/types.hpp"

namespace gilvm::asyncio_impl {

Type* handle_type = nullptr;
Type* timer_handle_type = nullptr;

namespace {

Value format_callback_source;  // asyncio.events._format_callback_source

Value format_source(Value callback, Value args) {
  if (format_callback_source.is_null())
    format_callback_source = asyncio_attr("asyncio.events", "_format_callback_source");
  return call(format_callback_source, {callback, args});
}

HandleObject* as_handle(Value v, const char* method, Type* type = handle_type) {
  if (!isinstance(v, type))
    raise_type_error(std::string("descriptor '") + method + "' requires a '" + type->name + "' object but received a '" +
                     type_name(v) + "'");
  return v.as<HandleObject>();
}

Value args_tuple(HandleObject* h) {
  if (h->nargs == HandleObject::kManyArgs) return h->extra_args;
  if (h->callback.is_null() && h->nargs == 0) return Value::none();
  std::vector<Value> items(h->arg, h->arg + h->nargs);
  return new_tuple(std::move(items));
}

void set_args(HandleObject* h, const Value* args, size_t nargs) {
  if (nargs <= 2) {
    for (size_t i = 0; i < nargs; ++i) h->arg[i] = args[i];
    h->nargs = static_cast<uint8_t>(nargs);
  } else {
    h->extra_args = new_tuple(std::vector<Value>(args, args + nargs));
    h->nargs = HandleObject::kManyArgs;
  }
}

}  // namespace

void HandleObject::trace(Tracer& t) {
  t.visit(callback);
  t.visit(loop);
  t.visit(context);
  t.visit(arg[0]);
  t.visit(arg[1]);
  t.visit(extra_args);
  t.visit(repr_text);
  t.visit(when_value);
}

bool is_handle(Value v) { return isinstance(v, handle_type); }

HandleObject* new_handle(Type* type, Value callback, const Value* args, size_t nargs, Value loop, Value context) {
  auto* h = gc_new<HandleObject>(type);
  h->callback = callback;
  h->loop = loop;
  if (!context.is_none()) h->context = context;
  set_args(h, args, nargs);
  return h;
}

Value handle_callback(HandleObject* h) {
  if (h->callback.is_null() || h->task_kind == 0) return h->callback;
  return h->task_kind == kTaskStep ? task_step_method_of(h->callback) : task_wakeup_method_of(h->callback);
}

void run_handle(HandleObject* h) {
  Value self = h;  // the handle stays alive on this stack while it runs
  Value callback = h->callback;
  if (callback.is_null()) return;  // cancelled meanwhile
  try {
    if (h->task_kind != 0) {
      Value arg = h->nargs >= 1 && h->nargs != HandleObject::kManyArgs ? h->arg[0] : Value::null();
      ContextEntry entry(h->context);
      if (!entry.direct()) {
        // A context that is not an exact Context: its run() with the bound method.
        Value args[1] = {arg};
        run_in_context(h->context, handle_callback(h), CallArgs{args, arg.is_null() ? size_t{0} : size_t{1}});
        return;
      }
      run_task_callback(callback, h->task_kind, arg);
      return;
    }
    Value args[2] = {h->arg[0], h->arg[1]};
    CallArgs ca = h->nargs == HandleObject::kManyArgs
                      ? CallArgs{h->extra_args.as<Tuple>()->items.data(), h->extra_args.as<Tuple>()->items.size()}
                      : CallArgs{args, h->nargs};
    if (h->context.is_null()) call_object(callback, ca);
    else run_in_context(h->context, callback, ca);
    return;
  } catch (PyException&) {
  }
  Value error = take_current_exception();
  if (isinstance(error, exc().KeyboardInterrupt) || isinstance(error, exc().SystemExit)) {
    current_thread_state()->current_exception = error;
    throw PyException{};
  }
  // The handler runs as inside CPython's `except BaseException as exc:`,
  // so what it raises has the callback's exception as its __context__.
  ThreadState* ts = current_thread_state();
  struct Handling {
    ThreadState* ts;
    Value previous;
    ~Handling() { ts->handled_exception = previous; }
  } handling{ts, ts->handled_exception};
  ts->handled_exception = error;
  Value source = format_source(handle_callback(h), args_tuple(h));
  Dict* context = new_dict();
  Value context_value = context;
  context->table.set(intern("message"), new_str("Exception in callback " + str_string(source)));
  context->table.set(intern("exception"), error);
  context->table.set(intern("handle"), self);
  call_method(h->loop, "call_exception_handler", {context_value});
}

void run_any_handle(Value v) {
  Type* t = type_of(v);
  if (t == handle_type || t == timer_handle_type) run_handle(v.as<HandleObject>());
  else call_method(v, "_run", {});
}

namespace {

// -- construction: Handle(callback, args, loop, context=None),
// TimerHandle(when, callback, args, loop, context=None); __init__ does the
// work, so a subclass's own __init__ may take what it likes.

Value handle_init(const CallArgs& a);
Value timer_init(const CallArgs& a);

// type_call runs only a Python __init__; the native one runs from here,
// unless a subclass defines its own (which then calls the base's).
Value handle_construct(Type* type, const CallArgs& a) {
  Value self = gc_new<HandleObject>(type);
  bool timer = type->is_subtype_of(timer_handle_type);
  if (init_takes_arguments(type, timer ? timer_handle_type : handle_type)) return self;
  ValueVector with_self;
  with_self.push_back(self);
  for (size_t i = 0; i < a.count + a.kw_count(); ++i) with_self.push_back(a.args[i]);
  CallArgs init_args{with_self.data(), a.count + 1, a.kwnames};
  if (timer) timer_init(init_args);
  else handle_init(init_args);
  return self;
}

void init_common(HandleObject* h, Value callback, Value args, Value loop, Value context) {
  h->callback = callback;
  h->loop = loop;
  h->context = context.is_none() ? Value::null() : context;
  if (args.is_none()) {  // CPython keeps it and fails when run; so does this
    h->extra_args = args;
    h->nargs = HandleObject::kManyArgs;
    return;
  }
  ValueVector items = collect_iterable(args);
  set_args(h, items.data(), items.size());
}

Value handle_init(const CallArgs& a) {
  HandleObject* h = as_handle(a[0], "__init__");
  ArgParser p(a, "Handle", {"callback", "args", "loop", "context"}, 3);
  init_common(h, p.get(0), p.get(1), p.get(2), p.get(3, Value::none()));
  return Value::none();
}

Value timer_init(const CallArgs& a) {
  HandleObject* h = as_handle(a[0], "__init__", timer_handle_type);
  ArgParser p(a, "TimerHandle", {"when", "callback", "args", "loop", "context"}, 4);
  init_common(h, p.get(1), p.get(2), p.get(3), p.get(4, Value::none()));
  h->when_value = p.get(0);
  h->when = to_double(h->when_value);
  return Value::none();
}

// -- repr

List* repr_info(HandleObject* h) {
  List* info = new_list({});
  Value keep = info;
  info->items.push_back(new_str(type_of(Value(h))->name));
  if (h->cancelled) info->items.push_back(new_str("cancelled"));
  if (!h->callback.is_null()) info->items.push_back(format_source(handle_callback(h), args_tuple(h)));
  if (isinstance(Value(h), timer_handle_type)) {
    size_t at = h->cancelled ? 2 : 1;
    Value when = new_str("when=" + str_string(h->when_value));
    info->items.insert(info->items.begin() + static_cast<std::ptrdiff_t>(at), when);
  }
  (void)keep;
  return info;
}

Value handle_repr_info(const CallArgs& a) { return repr_info(as_handle(a[0], "_repr_info")); }

std::string handle_repr_string(Value self) {
  Value info = call_method(self, "_repr_info", {});
  std::string text = "<";
  ValueVector parts = collect_iterable(info);
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) text += " ";
    text += str_string(parts[i]);
  }
  return text + ">";
}

Value handle_repr(const CallArgs& a) {
  HandleObject* h = as_handle(a[0], "__repr__");
  if (!h->repr_text.is_null()) return h->repr_text;
  return new_str(handle_repr_string(a[0]));
}

// -- the public methods

Value handle_get_context(const CallArgs& a) {
  HandleObject* h = as_handle(a[0], "get_context");
  return h->context.is_null() ? Value::none() : h->context;
}

void cancel_plain(HandleObject* h, Value self) {
  if (h->cancelled) return;
  h->cancelled = true;
  if (is_truthy(call_method(h->loop, "get_debug", {}))) h->repr_text = new_str(handle_repr_string(self));
  h->callback = Value::null();
  h->task_kind = 0;
  h->arg[0] = h->arg[1] = Value::null();
  h->extra_args = Value::null();
  h->nargs = 0;
}

Value handle_cancel(const CallArgs& a) {
  HandleObject* h = as_handle(a[0], "cancel");
  if (!h->cancelled && isinstance(a[0], timer_handle_type)) timer_cancelled(h->loop, a[0]);
  cancel_plain(h, a[0]);
  return Value::none();
}

Value handle_cancelled(const CallArgs& a) { return Value::boolean(as_handle(a[0], "cancelled")->cancelled); }

Value handle_run(const CallArgs& a) {
  run_handle(as_handle(a[0], "_run"));
  return Value::none();
}

Value timer_when(const CallArgs& a) { return as_handle(a[0], "when", timer_handle_type)->when_value; }

Value timer_hash(const CallArgs& a) {
  return make_int(hash_value(as_handle(a[0], "__hash__", timer_handle_type)->when_value));
}

Value timer_compare(const CallArgs& a, CompareOp op, const char* name) {
  HandleObject* h = as_handle(a[0], name, timer_handle_type);
  check_arg_count(a, name, 2, 2);
  if (!isinstance(a[1], timer_handle_type)) return not_implemented();
  return compare(h->when_value, a[1].as<HandleObject>()->when_value, op);
}
Value timer_lt(const CallArgs& a) { return timer_compare(a, kLt, "__lt__"); }
Value timer_le(const CallArgs& a) { return timer_compare(a, kLe, "__le__"); }
Value timer_gt(const CallArgs& a) { return timer_compare(a, kGt, "__gt__"); }
Value timer_ge(const CallArgs& a) { return timer_compare(a, kGe, "__ge__"); }

Value timer_eq(const CallArgs& a) {
  HandleObject* h = as_handle(a[0], "__eq__", timer_handle_type);
  check_arg_count(a, "__eq__", 2, 2);
  if (!isinstance(a[1], timer_handle_type)) return not_implemented();
  HandleObject* o = a[1].as<HandleObject>();
  Value none = Value::none();
  Value mine = handle_callback(h);
  Value theirs = handle_callback(o);
  bool same = values_equal(h->when_value, o->when_value) &&
              values_equal(mine.is_null() ? none : mine, theirs.is_null() ? none : theirs) &&
              values_equal(args_tuple(h), args_tuple(o)) && h->cancelled == o->cancelled;
  return Value::boolean(same);
}

// -- attributes

Value get_callback(Value self) {
  Value v = handle_callback(self.as<HandleObject>());
  return v.is_null() ? Value::none() : v;
}
Value get_args(Value self) { return args_tuple(self.as<HandleObject>()); }
Value get_cancelled(Value self) { return Value::boolean(self.as<HandleObject>()->cancelled); }
Value get_loop(Value self) { return self.as<HandleObject>()->loop; }
Value get_context(Value self) {
  Value v = self.as<HandleObject>()->context;
  return v.is_null() ? Value::none() : v;
}
Value get_repr(Value self) {
  Value v = self.as<HandleObject>()->repr_text;
  return v.is_null() ? Value::none() : v;
}
Value get_when(Value self) { return self.as<HandleObject>()->when_value; }
Value get_scheduled(Value self) { return Value::boolean(self.as<HandleObject>()->scheduled); }
void set_scheduled(Value self, Value v) { self.as<HandleObject>()->scheduled = !v.is_null() && is_truthy(v); }
Value get_source_traceback(Value) { return Value::none(); }

}  // namespace

void add_handle_types(Module* m) {
  if (handle_type == nullptr) {
    Type* t = new_builtin_type("Handle", types().object, handle_construct);
    handle_type = t;
    add_type_attr(t, "__module__", intern("asyncio.events"));
    add_method(t, "__init__", handle_init);
    add_method(t, "__repr__", handle_repr);
    add_method(t, "_repr_info", handle_repr_info);
    add_method(t, "get_context", handle_get_context);
    add_method(t, "cancel", handle_cancel);
    add_method(t, "cancelled", handle_cancelled);
    add_method(t, "_run", handle_run);
    add_getset(t, "_callback", get_callback);
    add_getset(t, "_args", get_args);
    add_getset(t, "_cancelled", get_cancelled);
    add_getset(t, "_loop", get_loop);
    add_getset(t, "_context", get_context);
    add_getset(t, "_repr", get_repr);
    add_getset(t, "_source_traceback", get_source_traceback);

    Type* tt = new_builtin_type("TimerHandle", t, handle_construct);
    timer_handle_type = tt;
    add_type_attr(tt, "__module__", intern("asyncio.events"));
    add_method(tt, "__init__", timer_init);
    add_method(tt, "when", timer_when);
    add_method(tt, "__hash__", timer_hash);
    add_method(tt, "__lt__", timer_lt);
    add_method(tt, "__le__", timer_le);
    add_method(tt, "__gt__", timer_gt);
    add_method(tt, "__ge__", timer_ge);
    add_method(tt, "__eq__", timer_eq);
    add_getset(tt, "_when", get_when);
    add_getset(tt, "_scheduled", get_scheduled, set_scheduled);

    heap().add_root_source([](Tracer& tr) { tr.visit(format_callback_source); });
  }
  m->dict()->table.set(intern("Handle"), handle_type);
  m->dict()->table.set(intern("TimerHandle"), timer_handle_type);
}

}  // namespace gilvm::asyncio_impl
