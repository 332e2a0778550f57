// Signals: the C half of the signal module, and SIGINT's KeyboardInterrupt.
//
// Contract
// --------
// * One C handler serves every signal that has a Python handler (and SIGINT
//   from the start). It does only async-signal-safe things: it marks the
//   signal tripped (one sig_atomic_t per signal plus an "any" flag), sets
//   the eval breaker's kSignalPending bit, writes to the runtime's eventfd
//   (which `sleep_unless_interrupted` polls) and, if signal.set_wakeup_fd()
//   gave a descriptor, writes the signal number there as one byte.
// * Python handlers run only in the main thread, as in CPython. When the
//   kernel delivers a signal to another thread, that thread's C handler
//   only re-sends it to the main thread (pthread_kill), so that a blocking
//   system call there returns EINTR and the main thread notices at once
//   rather than at the end of its wait.
// * The main thread runs the handlers between two bytecode instructions:
//   at its next safepoint (the runtime's eval-breaker handler) or, inside a
//   blocking call that woke up (EINTR, eventfd, a bounded wait), once it
//   holds the GIL again, through `run_pending_signal_handlers()`. Each
//   tripped signal's handler is called as handler(signum, frame). SIGINT
//   with no Python handler (the signal module never imported) raises
//   KeyboardInterrupt. If a handler raises, the exception propagates from
//   there and the signals still tripped stay pending for the next safepoint.
// * PEP 475: a blocking call interrupted by a signal runs the handlers and,
//   unless one raised, resumes (with what is left of its timeout). Only
//   the main thread's waits are interrupted; other threads just resume.
// * The Python handlers are Values kept in a table here (a GC root source);
//   only the main thread changes them (the signal module checks that).
// * At start SIGPIPE and SIGXFSZ are ignored, as CPython does, so a write to
//   a closed pipe fails with EPIPE (BrokenPipeError) instead of killing the
//   process.
// * After fork the child gets a new eventfd (the old one is shared with the
//   parent), forgets the signals tripped before the fork, and the forking
//   thread becomes the one handlers run in (`reinit_signals_after_fork`).
#pragma once

#include "vm/value.hpp"

namespace gilvm {

// Makes the calling thread the one handlers run on; with `os_handlers`
// also installs the C handler for SIGINT and ignores SIGPIPE and SIGXFSZ.
void install_signal_handlers(bool os_handlers = true);
// Marks `signum` tripped as if it had been delivered to the main thread,
// from any thread (gilvm::Interpreter::interrupt): its handler, or
// KeyboardInterrupt for SIGINT, runs in the main thread's next safepoint.
void trip_signal(int signum);
// True if a signal is tripped and its handler has not run yet.
bool signal_pending();

// Waits `seconds` (call it without the GIL); returns true early if a signal
// is or becomes pending. Wakes at once, on whichever thread the kernel ran
// the handler.
bool sleep_unless_interrupted(double seconds);

// The descriptor the C handler makes readable when a signal trips (an
// eventfd; -1 before install_signal_handlers). A loop that polls its own
// descriptors (the REPL's prompt) adds it so that a signal wakes it even if
// it arrived just before the poll began.
int signal_wakeup_descriptor();

// With the GIL held: in the main thread, runs the handlers of the pending
// signals; raises what a handler raises. Does nothing in other threads.
void run_pending_signal_handlers();

// True on the thread handlers run on (the main thread).
bool on_signal_thread();

// What signal.signal() asks for: the OS default, ignoring, or the runtime's
// C handler that queues the Python handler `handler`.
enum class SignalAction { Default, Ignore, Handle };

// Installs `action` for `signum` and records `handler` (a Value; null for
// "no Python-level handler known") as its Python handler. Returns false,
// errno set, if the OS refuses (SIGKILL, SIGSTOP).
bool set_signal_action(int signum, SignalAction action, Value handler);
// The recorded Python handler of `signum`, or null.
Value signal_handler_value(int signum);
// Records a Python handler without changing the OS disposition (the
// signal module's initial SIG_DFL / SIG_IGN / default_int_handler values).
void note_signal_handler_value(int signum, Value handler);

// signal.set_wakeup_fd: the descriptor the C handler writes the signal
// number to (-1: none). Returns the previous one.
int exchange_wakeup_fd(int fd);

// How the runtime obtains the `frame` argument for handlers (the signal
// module installs sys._getframe's); without one, handlers get None.
using FrameProvider = Value (*)();
void set_signal_frame_provider(FrameProvider provider);

// In a fork child, with only the calling thread left (runtime/fork.hpp).
void reinit_signals_after_fork();

}  // namespace gilvm
