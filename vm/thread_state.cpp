#include "vm/thread_state.hpp"

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <new>

#include <pthread.h>

#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/objects/dict.hpp"

namespace gilvm {

namespace {
thread_local ThreadState* tls_current = nullptr;
int the_recursion_limit = 1000;

// Thread states are registered and unregistered by threads that may not hold
// the GIL yet (a thread starting up), so the list has its own lock. The GC
// reads it while holding the GIL, which every registration also waits for.
std::mutex& registry_mutex() {
  static auto* m = new std::mutex();
  return *m;
}
std::vector<ThreadState*>& registry() {
  static auto* v = new std::vector<ThreadState*>();
  return *v;
}

constexpr size_t kChunkValues = 64 * 1024;
}  // namespace

DataStack::~DataStack() {
  while (chunk_ != nullptr) {
    Chunk* previous = chunk_->previous;
    std::free(chunk_);
    chunk_ = previous;
  }
}

// Chunks form a stack; a push that does not fit the current chunk opens a new
// one, and popping the first frame of a chunk releases it. (Keeping one spare
// chunk would avoid malloc churn at a chunk boundary; not needed yet.)
Value* DataStack::push_on_new_chunk(size_t slots) {
  size_t capacity = std::max(kChunkValues, slots);
  void* memory = std::malloc(sizeof(Chunk) + capacity * sizeof(Value));
  if (memory == nullptr) return nullptr;
  Chunk* chunk = static_cast<Chunk*>(memory);
  chunk->previous = chunk_;
  chunk->top = chunk->base();
  chunk->limit = chunk->base() + capacity;
  chunk_ = chunk;
  Value* base = chunk_->top;
  chunk_->top += slots;
  return base;
}

void DataStack::release_chunk() {
  Chunk* previous = chunk_->previous;
  std::free(chunk_);
  chunk_ = previous;
}

void Frame::trace(Tracer& t) {
  t.visit(code);
  t.visit(function);
  t.visit(globals);
  t.visit(builtins);
  t.visit(locals);
  t.visit(locals_mapping);
  t.visit(generator);
  Value* slots = localsplus();
  size_t count = code->nlocalsplus() + stack_depth;
  for (size_t i = 0; i < count; ++i) t.visit(slots[i]);
  // The interpreter saves stack_depth only at safepoints and calls; a native
  // called from an opcode may run Python (and so a collection) while the
  // values it left on this frame's stack lie above the saved depth. The rest
  // of the stack area is therefore scanned too, conservatively: it may also
  // hold leftovers or, never written yet, whatever the memory held before.
  t.visit_words(slots + count, slots + code->nlocalsplus() + code->stacksize);
}

void ThreadState::trace(Tracer& t) {
  // The collecting thread's stack is taken as it is now; the others' as they
  // left it when they released the GIL.
  if (this == current_thread_state()) record_stack(stack);
  scan_stack(stack, t);
  for (Frame* f = current_frame; f != nullptr; f = f->previous) f->trace(t);
  t.visit(current_exception);
  t.visit(handled_exception);
  t.visit(context);
  t.visit(asyncgen_firstiter);
  t.visit(asyncgen_finalizer);
  for (Value* root : roots) t.visit(*root);
  t.visit_all(temp_roots);
  for (ExitHook& hook : exit_hooks) t.visit(hook.object);
}

ThreadState* current_thread_state() { return tls_current; }
void set_current_thread_state(ThreadState* ts) {
  tls_current = ts;
  if (ts != nullptr) ts->os_thread_id.store(static_cast<unsigned long>(pthread_self()), std::memory_order_relaxed);
}

// faulthandler reads the registry from a signal handler or a watchdog
// thread, where taking its mutex could deadlock: an accepted race, kept
// out of ThreadSanitizer's reports.
#if defined(__clang__) || defined(__GNUC__)
__attribute__((no_sanitize("thread")))
#endif
size_t copy_thread_states_unlocked(ThreadState** out, size_t max) {
  const std::vector<ThreadState*>& r = registry();
  size_t count = std::min(r.size(), max);
  for (size_t i = 0; i < count; ++i) out[i] = r[r.size() - 1 - i];
  return count;
}

void register_thread_state(ThreadState* ts) {
  static bool root_source_added = [] {
    heap().add_root_source([](Tracer& t) {
      std::lock_guard<std::mutex> lock(registry_mutex());
      for (ThreadState* state : registry()) state->trace(t);
    });
    return true;
  }();
  (void)root_source_added;
  std::lock_guard<std::mutex> lock(registry_mutex());
  registry().push_back(ts);
}

void unregister_thread_state(ThreadState* ts) {
  std::lock_guard<std::mutex> lock(registry_mutex());
  auto& r = registry();
  r.erase(std::remove(r.begin(), r.end(), ts), r.end());
}

void lock_thread_registry() { registry_mutex().lock(); }
void unlock_thread_registry() { registry_mutex().unlock(); }

std::vector<ThreadState*> reset_thread_registry_after_fork(ThreadState* survivor) {
  // The lock was held through fork() by this thread, the only one left: it
  // unlocks it as the parent does.
  registry_mutex().unlock();
  std::vector<ThreadState*> gone;
  auto& r = registry();
  for (ThreadState* state : r)
    if (state != survivor) gone.push_back(state);
  r.assign(1, survivor);
  return gone;
}

void note_c_stack_base(ThreadState* ts, size_t stack_size) {
  // The address of a local approximates the top of this thread's stack.
  // Leave a generous margin for the frames of natives and the error path.
  const char* here = static_cast<const char*>(__builtin_frame_address(0));
  size_t usable = stack_size > (256u << 10) ? stack_size - (256u << 10) : stack_size / 2;
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
  // ThreadSanitizer keeps a shadow call stack of 64K entries per thread:
  // there the number of C++ frames runs out long before the bytes do.
  usable = std::min(usable, size_t(3) << 20);
#endif
#endif
  ts->c_stack_limit = here - usable;
}

int recursion_limit() { return the_recursion_limit; }
void set_recursion_limit(int limit) { the_recursion_limit = limit; }

}  // namespace gilvm
