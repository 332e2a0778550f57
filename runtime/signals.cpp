#include "runtime/signals.hpp"

#include <atomic>

#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <ctime>

#include "runtime/runtime.hpp"
#include "vm/errors.hpp"
#include "vm/eval_breaker.hpp"
#include "vm/heap/heap.hpp"
#include "vm/objects/number.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

// Written by the C handler, read and cleared by the main thread.
// Atomics, not volatile sig_atomic_t: the handler may run on one thread
// while another reads the flags (a thread's pthread_kill runs the pending
// handlers itself), and lock-free atomics are async-signal-safe.
std::atomic<int> tripped[NSIG];
std::atomic<int> any_tripped{0};
int wakeup_eventfd = -1;        // wakes sleep_unless_interrupted
volatile int python_wakeup_fd = -1;  // signal.set_wakeup_fd()
pthread_t signal_thread;        // the main thread: where handlers run

Value python_handlers[NSIG];  // a root source (see install_signal_handlers)
FrameProvider frame_provider = nullptr;

extern "C" void on_signal(int signum) {
  int saved_errno = errno;
  if (!pthread_equal(pthread_self(), signal_thread)) {
    // Let the main thread take it: its blocking call then returns EINTR.
    pthread_kill(signal_thread, signum);
    errno = saved_errno;
    return;
  }
  tripped[signum] = 1;
  any_tripped = 1;
  set_eval_breaker_bit(kSignalPending);
  if (wakeup_eventfd >= 0) {
    uint64_t one = 1;
    ssize_t ignored = ::write(wakeup_eventfd, &one, sizeof one);
    (void)ignored;
  }
  int fd = python_wakeup_fd;
  if (fd >= 0) {
    unsigned char byte = static_cast<unsigned char>(signum);
    ssize_t ignored = ::write(fd, &byte, 1);
    (void)ignored;
  }
  errno = saved_errno;
}

double monotonic_now() {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

void drain_eventfd() {
  if (wakeup_eventfd < 0) return;
  uint64_t count;
  ssize_t ignored = ::read(wakeup_eventfd, &count, sizeof count);
  (void)ignored;
}

bool install_c_handler(int signum) {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_ONSTACK;  // no SA_RESTART: blocking calls return EINTR (PEP 475 retries)
  return sigaction(signum, &action, nullptr) == 0;
}

}  // namespace

void install_signal_handlers(bool os_handlers) {
  static bool roots_added = [] {
    heap().add_root_source([](Tracer& t) {
      for (Value v : python_handlers) t.visit(v);
    });
    return true;
  }();
  (void)roots_added;
  signal_thread = pthread_self();
  if (wakeup_eventfd < 0) wakeup_eventfd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (!os_handlers) return;
  install_c_handler(SIGINT);
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGXFSZ, SIG_IGN);
}

void trip_signal(int signum) {
  if (signum <= 0 || signum >= NSIG) return;
  tripped[signum] = 1;
  any_tripped = 1;
  set_eval_breaker_bit(kSignalPending);
  if (wakeup_eventfd >= 0) {
    uint64_t one = 1;
    ssize_t ignored = ::write(wakeup_eventfd, &one, sizeof one);
    (void)ignored;
  }
}

bool signal_pending() { return any_tripped != 0; }

int signal_wakeup_descriptor() { return wakeup_eventfd; }

bool on_signal_thread() { return pthread_equal(pthread_self(), signal_thread); }

bool sleep_unless_interrupted(double seconds) {
  double deadline = monotonic_now() + seconds;
  for (;;) {
    if (any_tripped) return true;
    double left = deadline - monotonic_now();
    if (left <= 0) return false;
    struct timespec timeout;
    timeout.tv_sec = static_cast<time_t>(left);
    timeout.tv_nsec = static_cast<long>((left - static_cast<double>(timeout.tv_sec)) * 1e9);
    if (wakeup_eventfd < 0) {
      nanosleep(&timeout, nullptr);  // no handler installed: EINTR or the full wait
      continue;
    }
    struct pollfd wait_for{wakeup_eventfd, POLLIN, 0};
    ppoll(&wait_for, 1, &timeout, nullptr);
  }
}

void run_pending_signal_handlers() {
  if (!any_tripped || current_thread_state() != main_thread_state()) return;
  // Clear first: a signal arriving while handlers run trips them again.
  any_tripped = 0;
  drain_eventfd();
  for (int signum = 1; signum < NSIG; ++signum) {
    if (!tripped[signum]) continue;
    tripped[signum] = 0;
    Value handler = python_handlers[signum];
    try {
      if (handler.is_null()) {
        if (signum == SIGINT) raise_error(exc().KeyboardInterrupt, "");
        continue;
      }
      if (!is_callable(handler)) continue;  // SIG_DFL / SIG_IGN recorded while a signal was in flight
      Value frame = frame_provider != nullptr ? frame_provider() : Value::none();
      Value args[2] = {make_int(static_cast<int64_t>(signum)), frame};
      call_object(handler, CallArgs{args, 2, nullptr});
    } catch (...) {
      // The rest stay tripped: they run at the next safepoint.
      for (int rest = signum + 1; rest < NSIG; ++rest) {
        if (tripped[rest]) {
          any_tripped = 1;
          set_eval_breaker_bit(kSignalPending);
          break;
        }
      }
      throw;
    }
  }
}

bool set_signal_action(int signum, SignalAction action, Value handler) {
  switch (action) {
    case SignalAction::Handle:
      if (!install_c_handler(signum)) return false;
      break;
    case SignalAction::Default:
    case SignalAction::Ignore: {
      struct sigaction act {};
      act.sa_handler = action == SignalAction::Default ? SIG_DFL : SIG_IGN;
      sigemptyset(&act.sa_mask);
      if (sigaction(signum, &act, nullptr) != 0) return false;
      break;
    }
  }
  python_handlers[signum] = handler;
  return true;
}

Value signal_handler_value(int signum) { return python_handlers[signum]; }

void note_signal_handler_value(int signum, Value handler) { python_handlers[signum] = handler; }

int exchange_wakeup_fd(int fd) {
  int old = python_wakeup_fd;
  python_wakeup_fd = fd;
  return old;
}

void set_signal_frame_provider(FrameProvider provider) { frame_provider = provider; }

void reinit_signals_after_fork() {
  signal_thread = pthread_self();
  for (int signum = 1; signum < NSIG; ++signum) tripped[signum] = 0;
  any_tripped = 0;
  clear_eval_breaker_bit(kSignalPending);
  if (wakeup_eventfd >= 0) {
    ::close(wakeup_eventfd);
    wakeup_eventfd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  }
}

}  // namespace gilvm
