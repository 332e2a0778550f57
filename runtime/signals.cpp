#include "runtime/signals.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <ctime>

#include "runtime/runtime.hpp"
#include "vm/errors.hpp"
#include "vm/eval_breaker.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

volatile std::sig_atomic_t sigint_received = 0;
int wakeup_fd = -1;  // an eventfd the handler writes to: wakes sleep_unless_interrupted

extern "C" void on_sigint(int) {
  int saved_errno = errno;
  sigint_received = 1;
  set_eval_breaker_bit(kSignalPending);
  if (wakeup_fd >= 0) {
    uint64_t one = 1;
    ssize_t ignored = ::write(wakeup_fd, &one, sizeof one);
    (void)ignored;
  }
  errno = saved_errno;
}

double monotonic_now() {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

}  // namespace

void install_signal_handlers() {
  if (wakeup_fd < 0) wakeup_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  struct sigaction action {};
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: blocking reads return EINTR
  sigaction(SIGINT, &action, nullptr);
}

bool signal_pending() { return sigint_received != 0; }

bool take_pending_sigint() {
  if (!sigint_received) return false;
  sigint_received = 0;
  if (wakeup_fd >= 0) {
    uint64_t count;
    ssize_t ignored = ::read(wakeup_fd, &count, sizeof count);
    (void)ignored;
  }
  return true;
}

bool sleep_unless_interrupted(double seconds) {
  double deadline = monotonic_now() + seconds;
  for (;;) {
    if (sigint_received) return true;
    double left = deadline - monotonic_now();
    if (left <= 0) return false;
    struct timespec timeout;
    timeout.tv_sec = static_cast<time_t>(left);
    timeout.tv_nsec = static_cast<long>((left - static_cast<double>(timeout.tv_sec)) * 1e9);
    if (wakeup_fd < 0) {
      nanosleep(&timeout, nullptr);  // no handler installed: EINTR or the full wait
      continue;
    }
    struct pollfd wait_for{wakeup_fd, POLLIN, 0};
    ppoll(&wait_for, 1, &timeout, nullptr);
  }
}

void raise_if_interrupted() {
  if (signal_pending() && current_thread_state() == main_thread_state() && take_pending_sigint())
    raise_error(exc().KeyboardInterrupt, "");
}

}  // namespace gilvm
