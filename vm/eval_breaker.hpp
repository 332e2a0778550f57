// The eval breaker: one atomic word that the interpreter loop tests at its
// safepoints (backward jumps, function entry, after calls return), where
// CPython 3.11 tests its own. Any nonzero bit sends the loop into
// `handle_eval_breaker`, which serves the request and clears the bit.
//
// The language core (vm/) owns the word and the GC bit. The runtime installs
// a handler for the other bits (GIL drop requests, pending signals, pending
// calls), so that vm/ knows nothing of threads or signals.
#pragma once

#include <atomic>
#include <cstdint>

namespace gilvm {

struct ThreadState;

enum EvalBreakerBit : uint32_t {
  kGcRequested = 1u << 0,
  kGilDropRequested = 1u << 1,
  kSignalPending = 1u << 2,
  kPendingCalls = 1u << 3,
  kAsyncException = 1u << 4,
  kTerminate = 1u << 5,
};

extern std::atomic<uint32_t> eval_breaker;

inline void set_eval_breaker_bit(EvalBreakerBit bit) {
  eval_breaker.fetch_or(bit, std::memory_order_relaxed);
}
inline void clear_eval_breaker_bit(EvalBreakerBit bit) {
  eval_breaker.fetch_and(~uint32_t(bit), std::memory_order_relaxed);
}

// Termination: the hard stop of one thread's Python code, for a host whose
// script must end whatever it does (the embedding API's time limit, the fuzz
// harness). A KeyboardInterrupt can be swallowed (`while 1: try: ... except:
// pass`); a termination cannot. From the request on, every safepoint of the
// thread (and every native loop's poll) raises KeyboardInterrupt, and the
// interpreter enters no exception handler of that thread: no `except`, no
// `finally`, no `with` exit runs (so a lock taken by `with` stays taken), and
// the exception unwinds to the native code that called into Python. Natives
// that catch exceptions get it again at the next safepoint. The host calls
// end_termination once the call has come back to it.
void request_termination(ThreadState* ts);  // from any thread
void end_termination(ThreadState* ts);

// Installed by the runtime; called with the bits other than kGcRequested.
// It may raise (a KeyboardInterrupt for a pending SIGINT) by throwing.
using EvalBreakerHandler = void (*)(ThreadState* ts, uint32_t bits);
void set_eval_breaker_handler(EvalBreakerHandler handler);

// Serves every pending request. Called by the interpreter at a safepoint
// with the current frame's stack pointer already saved.
void handle_eval_breaker(ThreadState* ts);

// A native loop that can run without end and without a bytecode safepoint
// (sum(itertools.count()), deque(repeat(1), 0), 5 in count(6)) polls here,
// so that Ctrl-C, a signal handler, an embedder's interrupt() or a
// collection still get served. iter_next does, which covers every native
// that consumes an iterator. Call it only where arbitrary Python could run
// anyway (a Python __next__ could stand there). A GIL drop request is left
// pending for the next bytecode safepoint: a native loop keeps the GIL, as
// CPython's C loops do, which is what a GIL demonstration should show.
void serve_eval_breaker_in_native();
inline void poll_eval_breaker_in_native() {
  if (eval_breaker.load(std::memory_order_relaxed) & ~uint32_t(kGilDropRequested))
    serve_eval_breaker_in_native();
}

}  // namespace gilvm
