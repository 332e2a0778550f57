// The _asyncio_loop module: the Boost.Asio side of asyncio's event loop
// (runtime/event_loop.hpp) as a Python type, `Core`, for the loop written in
// Python (stdlib/py/asyncio.events.py) to wait with.
//
//   core = _asyncio_loop.Core()
//   core.time()              loop time (time.monotonic's clock)
//   core.add_timer(when)     -> id; reported by wait() once due
//   core.cancel_timer(id)    -> bool
//   core.wake()              any thread: ends the current or next wait
//   core.wait(timeout)       -> list of fired ids, deadline order
//                            (timeout None: until something happens)
//   core.watch(fd, mask)     watch fd for readable (1) / writable (2);
//                            mask 0 forgets it
//   core.take_io()           -> list of fd * 4 + direction, one per
//                            readiness the waits saw since the last call
//   core.watched()           -> how many fds are watched
//   core.close()
//
// AsyncGenSet, the loop's weak record of started async generators, is in
// stdlib/asyncio_asyncgen_set.cpp.
//
// Only ints and floats cross this boundary: the callbacks stay in Python.
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <system_error>

#include "runtime/event_loop.hpp"
#include "runtime/signals.hpp"
#include "stdlib/asyncio_asyncgen_set.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

struct CoreObject : Object {
  std::unique_ptr<EventLoop> loop = std::make_unique<EventLoop>();
  explicit CoreObject(Type* t) : Object(t) {}
};

Type* core_type = nullptr;

EventLoop& open_loop(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], core_type)) raise_type_error("descriptor requires a '_asyncio_loop.Core' object");
  CoreObject* core = a[0].as<CoreObject>();
  if (!core->loop) raise_runtime_error("Event loop is closed");
  return *core->loop;
}

double seconds_arg(Value v) {
  double d = to_double(v);
  if (std::isnan(d)) raise_value_error("Invalid value NaN (not a number)");
  return d;
}

Value core_construct(Type* type, const CallArgs& a) {
  check_arg_count(a, "Core", 0, 0);
  return gc_new<CoreObject>(type);
}

Value core_time(const CallArgs&) { return make_float(EventLoop::time()); }

Value core_add_timer(const CallArgs& a) {
  check_arg_count(a, "add_timer", 2, 2);
  EventLoop& loop = open_loop(a);
  return make_int(static_cast<int64_t>(loop.add_timer(seconds_arg(a[1]))));
}

Value core_cancel_timer(const CallArgs& a) {
  check_arg_count(a, "cancel_timer", 2, 2);
  EventLoop& loop = open_loop(a);
  return Value::boolean(loop.cancel_timer(static_cast<uint64_t>(index_value(a[1]))));
}

Value core_pending_timers(const CallArgs& a) {
  check_arg_count(a, "pending_timers", 1, 1);
  return make_int(static_cast<int64_t>(open_loop(a).pending_timers()));
}

// Thread-safe: the GIL holder of any thread may call it (see the contract
// of runtime/event_loop.hpp); a closed loop is silently not woken.
Value core_wake(const CallArgs& a) {
  check_arg_count(a, "wake", 1, 1);
  if (a.count == 0 || !isinstance(a[0], core_type)) raise_type_error("descriptor requires a '_asyncio_loop.Core' object");
  CoreObject* core = a[0].as<CoreObject>();
  if (core->loop) core->loop->wake();
  return Value::none();
}

Value core_wait(const CallArgs& a) {
  check_arg_count(a, "wait", 2, 2);
  EventLoop& loop = open_loop(a);
  double timeout = a[1].is_none() ? -1.0 : std::max(0.0, seconds_arg(a[1]));
  std::vector<uint64_t> ids = loop.wait(timeout);
  // Back with the GIL: a Ctrl-C that ended the wait runs its handler here
  // (asyncio.Runner's cancels the main task; the default one raises).
  run_pending_signal_handlers();
  std::vector<Value> items;
  items.reserve(ids.size());
  for (uint64_t id : ids) items.push_back(make_int(static_cast<int64_t>(id)));
  return new_list(std::move(items));
}

Value core_watch(const CallArgs& a) {
  check_arg_count(a, "watch", 3, 3);
  EventLoop& loop = open_loop(a);
  int64_t fd = index_value(a[1]);
  int64_t mask = index_value(a[2]);
  if (fd < 0 || fd > INT32_MAX) raise_value_error("Invalid file descriptor: " + std::to_string(fd));
  if (mask < 0 || mask > (EventLoop::kReadable | EventLoop::kWritable)) raise_value_error("Invalid events mask " + std::to_string(mask));
  try {
    loop.watch(static_cast<int>(fd), static_cast<int>(mask));
  } catch (const std::system_error& e) {
    raise_os_error_from_errno(e.code().value());
  }
  return Value::none();
}

Value core_take_io(const CallArgs& a) {
  check_arg_count(a, "take_io", 1, 1);
  std::vector<int64_t> events = open_loop(a).take_io();
  std::vector<Value> items;
  items.reserve(events.size());
  for (int64_t e : events) items.push_back(make_int(e));
  return new_list(std::move(items));
}

Value core_watched(const CallArgs& a) {
  check_arg_count(a, "watched", 1, 1);
  return make_int(static_cast<int64_t>(open_loop(a).watched_fds()));
}

Value core_close(const CallArgs& a) {
  check_arg_count(a, "close", 1, 1);
  if (a.count == 0 || !isinstance(a[0], core_type)) raise_type_error("descriptor requires a '_asyncio_loop.Core' object");
  a[0].as<CoreObject>()->loop.reset();
  return Value::none();
}

void init_asyncio_loop(Module* m) {
  if (core_type == nullptr) {
    core_type = new_builtin_type("Core", types().object, core_construct);
    core_type->qualname = "Core";
    add_type_attr(core_type, "__module__", intern("_asyncio_loop"));
    add_method(core_type, "time", core_time);
    add_method(core_type, "add_timer", core_add_timer);
    add_method(core_type, "cancel_timer", core_cancel_timer);
    add_method(core_type, "pending_timers", core_pending_timers);
    add_method(core_type, "wake", core_wake);
    add_method(core_type, "wait", core_wait);
    add_method(core_type, "watch", core_watch);
    add_method(core_type, "take_io", core_take_io);
    add_method(core_type, "watched", core_watched);
    add_method(core_type, "close", core_close);
  }
  m->dict()->table.set(intern("Core"), core_type);
  add_asyncgen_set_type(m);
}

}  // namespace

void register_asyncio_loop_module() { register_builtin_module("_asyncio_loop", init_asyncio_loop); }

}  // namespace gilvm
