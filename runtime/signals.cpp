#include "runtime/signals.hpp"

#include <csignal>

#include "vm/eval_breaker.hpp"

namespace gilvm {

namespace {

volatile std::sig_atomic_t sigint_received = 0;

extern "C" void on_sigint(int) {
  sigint_received = 1;
  set_eval_breaker_bit(kSignalPending);
}

}  // namespace

void install_signal_handlers() {
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
  return true;
}

}  // namespace gilvm
