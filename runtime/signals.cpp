#include "runtime/signals.hpp"

#include <csignal>

#include "vm/errors.hpp"
#include "vm/eval_breaker.hpp"

namespace gilvm {

namespace {

volatile std::sig_atomic_t sigint_received = 0;

extern "C" void on_sigint(int) {
  sigint_received = 1;
  set_eval_breaker_bit(kSignalPending);
}

void runtime_breaker(ThreadState*, uint32_t bits) {
  if (bits & kSignalPending) {
    clear_eval_breaker_bit(kSignalPending);
    if (sigint_received) {
      sigint_received = 0;
      raise_error(exc().KeyboardInterrupt, "");
    }
  }
}

}  // namespace

void install_signal_handlers() {
  struct sigaction action {};
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: blocking reads return EINTR
  sigaction(SIGINT, &action, nullptr);
  set_eval_breaker_handler(runtime_breaker);
}

bool signal_pending() { return sigint_received != 0; }

}  // namespace gilvm
