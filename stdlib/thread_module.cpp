// The _thread module: start_new_thread, locks, thread idents.
//
// A lock is a flag guarded by a mutex and a condition variable rather than
// a std::mutex, because Python lets one thread release a lock another
// acquired. acquire() takes the uncontended fast path without touching the
// GIL; only a wait releases it (GilRelease), in slices of at most 50 ms so a
// pending Ctrl-C is noticed by the main thread.
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <mutex>

#include "runtime/fork.hpp"
#include "runtime/gil.hpp"
#include "runtime/runtime.hpp"
#include "runtime/signals.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/builtins_core.hpp"
#include "vm/call.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/number_ops.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

// After fork() a thread that exists only in the parent may have held
// `mutex` or waited on `cond`, so a lock re-creates both the first time the
// child uses it (runtime/fork.hpp); `locked` is kept, as in CPython. Every
// path checks with the GIL held, before it may release the GIL, and the
// child has one thread until it starts more, so no one else is inside.
struct LockObject : Object {
  std::mutex mutex;
  std::condition_variable cond;
  bool locked = false;
  uint64_t generation = fork_generation();
  explicit LockObject(Type* t) : Object(t) {}
  // In a child, a lock the parent's other threads were waiting on is
  // garbage once unreachable; destroying its inherited condition variable
  // would wait for those waiters forever (glibc's pthread_cond_destroy
  // does), so it is replaced first and the fresh one is destroyed.
  ~LockObject() override { refresh_after_fork(); }
  void refresh_after_fork() {
    if (generation == fork_generation()) return;
    new (&mutex) std::mutex();
    new (&cond) std::condition_variable();
    generation = fork_generation();
  }
};

Type* lock_type = nullptr;

// CPython's _thread.TIMEOUT_MAX on Linux: the longest wait, in seconds.
constexpr double kTimeoutMax = 9223372036.0;

// The size threading.stack_size() last set (0: the platform's default). As
// std::thread takes no stack size, it is recorded and reported only.
size_t thread_stack_size = 0;

LockObject* self_lock(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], lock_type)) raise_type_error("descriptor requires a 'lock' object");
  LockObject* lock = a[0].as<LockObject>();
  lock->refresh_after_fork();
  return lock;
}

// Waits for the lock with the GIL released. A negative timeout waits forever.
bool acquire_slow(LockObject* lock, double timeout) {
  using Clock = std::chrono::steady_clock;
  Clock::time_point deadline =
      timeout < 0 ? Clock::time_point::max() : Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeout));
  for (;;) {
    bool got = false;
    {
      GilRelease release;
      std::unique_lock<std::mutex> guard(lock->mutex);
      Clock::time_point slice = std::min(deadline, Clock::now() + std::chrono::milliseconds(50));
      lock->cond.wait_until(guard, slice, [&] { return !lock->locked; });
      if (!lock->locked) {
        lock->locked = true;
        got = true;
      }
    }
    if (got) return true;
    if (Clock::now() >= deadline) return false;
    // With the GIL back, run pending signal handlers (main thread only): one
    // that raises (KeyboardInterrupt for Ctrl-C) ends the wait.
    run_pending_signal_handlers();
  }
}

bool lock_acquire_impl(LockObject* lock, bool blocking, double timeout) {
  {
    std::lock_guard<std::mutex> guard(lock->mutex);
    if (!lock->locked) {
      lock->locked = true;
      return true;
    }
  }
  if (!blocking) return false;
  return acquire_slow(lock, timeout);
}

// A timeout in seconds as CPython's lock acquire() reads it: an int or a
// float that fits in nanoseconds of an int64.
double parse_timeout(Value v) {
  if (!is_number(v)) raise_type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
  double timeout = to_double(v);
  if (std::isnan(timeout)) raise_value_error("Invalid value NaN (not a number)");
  if (std::fabs(timeout) * 1e9 >= 9223372036854775808.0) raise_overflow_error("timestamp out of range for platform time_t");
  return timeout;
}

Value lock_acquire(const CallArgs& a) {
  ArgParser p(a, "acquire", {"blocking", "timeout"});
  LockObject* lock = self_lock(a);
  bool blocking = is_truthy(p.get(0, Value::true_value()));
  double timeout = p.given(1) ? parse_timeout(p.get(1)) : -1.0;
  if (!blocking && timeout != -1.0) raise_value_error("can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout != -1.0) raise_value_error("timeout value must be positive");
  return Value::boolean(lock_acquire_impl(lock, blocking, timeout));
}
Value lock_release(const CallArgs& a) {
  LockObject* lock = self_lock(a);
  {
    std::lock_guard<std::mutex> guard(lock->mutex);
    if (!lock->locked) raise_runtime_error("release unlocked lock");
    lock->locked = false;
  }
  lock->cond.notify_one();
  return Value::none();
}
Value lock_locked(const CallArgs& a) {
  LockObject* lock = self_lock(a);
  std::lock_guard<std::mutex> guard(lock->mutex);
  return Value::boolean(lock->locked);
}
Value lock_enter(const CallArgs& a) {
  lock_acquire_impl(self_lock(a), true, -1.0);
  return Value::true_value();
}
Value lock_exit(const CallArgs& a) {
  Value self = a[0];
  lock_release(CallArgs{&self, 1});
  return Value::none();
}
Value lock_repr(const CallArgs& a) {
  LockObject* lock = self_lock(a);
  char buf[96];
  std::snprintf(buf, sizeof buf, "<%s _thread.lock object at 0x%llx>", lock->locked ? "locked" : "unlocked",
                static_cast<unsigned long long>(a[0].raw()));
  return new_str(buf);
}
// CPython's private lock._at_fork_reinit(): threading's after-fork code
// makes its internal locks new and unlocked whoever held them.
Value lock_at_fork_reinit(const CallArgs& a) {
  LockObject* lock = self_lock(a);
  new (&lock->mutex) std::mutex();
  new (&lock->cond) std::condition_variable();
  lock->locked = false;
  return Value::none();
}
Value lock_construct(Type*, const CallArgs&) { raise_type_error("cannot create '_thread.lock' instances"); }

Value thread_allocate_lock(const CallArgs& a) {
  check_arg_count(a, "_thread.allocate_lock", 0, 0);
  return gc_new<LockObject>(lock_type);
}

void report_thread_exception(Value callable, Value exception) {
  if (isinstance(exception, exc().SystemExit)) return;
  write_unraisable("Exception ignored in thread started by: " + repr_string(callable), exception);
}

Value thread_start_new_thread(const CallArgs& a) {
  check_arg_count(a, "start_new_thread", 2, 3);
  if (!is_callable(a[0])) raise_type_error("first arg must be callable");
  if (type_of(a[1]) != types().tuple) raise_type_error("2nd arg must be a tuple");
  Dict* kwargs = nullptr;
  if (a.count == 3) {
    if (!isinstance(a[2], types().dict)) raise_type_error("optional 3rd arg must be a dictionary");
    kwargs = a[2].as<Dict>();
  }
  return make_int(static_cast<int64_t>(start_thread(a[0], a[1].as<Tuple>(), kwargs, report_thread_exception) >> 1));
}
// As CPython's _thread._set_sentinel: a lock that the runtime releases when
// the calling thread's state is finalized, after all its Python code ran.
// threading acquires it at thread start; join() waits for it.
void release_sentinel(Value lock_value) {
  auto* lock = lock_value.as<LockObject>();
  lock->refresh_after_fork();
  {
    std::lock_guard<std::mutex> guard(lock->mutex);
    lock->locked = false;
  }
  lock->cond.notify_all();
}
Value thread_set_sentinel(const CallArgs& a) {
  check_arg_count(a, "_set_sentinel", 0, 0);
  auto* lock = gc_new<LockObject>(lock_type);
  ThreadState* ts = current_thread_state();
  if (ts != main_thread_state()) ts->exit_hooks.push_back({lock, release_sentinel});
  return lock;
}
// threading's private hook: `fn()` runs, with the GIL, as the calling
// thread ends (after its last line of Python). A dummy Thread uses it to
// leave threading._active, so a later thread that reuses the ident does not
// inherit it. Errors in `fn` are ignored. No effect in the main thread.
void run_exit_callable(Value fn) {
  try {
    call_object(fn, CallArgs{nullptr, 0});
  } catch (PyException&) {
    take_current_exception();
  }
}
Value thread_at_thread_exit(const CallArgs& a) {
  check_arg_count(a, "_at_thread_exit", 1, 1);
  if (!is_callable(a[0])) raise_type_error("_at_thread_exit() argument must be callable");
  ThreadState* ts = current_thread_state();
  if (ts != main_thread_state()) ts->exit_hooks.push_back({a[0], run_exit_callable});
  return Value::none();
}
Value thread_get_ident(const CallArgs& a) {
  check_arg_count(a, "_thread.get_ident", 0, 0);
  return make_int(static_cast<int64_t>(current_thread_ident() >> 1));
}
Value thread_get_native_id(const CallArgs& a) {
  check_arg_count(a, "_thread.get_native_id", 0, 0);
  return make_int(static_cast<int64_t>(syscall(SYS_gettid)));
}
// As CPython 3.14's _thread.set_name: names the calling OS thread (cut to
// the 15 bytes Linux keeps) and, here, its row in the GIL statistics.
Value thread_set_name(const CallArgs& a) {
  ArgParser p(a, "set_name", {"name"}, 1, false);
  Value name = p.get(0);
  if (type_of(name) != types().str) raise_type_error("set_name() argument 'name' must be str, not " + type_name(name));
  const std::string& text = name.as<Str>()->data;
  size_t cut = std::min<size_t>(text.size(), 15);
  while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  pthread_setname_np(pthread_self(), text.substr(0, cut).c_str());
  gil().name_thread(current_thread_state(), text);
  return Value::none();
}
Value thread_count(const CallArgs& a) {
  check_arg_count(a, "_thread._count", 0, 0);
  return make_int(running_thread_count());
}
Value thread_stack_size_fn(const CallArgs& a) {
  check_arg_count(a, "stack_size", 0, 1);
  // As CPython: stack_size() with no argument sets the default (0) too.
  size_t size = 0;
  if (a.count == 1) {
    Value v = a[0];
    if (!is_int_value(v)) raise_type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
    if (number_compare(v, make_int(static_cast<int64_t>(0))) < 0) raise_value_error("size must be 0 or a positive value");
    if (number_compare(v, make_int(static_cast<int64_t>(1) << 40)) > 0) raise_value_error("size not valid: " + repr_string(v) + " bytes");
    size = static_cast<size_t>(int_to_double(v));
    if (size != 0 && size < 32768) raise_value_error("size not valid: " + std::to_string(size) + " bytes");
  }
  size_t old = thread_stack_size;
  thread_stack_size = size;
  return make_int(static_cast<int64_t>(old));
}
// CPython's traceback text of an exception (threading.excepthook uses it),
// cut to sys.tracebacklimit unless `whole` (the traceback module's call).
Value thread_format_exception(const CallArgs& a) {
  check_arg_count(a, "_format_exception", 1, 2);
  bool whole = a.count > 1 && is_truthy(a[1]);
  return new_str(format_exception(a[0], !whole));
}

// The marker line under one traceback entry's source line (the traceback
// module's FrameSummary keeps it, so format_tb prints what tracebacks print).
Value thread_traceback_markers(const CallArgs& a) {
  check_arg_count(a, "_traceback_markers", 1, 1);
  return new_str(traceback_entry_markers(a[0]));
}

void init_thread(Module* m) {
  if (lock_type == nullptr) {
    lock_type = new_builtin_type("lock", types().object, lock_construct);
    lock_type->qualname = "lock";
    add_type_attr(lock_type, "__module__", intern("_thread"));
    add_method(lock_type, "acquire", lock_acquire);
    add_method(lock_type, "release", lock_release);
    add_method(lock_type, "locked", lock_locked);
    add_method(lock_type, "__enter__", lock_enter);
    add_method(lock_type, "__exit__", lock_exit);
    add_method(lock_type, "__repr__", lock_repr);
    add_method(lock_type, "_at_fork_reinit", lock_at_fork_reinit);
    add_method(lock_type, "acquire_lock", lock_acquire);
    add_method(lock_type, "release_lock", lock_release);
    add_method(lock_type, "locked_lock", lock_locked);
  }
  DictTable& d = m->dict()->table;
  d.set(intern("LockType"), lock_type);
  d.set(intern("lock"), lock_type);
  d.set(intern("error"), exc().RuntimeError);
  d.set(intern("TIMEOUT_MAX"), make_float(kTimeoutMax));
  add_function(m, "allocate_lock", thread_allocate_lock);
  add_function(m, "start_new_thread", thread_start_new_thread);
  add_function(m, "get_ident", thread_get_ident);
  add_function(m, "get_native_id", thread_get_native_id);
  add_function(m, "_count", thread_count);
  add_function(m, "stack_size", thread_stack_size_fn);
  add_function(m, "set_name", thread_set_name);
  add_function(m, "_set_sentinel", thread_set_sentinel);
  add_function(m, "_at_thread_exit", thread_at_thread_exit);
  add_function(m, "_format_exception", thread_format_exception);
  add_function(m, "_traceback_markers", thread_traceback_markers);
}

}  // namespace

void register_thread_module() { register_builtin_module("_thread", init_thread); }

}  // namespace gilvm
