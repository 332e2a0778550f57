// _multiprocessing.SemLock: the semaphore under every cross-process lock.
//
// Contract
// --------
// * The sem_t lives in MAP_SHARED memory, initialized with pshared=1, so
//   every process forked after the SemLock was made shares it: a release
//   in one wakes an acquire in another. Where it lives depends on
//   `shareable`:
//   - without it (a fork context) in a 64-byte slot of anonymous shared
//     chunks (shared_slots.hpp), so that many locks do not mean many
//     mappings for every fork to copy; `handle` is -1 and only fork
//     children share it.
//   - with shareable=True (a spawn or forkserver context) in its own page
//     of a memfd whose descriptor is `handle`: the child receives the
//     descriptor and maps the same page with _rebuild_semlock(handle,
//     kind, maxvalue) (multiprocessing.synchronize pickles it so while
//     spawning; CPython names the semaphore instead).
// * Kinds, as CPython's: RECURSIVE_MUTEX (0) counts re-acquisitions by the
//   owning thread in `count` (process-local memory, so a fork child starts
//   owning nothing: the generation check resets it); SEMAPHORE (1) is a
//   counting semaphore bounded by `maxvalue` (1 for Lock).
// * A blocked acquire releases the GIL and waits in slices of 50 ms so the
//   main thread runs pending signal handlers between them; a handler that
//   raises (KeyboardInterrupt) ends the wait.
// * When the object is collected a slot is given back (reused only if no
//   fork happened since), a page is unmapped and its memfd closed; the
//   semaphore is never sem_destroy'ed, since another process may still use
//   it.
#include <semaphore.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <ctime>

#include "runtime/fork.hpp"
#include "runtime/gil.hpp"
#include "runtime/runtime.hpp"
#include "runtime/signals.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/multiprocessing/mp_natives.hpp"
#include "stdlib/multiprocessing/shared_slots.hpp"
#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/number_ops.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

constexpr int kRecursiveMutex = 0;
constexpr int kSemaphore = 1;

struct SemLockObject : Object {
  sem_t* sem = nullptr;
  int fd = -1;             // the memfd under a shareable `sem`, or -1
  SharedSlot slot;         // where a fork-context `sem` lives (shared_slots.hpp)
  int kind = kSemaphore;
  int maxvalue = 1;
  int count = 0;           // acquisitions held by `owner` in this process
  uint64_t owner = 0;      // thread ident of the holder (this process only)
  uint64_t generation = fork_generation();
  explicit SemLockObject(Type* t) : Object(t) {}
  ~SemLockObject() override {
    if (slot.memory != nullptr) {
      shared_slot_free(slot);
    } else if (sem != nullptr) {
      ::munmap(sem, page_size());
    }
    if (fd >= 0) ::close(fd);
  }
  static size_t page_size() { return static_cast<size_t>(::sysconf(_SC_PAGESIZE)); }
  // A child of fork holds nothing its parent held (CPython's _after_fork).
  void refresh_after_fork() {
    if (generation == fork_generation()) return;
    count = 0;
    owner = 0;
    generation = fork_generation();
  }
  bool is_mine() const { return count > 0 && owner == current_thread_ident(); }
};

Type* semlock_type = nullptr;

SemLockObject* self_sem(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], semlock_type)) raise_type_error("descriptor requires a 'SemLock' object");
  auto* s = a[0].as<SemLockObject>();
  s->refresh_after_fork();
  return s;
}

Value semlock_construct(Type* type, const CallArgs& a) {
  ArgParser p(a, "SemLock", {"kind", "value", "maxvalue", "shareable"}, 3, false);
  int kind = static_cast<int>(index_value(p.get(0)));
  int64_t value = index_value(p.get(1));
  int64_t maxvalue = index_value(p.get(2));
  bool shareable = is_truthy(p.get(3, Value::false_value()));
  if (kind != kRecursiveMutex && kind != kSemaphore) raise_value_error("unrecognized kind");
  if (value < 0 || value > SEM_VALUE_MAX) raise_value_error("invalid value");
  static_assert(sizeof(sem_t) <= kSharedSlotSize);
  int fd = -1;
  SharedSlot slot;
  void* memory = nullptr;
  if (shareable) {
    memory = map_shared(SemLockObject::page_size(), true, &fd);
  } else {
    slot = shared_slot_alloc();
    memory = slot.memory;
  }
  auto* sem = static_cast<sem_t*>(memory);
  if (::sem_init(sem, 1, static_cast<unsigned>(value)) != 0) {
    int err = errno;
    if (shareable) {
      ::munmap(memory, SemLockObject::page_size());
      ::close(fd);
    } else {
      shared_slot_free(slot);
    }
    raise_os_error_from_errno(err);
  }
  auto* s = gc_new<SemLockObject>(type);
  s->sem = sem;
  s->fd = fd;
  s->slot = slot;
  s->kind = kind;
  s->maxvalue = static_cast<int>(std::min<int64_t>(maxvalue, SEM_VALUE_MAX));
  return s;
}

// Waits until the semaphore is taken or `timeout` seconds pass (negative:
// forever). Returns whether it was taken.
bool wait_sem(sem_t* sem, double timeout) {
  using Clock = std::chrono::steady_clock;
  Clock::time_point deadline = timeout < 0 ? Clock::time_point::max()
                                           : Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeout));
  for (;;) {
    bool got = false;
    {
      GilRelease release;
      Clock::time_point now = Clock::now();
      Clock::duration slice = std::min<Clock::duration>(deadline - now, std::chrono::milliseconds(50));
      if (slice < Clock::duration::zero()) slice = Clock::duration::zero();
      // sem_timedwait reads CLOCK_REALTIME; the deadline itself is kept on
      // the steady clock, so a clock change only shifts one slice.
      timespec ts;
      ::clock_gettime(CLOCK_REALTIME, &ts);
      int64_t ns = ts.tv_nsec + std::chrono::duration_cast<std::chrono::nanoseconds>(slice).count();
      ts.tv_sec += static_cast<time_t>(ns / 1000000000);
      ts.tv_nsec = static_cast<long>(ns % 1000000000);
      got = ::sem_timedwait(sem, &ts) == 0;
    }
    if (got) return true;
    if (Clock::now() >= deadline) return false;
    run_pending_signal_handlers();
  }
}

// A lock between processes is mostly held for a few microseconds (a
// shared Value's `+= 1`), much less than a futex sleep and wake-up costs.
// So before sleeping, an acquire that found it taken retries for up to
// about 20 us while the holder (on another CPU) finishes: that keeps both
// processes running instead of taking turns through the scheduler. With
// one CPU the holder cannot run meanwhile, so there is no spinning.
bool spin_for_sem(sem_t* sem) {
  static const bool several_cpus = ::sysconf(_SC_NPROCESSORS_ONLN) > 1;
  if (!several_cpus) return false;
  using Clock = std::chrono::steady_clock;
  const Clock::time_point until = Clock::now() + std::chrono::microseconds(20);
  for (int round = 1;; ++round) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
    if (::sem_trywait(sem) == 0) return true;
    if (round % 32 == 0 && Clock::now() >= until) return false;
  }
}

Value semlock_acquire(const CallArgs& a) {
  ArgParser p(a, "acquire", {"block", "timeout"});
  SemLockObject* s = self_sem(a);
  bool block = is_truthy(p.get(0, Value::true_value()));
  Value timeout_arg = p.get(1, Value::none());
  if (s->kind == kRecursiveMutex && s->is_mine()) {
    ++s->count;
    return Value::true_value();
  }
  bool got = ::sem_trywait(s->sem) == 0;
  if (!got && block) {
    double timeout = timeout_seconds(timeout_arg);
    if (timeout != 0) got = spin_for_sem(s->sem) || wait_sem(s->sem, timeout);
  }
  if (!got) return Value::false_value();
  s->count = 1;
  s->owner = current_thread_ident();
  return Value::true_value();
}

Value semlock_release(const CallArgs& a) {
  check_arg_count(a, "release", 1, 1);
  SemLockObject* s = self_sem(a);
  if (s->kind == kRecursiveMutex) {
    if (!s->is_mine()) raise_error(exc().AssertionError, "attempt to release recursive lock not owned by thread");
    if (s->count > 1) {
      --s->count;
      return Value::none();
    }
  } else {
    int value = 0;
    ::sem_getvalue(s->sem, &value);
    if (value >= s->maxvalue) raise_value_error("semaphore or lock released too many times");
  }
  if (::sem_post(s->sem) != 0) raise_os_error_from_errno(errno);
  s->count = s->count > 0 ? s->count - 1 : 0;
  return Value::none();
}

Value semlock_enter(const CallArgs& a) {
  Value self = a[0];
  return semlock_acquire(CallArgs{&self, 1});
}
Value semlock_exit(const CallArgs& a) {
  Value self = a[0];
  return semlock_release(CallArgs{&self, 1});
}
Value semlock_count(const CallArgs& a) { return make_int(static_cast<int64_t>(self_sem(a)->count)); }
Value semlock_is_mine(const CallArgs& a) { return Value::boolean(self_sem(a)->is_mine()); }
Value semlock_get_value(const CallArgs& a) {
  int value = 0;
  ::sem_getvalue(self_sem(a)->sem, &value);
  return make_int(static_cast<int64_t>(value));
}
Value semlock_is_zero(const CallArgs& a) {
  int value = 0;
  ::sem_getvalue(self_sem(a)->sem, &value);
  return Value::boolean(value == 0);
}
Value semlock_after_fork(const CallArgs& a) {
  SemLockObject* s = self_sem(a);
  s->count = 0;
  s->owner = 0;
  return Value::none();
}
Value semlock_handle(Value self) { return make_int(static_cast<int64_t>(self.as<SemLockObject>()->fd)); }

// _rebuild_semlock(handle, kind, maxvalue): a spawn child's SemLock over
// the page of an inherited handle; it owns the descriptor from then on.
Value semlock_rebuild(const CallArgs& a) {
  ArgParser p(a, "_rebuild_semlock", {"handle", "kind", "maxvalue"}, 3, false);
  int fd = static_cast<int>(index_value(p.get(0)));
  int kind = static_cast<int>(index_value(p.get(1)));
  int64_t maxvalue = index_value(p.get(2));
  if (kind != kRecursiveMutex && kind != kSemaphore) raise_value_error("unrecognized kind");
  void* page = map_shared_fd(fd, SemLockObject::page_size());
  auto* s = gc_new<SemLockObject>(semlock_type);
  s->sem = static_cast<sem_t*>(page);
  s->fd = fd;
  s->kind = kind;
  s->maxvalue = static_cast<int>(std::min<int64_t>(maxvalue, SEM_VALUE_MAX));
  return s;
}

Value semlock_kind(Value self) { return make_int(static_cast<int64_t>(self.as<SemLockObject>()->kind)); }
Value semlock_maxvalue(Value self) { return make_int(static_cast<int64_t>(self.as<SemLockObject>()->maxvalue)); }

}  // namespace

double timeout_seconds(Value v) {
  if (v.is_null() || v.is_none()) return -1.0;
  double t = to_double(v);
  if (std::isnan(t)) raise_value_error("Invalid value NaN (not a number)");
  return t < 0 ? 0.0 : t;
}

void add_semlock(Module* m) {
  if (semlock_type == nullptr) {
    semlock_type = new_builtin_type("SemLock", types().object, semlock_construct);
    add_type_attr(semlock_type, "__module__", intern("_multiprocessing"));
    add_method(semlock_type, "acquire", semlock_acquire);
    add_method(semlock_type, "release", semlock_release);
    add_method(semlock_type, "__enter__", semlock_enter);
    add_method(semlock_type, "__exit__", semlock_exit);
    add_method(semlock_type, "_count", semlock_count);
    add_method(semlock_type, "_is_mine", semlock_is_mine);
    add_method(semlock_type, "_get_value", semlock_get_value);
    add_method(semlock_type, "_is_zero", semlock_is_zero);
    add_method(semlock_type, "_after_fork", semlock_after_fork);
    add_getset(semlock_type, "kind", semlock_kind);
    add_getset(semlock_type, "handle", semlock_handle);
    add_getset(semlock_type, "maxvalue", semlock_maxvalue);
  }
  DictTable& d = m->dict()->table;
  d.set(intern("SemLock"), semlock_type);
  add_function(m, "_rebuild_semlock", semlock_rebuild);
  d.set(intern("RECURSIVE_MUTEX"), make_int(static_cast<int64_t>(kRecursiveMutex)));
  d.set(intern("SEMAPHORE"), make_int(static_cast<int64_t>(kSemaphore)));
  d.set(intern("SEM_VALUE_MAX"), make_int(static_cast<int64_t>(SEM_VALUE_MAX)));
}

}  // namespace gilvm
