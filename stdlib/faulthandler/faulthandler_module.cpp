// The faulthandler module, as CPython 3.11's: on a fatal signal (SIGSEGV,
// SIGFPE, SIGABRT, SIGBUS, SIGILL) write "Fatal Python error: ..." and the
// Python stack of every thread to a file descriptor, then let the signal
// kill the process as it would have; dump the stacks on demand, after a
// timeout (a watchdog thread) or when a user signal arrives.
//
// Contract
// --------
// * The handlers run in signal context: they use only sigaction, raise,
//   write(2) (through traceback_dump.hpp, whose contract says what a stack
//   walk without locks can and cannot promise) and plain fields set before
//   the handler was installed. They allocate nothing and never touch the GIL.
// * The file objects given to enable(), register() and
//   dump_traceback_later() are kept (GC roots) while their descriptor is in
//   use, so closing them by dropping the last reference cannot happen;
//   closing them explicitly is the caller's mistake, as in CPython.
// * The watchdog of dump_traceback_later() is an OS thread that never takes
//   the GIL; it reads other threads' frames as a signal handler would.
//   cancel_dump_traceback_later() (and a new dump_traceback_later()) waits
//   for it with the GIL released. In a fork child the watchdog does not
//   exist, and is forgotten rather than waited for.
// * Fatal handlers run on an alternate signal stack (made once, for the
//   thread that first calls enable(), unless it has one), so a stack
//   overflow of that thread can still be reported.
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

#include "runtime/gil.hpp"
#include "stdlib/builtins/common.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/faulthandler/traceback_dump.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/import.hpp"
#include "vm/objects/module.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace dump = faulthandler_dump;

namespace {

// ---- Kept file objects -------------------------------------------------

// One slot per use of a file: the fatal handler, the watchdog, and one per
// signal number for register(). A ValueVector never destroyed: a GC root.
constexpr size_t kFatalFileSlot = 0;
constexpr size_t kLaterFileSlot = 1;
constexpr size_t kUserFileSlot = 2;  // + signal number

ValueVector& kept_files() {
  static auto* files = new ValueVector(kUserFileSlot + NSIG, Value::none());
  return *files;
}

// The descriptor of `file` as CPython's faulthandler takes it: None means
// sys.stderr, an int is the descriptor itself, anything else is asked for
// fileno() and then flushed (so what Python buffered comes first).
int file_descriptor(Value* file) {
  if (file->is_null() || file->is_none()) {
    Value err = current_std_stream("stderr");
    if (err.is_null() || err.is_none()) raise_runtime_error("sys.stderr is None");
    *file = err;
  }
  if (is_int_value(*file)) {
    int64_t fd = index_value(*file);
    if (fd < 0) raise_value_error("file is not a valid file descripter");
    return static_cast<int>(fd);
  }
  Value number = call_method(*file, "fileno", {});
  if (!is_int_value(number)) raise_runtime_error("file.fileno() is not a valid file descriptor");
  int64_t fd = index_value(number);
  if (fd < 0) raise_value_error("file is not a valid file descripter");
  try {
    call_method(*file, "flush", {});
  } catch (const PyException&) {
    take_current_exception();
  }
  return static_cast<int>(fd);
}

// ---- Fatal signals -----------------------------------------------------

struct FatalSignal {
  int signum;
  const char* name;
  struct sigaction previous;
  bool installed;
};

FatalSignal fatal_signals[] = {
    {SIGBUS, "Bus error", {}, false},
    {SIGILL, "Illegal instruction", {}, false},
    {SIGFPE, "Floating point exception", {}, false},
    {SIGABRT, "Aborted", {}, false},
    {SIGSEGV, "Segmentation fault", {}, false},
};

struct FatalState {
  volatile sig_atomic_t enabled = 0;
  int fd = 2;
  bool all_threads = true;
};
FatalState fatal;

void write_fatal_report(int fd, const char* what, bool all_threads) {
  dump::write_text(fd, "Fatal Python error: ");
  dump::write_text(fd, what);
  dump::write_text(fd, "\n\n");
  ThreadState* current = current_thread_state();
  if (all_threads) dump::dump_all_threads(fd, current);
  else if (current != nullptr) dump::dump_stack(fd, current, true);
}

void fatal_handler(int signum) {
  int saved_errno = errno;
  FatalSignal* signal = nullptr;
  for (FatalSignal& s : fatal_signals)
    if (s.signum == signum) signal = &s;
  if (signal == nullptr || !signal->installed) return;
  // Put back what was there first, so raising again below (or returning to
  // the faulting instruction) ends the process as it would have ended.
  sigaction(signum, &signal->previous, nullptr);
  signal->installed = false;
  write_fatal_report(fatal.fd, signal->name, fatal.all_threads);
  errno = saved_errno;
  raise(signum);
}

// An alternate stack for the fatal handler, so that a stack overflow of the
// enabling thread can still be written out. Made once, never freed.
void ensure_alternate_stack() {
  static bool done = false;
  if (done) return;
  done = true;
  stack_t current;
  if (sigaltstack(nullptr, &current) == 0 && !(current.ss_flags & SS_DISABLE)) return;
  constexpr size_t kSize = 64 * 1024;
  // Kept in a static so the leak checker sees it reachable.
  static void* memory = std::malloc(kSize);
  stack_t fresh{};
  fresh.ss_sp = memory;
  fresh.ss_size = kSize;
  if (fresh.ss_sp != nullptr) sigaltstack(&fresh, nullptr);
}

void install_fatal_handlers(int fd, bool all_threads) {
  fatal.fd = fd;
  fatal.all_threads = all_threads;
  if (fatal.enabled) return;
  ensure_alternate_stack();
  for (FatalSignal& s : fatal_signals) {
    struct sigaction action {};
    action.sa_handler = fatal_handler;
    sigemptyset(&action.sa_mask);
    // SA_NODEFER: raising the signal again inside the handler reaches the
    // previous disposition at once.
    action.sa_flags = SA_NODEFER | SA_ONSTACK;
    if (sigaction(s.signum, &action, &s.previous) == 0) s.installed = true;
  }
  fatal.enabled = 1;
}

void remove_fatal_handlers() {
  if (!fatal.enabled) return;
  fatal.enabled = 0;
  for (FatalSignal& s : fatal_signals) {
    if (!s.installed) continue;
    s.installed = false;
    sigaction(s.signum, &s.previous, nullptr);
  }
}

bool is_fatal_signal(int64_t signum) {
  for (const FatalSignal& s : fatal_signals)
    if (s.signum == signum) return true;
  return false;
}

// enable(file=sys.stderr, all_threads=True)
Value fh_enable(const CallArgs& a) {
  ArgParser p(a, "enable", {"file", "all_threads"}, 0, false);
  Value file = p.get(0, Value::none());
  bool all_threads = p.given(1) ? is_truthy(p.get(1)) : true;
  int fd = file_descriptor(&file);
  kept_files()[kFatalFileSlot] = is_int_value(file) ? Value::none() : file;
  install_fatal_handlers(fd, all_threads);
  return Value::none();
}

Value fh_disable(const CallArgs& a) {
  check_arg_count(a, "disable", 0, 0);
  if (!fatal.enabled) return Value::false_value();
  remove_fatal_handlers();
  kept_files()[kFatalFileSlot] = Value::none();
  return Value::true_value();
}

Value fh_is_enabled(const CallArgs& a) {
  check_arg_count(a, "is_enabled", 0, 0);
  return Value::boolean(fatal.enabled != 0);
}

// dump_traceback(file=sys.stderr, all_threads=True), from Python: the GIL is
// held, so the frames cannot change; the registry lock keeps threads from
// coming or going meanwhile.
Value fh_dump_traceback(const CallArgs& a) {
  ArgParser p(a, "dump_traceback", {"file", "all_threads"}, 0, false);
  Value file = p.get(0, Value::none());
  bool all_threads = p.given(1) ? is_truthy(p.get(1)) : true;
  int fd = file_descriptor(&file);
  if (all_threads) {
    lock_thread_registry();
    dump::dump_all_threads(fd, current_thread_state());
    unlock_thread_registry();
  } else {
    dump::dump_stack(fd, current_thread_state(), true);
  }
  return Value::none();
}

// ---- dump_traceback_later: the watchdog thread ---------------------------

struct Watchdog {
  std::mutex mutex;
  std::condition_variable wake;
  bool cancel = false;
  std::thread* thread = nullptr;
  pid_t owner = 0;  // the process that started the thread
  int fd = 2;
  int64_t timeout_us = 0;
  bool repeat = false;
  bool exit = false;
  char header[80] = {};
};

Watchdog& watchdog() {
  static auto* w = new Watchdog();  // never destroyed: the thread may outlive main
  return *w;
}

void format_timeout_header(Watchdog& w) {
  int64_t seconds = w.timeout_us / 1000000;
  int64_t micros = w.timeout_us % 1000000;
  long long minutes = seconds / 60, hours = minutes / 60;
  if (micros != 0)
    std::snprintf(w.header, sizeof w.header, "Timeout (%lld:%02lld:%02lld.%06lld)!\n", hours, minutes % 60,
                  static_cast<long long>(seconds % 60), static_cast<long long>(micros));
  else
    std::snprintf(w.header, sizeof w.header, "Timeout (%lld:%02lld:%02lld)!\n", hours, minutes % 60,
                  static_cast<long long>(seconds % 60));
}

constexpr int64_t kWaitForeverMicroseconds = int64_t(100) * 365 * 24 * 3600 * 1000000;

void watchdog_main() {
  Watchdog& w = watchdog();
  std::unique_lock<std::mutex> lock(w.mutex);
  for (;;) {
    // A timeout of years would overflow the clock's arithmetic: wait for
    // cancel() alone then.
    if (w.timeout_us > kWaitForeverMicroseconds) {
      w.wake.wait(lock, [&w] { return w.cancel; });
      return;
    }
    if (w.wake.wait_for(lock, std::chrono::microseconds(w.timeout_us), [&w] { return w.cancel; })) return;
    dump::write_text(w.fd, w.header);
    dump::dump_all_threads(w.fd, nullptr);
    if (w.exit) _exit(1);
    if (!w.repeat) return;
  }
}

void stop_watchdog() {
  Watchdog& w = watchdog();
  if (w.thread == nullptr) return;
  std::thread* thread = w.thread;
  w.thread = nullptr;
  if (w.owner != getpid()) return;  // a fork child: the thread is not here
  {
    std::lock_guard<std::mutex> lock(w.mutex);
    w.cancel = true;
  }
  w.wake.notify_all();
  {
    GilRelease release;
    thread->join();
  }
  delete thread;
  kept_files()[kLaterFileSlot] = Value::none();
}

// Seconds (an int or a float) as CPython's time functions read them: they
// must fit in an int64 of nanoseconds; rounded up to microseconds.
int64_t timeout_microseconds(Value seconds) {
  constexpr double kNanosecondsLimit = 9223372036854775808.0;
  if (isinstance(seconds, types().float_)) {
    double d = float_value(seconds);
    if (std::isnan(d)) raise_value_error("Invalid value NaN (not a number)");
    if (!(d * 1e9 >= -kNanosecondsLimit && d * 1e9 < kNanosecondsLimit))
      raise_overflow_error("timestamp out of range for platform time_t");
    return static_cast<int64_t>(std::ceil(d * 1e6));
  }
  int64_t whole = index_value_clamped(seconds);
  if (whole > INT64_MAX / 1000000000 || whole < INT64_MIN / 1000000000)
    raise_overflow_error("timestamp too large to convert to C _PyTime_t");
  return whole * 1000000;
}

// dump_traceback_later(timeout, repeat=False, file=sys.stderr, exit=False)
Value fh_dump_traceback_later(const CallArgs& a) {
  ArgParser p(a, "dump_traceback_later", {"timeout", "repeat", "file", "exit"}, 1, false);
  int64_t micros = timeout_microseconds(p.get(0));
  if (micros <= 0) raise_value_error("timeout must be greater than 0");
  bool repeat = p.given(1) && is_truthy(p.get(1));
  Value file = p.get(2, Value::none());
  bool exit = p.given(3) && is_truthy(p.get(3));
  int fd = file_descriptor(&file);
  stop_watchdog();
  Watchdog& w = watchdog();
  w.cancel = false;
  w.fd = fd;
  w.timeout_us = static_cast<int64_t>(micros);
  w.repeat = repeat;
  w.exit = exit;
  w.owner = getpid();
  format_timeout_header(w);
  kept_files()[kLaterFileSlot] = is_int_value(file) ? Value::none() : file;
  w.thread = new std::thread(watchdog_main);
  return Value::none();
}

Value fh_cancel_dump_traceback_later(const CallArgs& a) {
  check_arg_count(a, "cancel_dump_traceback_later", 0, 0);
  stop_watchdog();
  return Value::none();
}

// ---- register: user signals --------------------------------------------

struct UserSignal {
  volatile sig_atomic_t enabled = 0;
  int fd = 2;
  bool all_threads = true;
  bool chain = false;
  struct sigaction previous {};
};
UserSignal user_signals[NSIG];

void user_handler(int signum);

bool install_user_handler(int signum, bool chain, struct sigaction* previous) {
  struct sigaction action {};
  action.sa_handler = user_handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART | SA_ONSTACK;
  if (chain) action.sa_flags |= SA_NODEFER;  // the chained handler may be this signal's
  return sigaction(signum, &action, previous) == 0;
}

void user_handler(int signum) {
  UserSignal& u = user_signals[signum];
  if (!u.enabled) return;
  int saved_errno = errno;
  ThreadState* current = current_thread_state();
  if (u.all_threads) dump::dump_all_threads(u.fd, current);
  else dump::dump_stack(u.fd, current, true);
  if (u.chain) {
    // Run what was there before, then come back as this signal's handler.
    sigaction(signum, &u.previous, nullptr);
    errno = saved_errno;
    raise(signum);
    saved_errno = errno;
    install_user_handler(signum, u.chain, nullptr);
  }
  errno = saved_errno;
}

int64_t checked_user_signal(Value v) {
  int64_t signum = index_value(v);
  if (is_fatal_signal(signum))
    raise_runtime_error("signal " + std::to_string(signum) + " cannot be registered, use enable() instead");
  if (signum < 1 || signum >= NSIG) raise_value_error("signal number out of range");
  return signum;
}

// register(signum, file=sys.stderr, all_threads=True, chain=False)
Value fh_register(const CallArgs& a) {
  ArgParser p(a, "register", {"signum", "file", "all_threads", "chain"}, 1, false);
  int signum = static_cast<int>(checked_user_signal(p.get(0)));
  Value file = p.get(1, Value::none());
  bool all_threads = p.given(2) ? is_truthy(p.get(2)) : true;
  bool chain = p.given(3) && is_truthy(p.get(3));
  int fd = file_descriptor(&file);
  UserSignal& u = user_signals[signum];
  if (!u.enabled) {
    if (!install_user_handler(signum, chain, &u.previous)) raise_os_error_errno(errno);
  } else if (!install_user_handler(signum, chain, nullptr)) {
    raise_os_error_errno(errno);
  }
  u.fd = fd;
  u.all_threads = all_threads;
  u.chain = chain;
  u.enabled = 1;
  kept_files()[kUserFileSlot + signum] = is_int_value(file) ? Value::none() : file;
  return Value::none();
}

Value fh_unregister(const CallArgs& a) {
  check_arg_count(a, "unregister", 1, 1);
  int signum = static_cast<int>(checked_user_signal(a[0]));
  UserSignal& u = user_signals[signum];
  if (!u.enabled) return Value::false_value();
  u.enabled = 0;
  sigaction(signum, &u.previous, nullptr);
  kept_files()[kUserFileSlot + signum] = Value::none();
  return Value::true_value();
}

// ---- Test helpers: crash on purpose --------------------------------------

// No core file for a crash a test asks for (CPython does the same).
void suppress_crash_report() {
  struct rlimit limit;
  if (getrlimit(RLIMIT_CORE, &limit) == 0) {
    limit.rlim_cur = 0;
    setrlimit(RLIMIT_CORE, &limit);
  }
}

Value fh_sigsegv(const CallArgs& a) {
  ArgParser p(a, "_sigsegv", {"release_gil"}, 0, false);
  suppress_crash_report();
  raise(SIGSEGV);
  return Value::none();
}

Value fh_sigabrt(const CallArgs& a) {
  check_arg_count(a, "_sigabrt", 0, 0);
  suppress_crash_report();
  std::abort();
}

Value fh_sigfpe(const CallArgs& a) {
  check_arg_count(a, "_sigfpe", 0, 0);
  suppress_crash_report();
  raise(SIGFPE);
  return Value::none();
}

Value fh_read_null(const CallArgs& a) {
  check_arg_count(a, "_read_null", 0, 0);
  suppress_crash_report();
  static volatile int* volatile nowhere = nullptr;
  int value = *nowhere;
  return make_int(value);
}

void init_faulthandler(Module* m) {
  add_function(m, "enable", fh_enable);
  add_function(m, "disable", fh_disable);
  add_function(m, "is_enabled", fh_is_enabled);
  add_function(m, "dump_traceback", fh_dump_traceback);
  add_function(m, "dump_traceback_later", fh_dump_traceback_later);
  add_function(m, "cancel_dump_traceback_later", fh_cancel_dump_traceback_later);
  add_function(m, "register", fh_register);
  add_function(m, "unregister", fh_unregister);
  add_function(m, "_sigsegv", fh_sigsegv);
  add_function(m, "_sigabrt", fh_sigabrt);
  add_function(m, "_sigfpe", fh_sigfpe);
  add_function(m, "_read_null", fh_read_null);
}

}  // namespace

void register_faulthandler_module() { register_builtin_module("faulthandler", init_faulthandler); }

// -X faulthandler, PYTHONFAULTHANDLER and -X dev: as enable() with
// sys.stderr's descriptor and every thread.
void enable_faulthandler_at_startup() { install_fatal_handlers(2, true); }

}  // namespace gilvm
