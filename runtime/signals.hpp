// Signals: SIGINT becomes KeyboardInterrupt in the main thread.
//
// Contract: the C signal handler only records the signal and sets the
// eval breaker's kSignalPending bit (both async-signal-safe). The thread
// running Python notices the bit at its next safepoint and the runtime's
// eval-breaker handler raises KeyboardInterrupt there, so the exception
// appears between two bytecode instructions, never inside C++ code. A
// blocking call that wants Ctrl-C to interrupt it must wake up (EINTR) and
// check `signal_pending()`.
#pragma once

namespace gilvm {

// Installs the SIGINT handler and the runtime's eval-breaker handler.
void install_signal_handlers();
bool signal_pending();

}  // namespace gilvm
