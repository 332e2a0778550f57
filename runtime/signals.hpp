// Signals: SIGINT becomes KeyboardInterrupt in the main thread.
//
// Contract: the C signal handler only records the signal and sets the
// eval breaker's kSignalPending bit (both async-signal-safe). The main
// thread notices the bit at its next safepoint and the runtime's
// eval-breaker handler (runtime/runtime.cpp) raises KeyboardInterrupt there,
// so the exception appears between two bytecode instructions, never inside
// C++ code. A blocking call that wants Ctrl-C to interrupt it wakes up
// (EINTR, a bounded wait, or the handler's write to an eventfd, which
// `sleep_unless_interrupted` polls) and calls `raise_if_interrupted()` once
// it holds the GIL again. As in CPython, only the main thread is interrupted.
#pragma once

namespace gilvm {

void install_signal_handlers();
bool signal_pending();
// Consumes a pending SIGINT; true if there was one.
bool take_pending_sigint();

// Waits `seconds` (call it without the GIL); returns true early if a SIGINT
// is or becomes pending. Wakes at once, on whichever thread the kernel ran
// the handler.
bool sleep_unless_interrupted(double seconds);

// With the GIL held: in the main thread, turns a pending SIGINT into a
// KeyboardInterrupt raised here.
void raise_if_interrupted();

}  // namespace gilvm
