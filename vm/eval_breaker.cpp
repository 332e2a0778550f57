#include "vm/eval_breaker.hpp"

#include "vm/heap/heap.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

std::atomic<uint32_t> eval_breaker{0};

namespace {
EvalBreakerHandler runtime_handler = nullptr;

void serve(ThreadState* ts, uint32_t bits) {
  if (bits & kGcRequested) {
    clear_eval_breaker_bit(kGcRequested);
    heap().collect();
    heap().run_finalizers();
  }
  uint32_t others = bits & ~uint32_t(kGcRequested);
  if (others != 0 && runtime_handler != nullptr) runtime_handler(ts, others);
}
}  // namespace

void set_eval_breaker_handler(EvalBreakerHandler handler) { runtime_handler = handler; }

void handle_eval_breaker(ThreadState* ts) { serve(ts, eval_breaker.load(std::memory_order_relaxed)); }

void serve_eval_breaker_in_native() {
  serve(current_thread_state(), eval_breaker.load(std::memory_order_relaxed) & ~uint32_t(kGilDropRequested));
}

}  // namespace gilvm
