// Signals: SIGINT becomes KeyboardInterrupt in the main thread.
//
// Contract: the C signal handler only records the signal and sets the
// eval breaker's kSignalPending bit (both async-signal-safe). The main
// thread notices the bit at its next safepoint and the runtime's
// eval-breaker handler (runtime/runtime.cpp) raises KeyboardInterrupt there,
// so the exception appears between two bytecode instructions, never inside
// C++ code. A blocking call that wants Ctrl-C to interrupt it wakes up
// (EINTR, or a bounded wait) and checks `signal_pending()`.
#pragma once

namespace gilvm {

void install_signal_handlers();
bool signal_pending();
// Consumes a pending SIGINT; true if there was one.
bool take_pending_sigint();

}  // namespace gilvm
