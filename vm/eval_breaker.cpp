#include "vm/eval_breaker.hpp"

#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

std::atomic<uint32_t> eval_breaker{0};

namespace {
EvalBreakerHandler runtime_handler = nullptr;
std::atomic<int> threads_terminating{0};

void serve(ThreadState* ts, uint32_t bits) {
  if (bits & kGcRequested) {
    clear_eval_breaker_bit(kGcRequested);
    heap().collect();
    heap().run_finalizers();
  }
  uint32_t others = bits & ~uint32_t(kGcRequested | kTerminate);
  if (others != 0 && runtime_handler != nullptr) runtime_handler(ts, others);
  // The bit stays set while any thread is terminating; the others pass.
  if ((bits & kTerminate) && ts->terminating.load(std::memory_order_relaxed))
    raise_error(exc().KeyboardInterrupt, "terminated by the host");
}
}  // namespace

void set_eval_breaker_handler(EvalBreakerHandler handler) { runtime_handler = handler; }

void handle_eval_breaker(ThreadState* ts) { serve(ts, eval_breaker.load(std::memory_order_relaxed)); }

void request_termination(ThreadState* ts) {
  if (ts->terminating.exchange(true)) return;
  threads_terminating.fetch_add(1);
  set_eval_breaker_bit(kTerminate);
}

void end_termination(ThreadState* ts) {
  if (!ts->terminating.exchange(false)) return;
  if (threads_terminating.fetch_sub(1) == 1) {
    clear_eval_breaker_bit(kTerminate);
    // A request from another thread may have come between the two lines.
    if (threads_terminating.load() > 0) set_eval_breaker_bit(kTerminate);
  }
}

void serve_eval_breaker_in_native() {
  serve(current_thread_state(), eval_breaker.load(std::memory_order_relaxed) & ~uint32_t(kGilDropRequested));
}

}  // namespace gilvm
