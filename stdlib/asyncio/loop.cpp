// _asyncio_loop.NativeLoop: the ready deque, the timer heap and one turn of
// the loop. The contract is in loop.hpp.
#include "stdlib/asyncio/loop.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "runtime/event_loop.hpp"
#include "runtime/signals.hpp"
#include "stdlib/asyncio/future.hpp"
#include "stdlib/asyncio/handle.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm::asyncio_impl {

namespace {

// CPython's base_events constants.
constexpr size_t kMinScheduledTimerHandles = 100;
constexpr double kMinCancelledTimerHandlesFraction = 0.5;
constexpr double kMaximumSelectTimeout = 24 * 3600;
constexpr double kClockResolution = 1e-09;  // time.get_clock_info('monotonic').resolution

struct LoopObject : Object {
  std::unique_ptr<EventLoop> core = std::make_unique<EventLoop>();
  std::deque<Value> ready;
  std::vector<Value> scheduled;  // a heap of TimerHandles, by `when`
  int64_t timer_cancelled_count = 0;
  bool stopping = false;
  bool closed = false;
  bool debug = false;

  explicit LoopObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    for (Value v : ready) t.visit(v);
    t.visit_all(scheduled);
  }
};

Type* loop_type = nullptr;
NativeFunction* native_call_soon = nullptr;
NativeFunction* native_call_at = nullptr;

struct Cached {
  Value check_callback;      // asyncio.events._check_callback
  Value warn_slow_callback;  // asyncio.events._warn_slow_callback
  Tuple* kw_context = nullptr;
};
Cached cached;

LoopObject* as_loop(Value v, const char* method) {
  if (!isinstance(v, loop_type))
    raise_type_error(std::string("descriptor '") + method + "' requires a '_asyncio_loop.NativeLoop' object but received a '" +
                     type_name(v) + "'");
  return v.as<LoopObject>();
}

void check_closed(LoopObject* loop) {
  if (loop->closed) raise_runtime_error("Event loop is closed");
}

void check_callback(Value callback, const char* method) {
  if (cached.check_callback.is_null()) cached.check_callback = asyncio_attr("asyncio.events", "_check_callback");
  call(cached.check_callback, {callback, new_str(method)});
}

// -- the heap: heapq's algorithm (siftdown / siftup) on `when`

double when_of(Value v) { return v.as<HandleObject>()->when; }

void sift_down(std::vector<Value>& heap, size_t start, size_t pos) {
  Value item = heap[pos];
  while (pos > start) {
    size_t parent = (pos - 1) >> 1;
    if (when_of(item) < when_of(heap[parent])) {
      heap[pos] = heap[parent];
      pos = parent;
      continue;
    }
    break;
  }
  heap[pos] = item;
}

void sift_up(std::vector<Value>& heap, size_t pos) {
  size_t end = heap.size();
  size_t start = pos;
  Value item = heap[pos];
  size_t child = 2 * pos + 1;
  while (child < end) {
    size_t right = child + 1;
    if (right < end && !(when_of(heap[child]) < when_of(heap[right]))) child = right;
    heap[pos] = heap[child];
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = item;
  sift_down(heap, start, pos);
}

void heap_push(std::vector<Value>& heap, Value item) {
  heap.push_back(item);
  sift_down(heap, 0, heap.size() - 1);
}

Value heap_pop(std::vector<Value>& heap) {
  Value last = heap.back();
  heap.pop_back();
  if (heap.empty()) return last;
  Value top = heap[0];
  heap[0] = last;
  sift_up(heap, 0);
  return top;
}

void heapify(std::vector<Value>& heap) {
  for (size_t i = heap.size() / 2; i-- > 0;) sift_up(heap, i);
}

// -- scheduling

// The keyword arguments of call_soon & co.: only `context`.
Value context_keyword(const CallArgs& a, const char* method) {
  Value context = Value::none();
  size_t kw = a.kw_count();
  for (size_t i = 0; i < kw; ++i) {
    Str* name = a.kwnames->items[i].as<Str>();
    if (name->data != "context")
      raise_type_error(std::string("BaseEventLoop.") + method + "() got an unexpected keyword argument '" + name->data + "'");
    context = a.kw_value(i);
  }
  return context;
}

// `fn` is a Task itself (not callable) when task_kind marks the handle as
// one of its steps or wake-ups: debug mode's callable check skips those.
HandleObject* call_soon_native(Value self, LoopObject* loop, Value fn, const Value* args, size_t nargs, Value context,
                               const char* method, uint8_t task_kind = 0) {
  check_closed(loop);
  if (loop->debug && task_kind == 0) check_callback(fn, method);
  HandleObject* h = new_handle(handle_type, fn, args, nargs, self, context);
  loop->ready.push_back(h);
  return h;
}

Value loop_call_soon(const CallArgs& a) {
  LoopObject* loop = as_loop(a[0], "call_soon");
  Value context = context_keyword(a, "call_soon");
  if (a.count < 2) raise_type_error("BaseEventLoop.call_soon() missing 1 required positional argument: 'callback'");
  return call_soon_native(a[0], loop, a[1], a.args + 2, a.count - 2, context, "call_soon");
}

Value loop_call_soon_threadsafe(const CallArgs& a) {
  LoopObject* loop = as_loop(a[0], "call_soon_threadsafe");
  Value context = context_keyword(a, "call_soon_threadsafe");
  if (a.count < 2)
    raise_type_error("BaseEventLoop.call_soon_threadsafe() missing 1 required positional argument: 'callback'");
  Value h = call_soon_native(a[0], loop, a[1], a.args + 2, a.count - 2, context, "call_soon_threadsafe");
  if (loop->core) loop->core->wake();
  return h;
}

Value call_at_native(Value self, LoopObject* loop, Value when, const CallArgs& a, Value context) {
  check_closed(loop);
  if (loop->debug) check_callback(a[2], "call_at");
  HandleObject* h = new_handle(timer_handle_type, a[2], a.args + 3, a.count - 3, self, context);
  h->when_value = when;
  h->when = to_double(when);
  heap_push(loop->scheduled, h);
  h->scheduled = true;
  return h;
}

Value loop_call_at(const CallArgs& a) {
  LoopObject* loop = as_loop(a[0], "call_at");
  Value context = context_keyword(a, "call_at");
  if (a.count < 3)
    raise_type_error(std::string("BaseEventLoop.call_at() missing ") + (a.count < 2 ? "2 required positional arguments: 'when' and 'callback'" : "1 required positional argument: 'callback'"));
  if (a[1].is_none()) raise_type_error("when cannot be None");
  return call_at_native(a[0], loop, a[1], a, context);
}

Value loop_call_later(const CallArgs& a) {
  LoopObject* loop = as_loop(a[0], "call_later");
  Value context = context_keyword(a, "call_later");
  if (a.count < 3)
    raise_type_error(std::string("BaseEventLoop.call_later() missing ") + (a.count < 2 ? "2 required positional arguments: 'delay' and 'callback'" : "1 required positional argument: 'callback'"));
  if (a[1].is_none()) raise_type_error("delay must not be None");
  Value when = binary_op(make_float(EventLoop::time()), a[1], kAdd);
  static Str* call_at_name = intern("call_at");
  if (lookup_in_mro(type_of(a[0]), call_at_name).is(Value(native_call_at)))
    return call_at_native(a[0], loop, when, a, context);
  // As CPython: through self.call_at, which a subclass may override.
  if (cached.kw_context == nullptr) cached.kw_context = new_tuple({intern("context")});
  ValueVector args;
  args.push_back(when);
  for (size_t i = 2; i < a.count; ++i) args.push_back(a.args[i]);
  args.push_back(context);
  return call_object(get_attr(a[0], call_at_name), CallArgs{args.data(), a.count - 1, cached.kw_context});
}

Value loop_time(const CallArgs& a) {
  as_loop(a[0], "time");
  return make_float(EventLoop::time());
}

Value loop_stop(const CallArgs& a) {
  as_loop(a[0], "stop")->stopping = true;
  return Value::none();
}

void note_timer_cancelled(LoopObject* loop, HandleObject* h) {
  if (h->scheduled) loop->timer_cancelled_count += 1;
}

Value loop_timer_handle_cancelled(const CallArgs& a) {
  LoopObject* loop = as_loop(a[0], "_timer_handle_cancelled");
  check_arg_count(a, "_timer_handle_cancelled", 2, 2);
  if (is_handle(a[1])) note_timer_cancelled(loop, a[1].as<HandleObject>());
  return Value::none();
}

// -- one turn

void add_io_handles(Value self, LoopObject* loop, const std::vector<int64_t>& events) {
  static Str* readers_name = intern("_readers");
  static Str* writers_name = intern("_writers");
  Value readers = get_attr(self, readers_name);
  Value writers = get_attr(self, writers_name);
  for (int64_t event : events) {
    int64_t fd = event >> 2;
    Value table = (event & 3) == EventLoop::kReadable ? readers : writers;
    Value handle = isinstance(table, types().dict) ? table.as<Dict>()->table.get(make_int(fd)) : Value::null();
    if (handle.is_null() || !is_handle(handle) || handle.as<HandleObject>()->cancelled) continue;
    loop->ready.push_back(handle);
  }
}

void drop_cancelled_timers(LoopObject* loop) {
  std::vector<Value>& heap = loop->scheduled;
  if (heap.size() > kMinScheduledTimerHandles &&
      static_cast<double>(loop->timer_cancelled_count) / static_cast<double>(heap.size()) >
          kMinCancelledTimerHandlesFraction) {
    std::vector<Value> kept;
    kept.reserve(heap.size());
    for (Value v : heap) {
      HandleObject* h = v.as<HandleObject>();
      if (h->cancelled) h->scheduled = false;
      else kept.push_back(v);
    }
    heapify(kept);
    heap.swap(kept);
    loop->timer_cancelled_count = 0;
    return;
  }
  while (!heap.empty() && heap[0].as<HandleObject>()->cancelled) {
    loop->timer_cancelled_count -= 1;
    heap_pop(heap).as<HandleObject>()->scheduled = false;
  }
}

void run_debug(Value self, Value handle) {
  double t0 = EventLoop::time();
  run_any_handle(handle);
  double dt = EventLoop::time() - t0;
  Value limit = get_attr(self, intern("slow_callback_duration"));
  if (compare_bool(make_float(dt), limit, kGe)) {
    if (cached.warn_slow_callback.is_null())
      cached.warn_slow_callback = asyncio_attr("asyncio.events", "_warn_slow_callback");
    call(cached.warn_slow_callback, {handle, make_float(dt)});
  }
}

// Zeroes the native stack below the caller. A task's step leaves the
// objects it touched in dead native frames; the next callback's frames
// reuse that area, and slots they never write would keep those objects
// alive (the stack is scanned conservatively), delaying by a collection
// the "exception was never retrieved" report of a task that just failed.
// Done after a step that finished its task: the case a script can see.
[[gnu::noinline]] void clear_dead_stack() {
  char area[8192];
  std::memset(area, 0, sizeof area);
  asm volatile("" : : "r"(area) : "memory");
}

void run_once(Value self, LoopObject* loop) {
  drop_cancelled_timers(loop);
  if (!loop->core) raise_runtime_error("Event loop is closed");
  double timeout = -1;
  if (!loop->ready.empty() || loop->stopping) timeout = 0;
  else if (!loop->scheduled.empty())
    timeout = std::min(std::max(0.0, when_of(loop->scheduled[0]) - EventLoop::time()), kMaximumSelectTimeout);
  loop->core->wait(timeout);
  // Back with the GIL: a Ctrl-C that ended the wait runs its handler here
  // (asyncio.Runner's cancels the main task; the default one raises).
  run_pending_signal_handlers();
  std::vector<int64_t> events = loop->core->take_io();
  if (!events.empty()) add_io_handles(self, loop, events);

  double end_time = EventLoop::time() + kClockResolution;
  std::vector<Value>& heap = loop->scheduled;
  while (!heap.empty()) {
    if (when_of(heap[0]) >= end_time) break;
    Value h = heap_pop(heap);
    h.as<HandleObject>()->scheduled = false;
    loop->ready.push_back(h);
  }

  size_t todo = loop->ready.size();
  for (size_t i = 0; i < todo && !loop->ready.empty(); ++i) {
    Value handle = loop->ready.front();
    loop->ready.pop_front();
    HandleObject* h = handle.as<HandleObject>();
    if (h->cancelled) continue;
    Value task = h->task_kind != 0 ? h->callback : Value::null();
    if (loop->debug) run_debug(self, handle);
    else run_any_handle(handle);
    // Only a task that just finished has something to report when it dies.
    if (!task.is_null() && task.as<FutureObject>()->state != FutureObject::kPending) clear_dead_stack();
  }
}

Value loop_run_once(const CallArgs& a) {
  check_arg_count(a, "_run_once", 1, 1);
  run_once(a[0], as_loop(a[0], "_run_once"));
  return Value::none();
}

// run_forever's loop: turns until stop() was called.
Value loop_run_until_stopped(const CallArgs& a) {
  check_arg_count(a, "_run_until_stopped", 1, 1);
  Value self = a[0];
  LoopObject* loop = as_loop(self, "_run_until_stopped");
  static Str* run_once_name = intern("_run_once");
  // A subclass's own _run_once is honoured.
  bool native = lookup_in_mro(type_of(self), run_once_name).is(lookup_in_mro(loop_type, run_once_name));
  for (;;) {
    if (native) run_once(self, loop);
    else call_method(self, run_once_name, {});
    if (loop->stopping) break;
  }
  return Value::none();
}

// -- the waiting core

Value loop_watch_fd(const CallArgs& a) {
  check_arg_count(a, "_watch_fd", 3, 3);
  LoopObject* loop = as_loop(a[0], "_watch_fd");
  check_closed(loop);
  int64_t fd = index_value(a[1]);
  int64_t mask = index_value(a[2]);
  if (fd < 0 || fd > INT32_MAX) raise_value_error("Invalid file descriptor: " + std::to_string(fd));
  if (mask < 0 || mask > (EventLoop::kReadable | EventLoop::kWritable)) raise_value_error("Invalid events mask " + std::to_string(mask));
  try {
    loop->core->watch(static_cast<int>(fd), static_cast<int>(mask));
  } catch (const std::system_error& e) {
    raise_os_error_from_errno(e.code().value());
  }
  return Value::none();
}

// close(): forgets every callback and closes the Asio side.
Value loop_close_core(const CallArgs& a) {
  check_arg_count(a, "_close_core", 1, 1);
  LoopObject* loop = as_loop(a[0], "_close_core");
  loop->closed = true;
  loop->ready.clear();
  for (Value v : loop->scheduled) v.as<HandleObject>()->scheduled = false;
  loop->scheduled.clear();
  loop->timer_cancelled_count = 0;
  loop->core.reset();
  return Value::none();
}

Value loop_construct(Type* type, const CallArgs&) { return gc_new<LoopObject>(type); }

// -- attributes

Value get_stopping(Value self) { return Value::boolean(self.as<LoopObject>()->stopping); }
void set_stopping(Value self, Value v) { self.as<LoopObject>()->stopping = !v.is_null() && is_truthy(v); }
Value get_closed(Value self) { return Value::boolean(self.as<LoopObject>()->closed); }
void set_closed(Value self, Value v) { self.as<LoopObject>()->closed = !v.is_null() && is_truthy(v); }
Value get_debug(Value self) { return Value::boolean(self.as<LoopObject>()->debug); }
void set_debug(Value self, Value v) { self.as<LoopObject>()->debug = !v.is_null() && is_truthy(v); }
Value get_ready(Value self) {
  const std::deque<Value>& ready = self.as<LoopObject>()->ready;
  return new_list(std::vector<Value>(ready.begin(), ready.end()));
}
Value get_scheduled(Value self) { return new_list(self.as<LoopObject>()->scheduled); }
Value get_timer_cancelled_count(Value self) { return make_int(self.as<LoopObject>()->timer_cancelled_count); }
Value get_clock_resolution(Value) { return make_float(kClockResolution); }

}  // namespace

void schedule_soon(Value loop, Value fn, const Value* args, size_t nargs, Value context, uint8_t task_kind) {
  static Str* call_soon_name = intern("call_soon");
  if (isinstance(loop, loop_type) && lookup_in_mro(type_of(loop), call_soon_name).is(Value(native_call_soon))) {
    HandleObject* h = call_soon_native(loop, loop.as<LoopObject>(), fn, args, nargs,
                                       context.is_null() ? Value::none() : context, "call_soon", task_kind);
    h->task_kind = task_kind;
    return;
  }
  if (task_kind == kTaskStep) fn = task_step_method_of(fn);
  else if (task_kind == kTaskWakeup) fn = task_wakeup_method_of(fn);
  if (cached.kw_context == nullptr) cached.kw_context = new_tuple({intern("context")});
  ValueVector call_args;
  call_args.push_back(fn);
  for (size_t i = 0; i < nargs; ++i) call_args.push_back(args[i]);
  call_args.push_back(context.is_null() ? Value::none() : context);
  Value method;
  CallArgs ca{call_args.data(), nargs + 1, cached.kw_context};
  if (get_method(loop, call_soon_name, &method)) call_with_self(method, loop, ca);
  else call_object(method, ca);
}

void timer_cancelled(Value loop, Value handle) {
  static Str* name = intern("_timer_handle_cancelled");
  if (isinstance(loop, loop_type) &&
      lookup_in_mro(type_of(loop), name).is(lookup_in_mro(loop_type, name))) {
    note_timer_cancelled(loop.as<LoopObject>(), handle.as<HandleObject>());
    return;
  }
  call_method(loop, name, {handle});
}

void add_loop_type(Module* m) {
  if (loop_type == nullptr) {
    Type* t = new_builtin_type("NativeLoop", types().object, loop_construct);
    loop_type = t;
    add_type_attr(t, "__module__", intern("_asyncio_loop"));
    native_call_soon = add_method(t, "call_soon", loop_call_soon);
    add_method(t, "call_soon_threadsafe", loop_call_soon_threadsafe);
    native_call_at = add_method(t, "call_at", loop_call_at);
    add_method(t, "call_later", loop_call_later);
    add_method(t, "time", loop_time);
    add_method(t, "stop", loop_stop);
    add_method(t, "_timer_handle_cancelled", loop_timer_handle_cancelled);
    add_method(t, "_run_once", loop_run_once);
    add_method(t, "_run_until_stopped", loop_run_until_stopped);
    add_method(t, "_watch_fd", loop_watch_fd);
    add_method(t, "_close_core", loop_close_core);
    add_getset(t, "_stopping", get_stopping, set_stopping);
    add_getset(t, "_closed", get_closed, set_closed);
    add_getset(t, "_debug", get_debug, set_debug);
    add_getset(t, "_ready", get_ready);
    add_getset(t, "_scheduled", get_scheduled);
    add_getset(t, "_timer_cancelled_count", get_timer_cancelled_count);
    add_getset(t, "_clock_resolution", get_clock_resolution);
    heap().add_root_source([](Tracer& tr) {
      tr.visit(cached.check_callback);
      tr.visit(cached.warn_slow_callback);
      tr.visit(cached.kw_context);
    });
  }
  m->dict()->table.set(intern("NativeLoop"), loop_type);
}

}  // namespace gilvm::asyncio_impl
