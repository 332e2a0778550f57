// The _signal module, under signal.py (which adds the Signals and Handlers
// enums, as CPython's does). The C-level machinery (the one C handler, the
// table of Python handlers, when handlers run) is runtime/signals.hpp.
//
// Handlers are plain ints here: SIG_DFL is 0 and SIG_IGN is 1, exactly the
// int type (signal.py turns Handlers members into ints before calling).
#include <pthread.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "runtime/gil.hpp"
#include "runtime/signals.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/set.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

constexpr int64_t kSigDfl = 0;
constexpr int64_t kSigIgn = 1;

Value default_int_handler_fn;  // kept alive by the module's dict

int signal_number(Value v) {
  int64_t n = index_value(v);
  if (n < 1 || n >= NSIG) raise_value_error("signal number out of range");
  return static_cast<int>(n);
}

void require_main_thread(const char* function) {
  if (!on_signal_thread())
    raise_value_error(std::string(function) + " only works in main thread of the main interpreter");
}

bool is_exact_int(Value v, int64_t n) {
  if (type_of(v) != types().int_) return false;
  int64_t value;
  return int_to_int64(v, &value) && value == n;
}

Value handler_or_none(int signum) {
  Value v = signal_handler_value(signum);
  return v.is_null() ? Value::none() : v;
}

Value signal_signal(const CallArgs& a) {
  ArgParser p(a, "signal", {"signalnum", "handler"}, 2, false);
  require_main_thread("signal");
  int signum = signal_number(p.get(0));
  Value handler = p.get(1);
  SignalAction action;
  if (is_exact_int(handler, kSigIgn)) {
    action = SignalAction::Ignore;
  } else if (is_exact_int(handler, kSigDfl)) {
    action = SignalAction::Default;
  } else if (is_callable(handler)) {
    action = SignalAction::Handle;
  } else {
    raise_type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  }
  // As CPython: signals already pending run their old handlers first.
  run_pending_signal_handlers();
  Value old = handler_or_none(signum);
  if (!set_signal_action(signum, action, handler)) raise_os_error_from_errno(errno);
  return old;
}

Value signal_getsignal(const CallArgs& a) {
  ArgParser p(a, "getsignal", {"signalnum"}, 1, false);
  return handler_or_none(signal_number(p.get(0)));
}

Value signal_default_int_handler(const CallArgs&) { raise_error(exc().KeyboardInterrupt, ""); }

Value signal_alarm(const CallArgs& a) {
  ArgParser p(a, "alarm", {"seconds"}, 1, false);
  int64_t seconds = index_value(p.get(0));
  return make_int(static_cast<int64_t>(::alarm(static_cast<unsigned>(seconds))));
}

Value signal_pause(const CallArgs& a) {
  check_arg_count(a, "pause", 0, 0);
  {
    GilRelease release;
    ::pause();  // returns once a handler ran (on this thread, see signals.hpp)
  }
  run_pending_signal_handlers();
  return Value::none();
}

Value signal_pthread_kill(const CallArgs& a) {
  ArgParser p(a, "pthread_kill", {"thread_id", "signalnum"}, 2, false);
  // threading idents are pthread_t >> 1 (runtime/runtime.hpp's idents).
  uint64_t ident = static_cast<uint64_t>(index_value(p.get(0)));
  int signum = static_cast<int>(index_value(p.get(1)));
  int err = ::pthread_kill(static_cast<pthread_t>(ident << 1), signum);
  if (err != 0) raise_os_error_from_errno(err);
  run_pending_signal_handlers();  // a signal sent to ourselves is handled now
  return Value::none();
}

Value signal_raise_signal(const CallArgs& a) {
  ArgParser p(a, "raise_signal", {"signalnum"}, 1, false);
  // No range check of its own, as CPython: raise() answers (0 is valid).
  int64_t signum = index_value(p.get(0));
  if (signum < INT32_MIN || signum > INT32_MAX || ::raise(static_cast<int>(signum)) != 0)
    raise_os_error_from_errno(errno != 0 ? errno : EINVAL);
  run_pending_signal_handlers();
  return Value::none();
}

Value signal_set_wakeup_fd(const CallArgs& a) {
  ArgParser p(a, "set_wakeup_fd", {"fd", "warn_on_full_buffer"}, 1, false, 1);
  int64_t fd = index_value(p.get(0));
  require_main_thread("set_wakeup_fd");
  if (fd != -1) {
    struct stat info;
    if (fd < 0 || fd > INT32_MAX || fstat(static_cast<int>(fd), &info) != 0) raise_os_error_from_errno(EBADF);
    int flags = fcntl(static_cast<int>(fd), F_GETFL);
    if (flags < 0) raise_os_error_from_errno(errno);
    if ((flags & O_NONBLOCK) == 0) raise_value_error("the fd " + std::to_string(fd) + " must be in non-blocking mode");
  }
  return make_int(static_cast<int64_t>(exchange_wakeup_fd(static_cast<int>(fd))));
}

Value signal_strsignal(const CallArgs& a) {
  ArgParser p(a, "strsignal", {"signalnum"}, 1, false);
  int signum = signal_number(p.get(0));
  const char* text = ::strsignal(signum);
  if (text == nullptr || std::strncmp(text, "Unknown signal", 14) == 0) return Value::none();
  return new_str(text);
}

Value signal_valid_signals(const CallArgs& a) {
  check_arg_count(a, "valid_signals", 0, 0);
  sigset_t all;
  sigfillset(&all);
  Set* result = new_set();
  for (int signum = 1; signum < NSIG; ++signum)
    if (sigismember(&all, signum) == 1) result->table.add(make_int(static_cast<int64_t>(signum)));
  return result;
}

Value signal_siginterrupt(const CallArgs& a) {
  ArgParser p(a, "siginterrupt", {"signalnum", "flag"}, 2, false);
  int signum = signal_number(p.get(0));
  bool interrupt = is_truthy(p.get(1));
  struct sigaction action;
  if (sigaction(signum, nullptr, &action) != 0) raise_os_error_from_errno(errno);
  if (interrupt) action.sa_flags &= ~SA_RESTART;
  else action.sa_flags |= SA_RESTART;
  if (sigaction(signum, &action, nullptr) != 0) raise_os_error_from_errno(errno);
  return Value::none();
}

// The `frame` argument of handlers: the Python frame that was running, as
// sys._getframe() sees it; None if there is none.
Value frame_for_handler() {
  try {
    Value sys = module_table()->table.get_str(intern("sys"));
    if (sys.is_null()) return Value::none();
    Value getframe = get_attr_or_null(sys, intern("_getframe"));
    if (getframe.is_null()) return Value::none();
    return call_object(getframe, CallArgs{nullptr, 0});
  } catch (PyException&) {
    take_current_exception();
    return Value::none();
  }
}

struct NamedSignal {
  const char* name;
  int number;
};
const NamedSignal kSignals[] = {
    {"SIGHUP", SIGHUP},   {"SIGINT", SIGINT},       {"SIGQUIT", SIGQUIT},     {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT},     {"SIGIOT", SIGIOT},       {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE},   {"SIGKILL", SIGKILL},     {"SIGUSR1", SIGUSR1},     {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE},     {"SIGALRM", SIGALRM},     {"SIGTERM", SIGTERM},
    {"SIGCHLD", SIGCHLD}, {"SIGCLD", SIGCHLD},      {"SIGCONT", SIGCONT},     {"SIGSTOP", SIGSTOP},
    {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN},     {"SIGTTOU", SIGTTOU},     {"SIGURG", SIGURG},
    {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ},     {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF},
    {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO},       {"SIGPOLL", SIGPOLL},     {"SIGPWR", SIGPWR},
    {"SIGSYS", SIGSYS},
#ifdef SIGSTKFLT
    {"SIGSTKFLT", SIGSTKFLT},
#endif
};

void init_signal(Module* m) {
  DictTable& d = m->dict()->table;
  for (const NamedSignal& s : kSignals) d.set(intern(s.name), make_int(static_cast<int64_t>(s.number)));
  d.set(intern("SIGRTMIN"), make_int(static_cast<int64_t>(SIGRTMIN)));
  d.set(intern("SIGRTMAX"), make_int(static_cast<int64_t>(SIGRTMAX)));
  d.set(intern("NSIG"), make_int(static_cast<int64_t>(NSIG)));
  d.set(intern("SIG_DFL"), make_int(kSigDfl));
  d.set(intern("SIG_IGN"), make_int(kSigIgn));
  default_int_handler_fn = add_function(m, "default_int_handler", signal_default_int_handler);
  add_function(m, "signal", signal_signal);
  add_function(m, "getsignal", signal_getsignal);
  add_function(m, "alarm", signal_alarm);
  add_function(m, "pause", signal_pause);
  add_function(m, "pthread_kill", signal_pthread_kill);
  add_function(m, "raise_signal", signal_raise_signal);
  add_function(m, "set_wakeup_fd", signal_set_wakeup_fd);
  add_function(m, "strsignal", signal_strsignal);
  add_function(m, "valid_signals", signal_valid_signals);
  add_function(m, "siginterrupt", signal_siginterrupt);
  set_signal_frame_provider(frame_for_handler);
  // What getsignal() reports for handlers Python did not set, as CPython
  // finds them at start: SIGINT's is default_int_handler (the runtime's C
  // handler raises KeyboardInterrupt), the others are what the process
  // inherited, SIG_DFL or SIG_IGN; anything else stays None.
  for (int signum = 1; signum < NSIG; ++signum) {
    if (!signal_handler_value(signum).is_null()) continue;
    if (signum == SIGINT) {
      note_signal_handler_value(signum, default_int_handler_fn);
      continue;
    }
    struct sigaction current;
    if (sigaction(signum, nullptr, &current) != 0) continue;
    if (current.sa_handler == SIG_DFL) note_signal_handler_value(signum, make_int(kSigDfl));
    else if (current.sa_handler == SIG_IGN) note_signal_handler_value(signum, make_int(kSigIgn));
  }
}

}  // namespace

void register_signal_module() { register_builtin_module("_signal", init_signal); }

}  // namespace gilvm
