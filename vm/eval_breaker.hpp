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
};

extern std::atomic<uint32_t> eval_breaker;

inline void set_eval_breaker_bit(EvalBreakerBit bit) {
  eval_breaker.fetch_or(bit, std::memory_order_relaxed);
}
inline void clear_eval_breaker_bit(EvalBreakerBit bit) {
  eval_breaker.fetch_and(~uint32_t(bit), std::memory_order_relaxed);
}

// Installed by the runtime; called with the bits other than kGcRequested.
// It may raise (a KeyboardInterrupt for a pending SIGINT) by throwing.
using EvalBreakerHandler = void (*)(ThreadState* ts, uint32_t bits);
void set_eval_breaker_handler(EvalBreakerHandler handler);

// Serves every pending request. Called by the interpreter at a safepoint
// with the current frame's stack pointer already saved.
void handle_eval_breaker(ThreadState* ts);

}  // namespace gilvm
