// Per-thread interpreter state.
//
// Each OS thread that runs Python code has one ThreadState: its frame chain,
// its data stack (where frames of ordinary calls live), the exception being
// raised and the exception being handled (sys.exc_info()), its GC roots and
// its recursion depth. `current_thread_state()` is a thread_local pointer;
// the runtime layer creates states for new threads and switches nothing
// else: the GIL decides which one runs.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "vm/frame.hpp"
#include "vm/heap/stack_roots.hpp"
#include "vm/value.hpp"

namespace gilvm {

struct Code;

class DataStack {
 public:
  DataStack() = default;
  DataStack(const DataStack&) = delete;
  DataStack& operator=(const DataStack&) = delete;
  ~DataStack();
  // Space for `slots` Values, or null if the thread is out of memory.
  Value* push(size_t slots) {
    if (chunk_ != nullptr && chunk_->top + slots <= chunk_->limit) {
      Value* base = chunk_->top;
      chunk_->top += slots;
      return base;
    }
    return push_on_new_chunk(slots);
  }
  // Releases the most recent push (which began at `base`).
  void pop(Value* base) {
    chunk_->top = base;
    if (base == chunk_->base() && chunk_->previous != nullptr) release_chunk();
  }

 private:
  Value* push_on_new_chunk(size_t slots);
  void release_chunk();
  struct Chunk {
    Chunk* previous;
    Value* top;
    Value* limit;
    Value* base() { return reinterpret_cast<Value*>(this + 1); }
  };
  Chunk* chunk_ = nullptr;
};

struct ThreadState {
  Frame* current_frame = nullptr;
  DataStack data_stack;
  Value current_exception;        // being raised (C++ unwinding in progress)
  Value handled_exception;        // being handled: sys.exc_info()[1], or null
  Value context;                  // contextvars: the current Context, or null (none made yet)
  Value asyncgen_firstiter;       // sys.set_asyncgen_hooks(): null when unset
  Value asyncgen_finalizer;
  bool reraising = false;         // the raise in flight adds no traceback entry
  // Set by request_termination (vm/eval_breaker.hpp), from any thread: no
  // exception handler of this thread runs until the host ends it.
  std::atomic<bool> terminating{false};
  int recursion_depth = 0;
  const char* c_stack_limit = nullptr;  // below this the C++ stack is too deep
  std::vector<Value*> roots;      // Root handles (LIFO)
  // Values pinned while they live only in C++ heap memory: the compiler's
  // code units, a starting thread's callable and arguments.
  std::vector<Value> temp_roots;
  void* runtime_data = nullptr;   // the runtime layer's own per-thread state
  // pthread_self() of the thread that last made this state current, for
  // faulthandler's "Thread 0x..." lines (0 until then).
  std::atomic<unsigned long> os_thread_id{0};
  // Where this thread's native stack was when it last released the GIL: a
  // conservative root (vm/heap/stack_roots.hpp). Written only by the thread
  // itself while it holds the GIL, read only by the GIL holder.
  StackSnapshot stack;
  // Run by the runtime, with the GIL held, as the thread ends (after its
  // Python code, before its state is gone); each object is a GC root until
  // then. _thread's sentinel lock, which join() waits on, is released here.
  struct ExitHook {
    Value object;
    void (*run)(Value object);
  };
  std::vector<ExitHook> exit_hooks;

  void trace(Tracer& t);
};

ThreadState* current_thread_state();
void set_current_thread_state(ThreadState* ts);

// All live thread states (GC roots). The runtime registers threads it starts.
void register_thread_state(ThreadState* ts);
void unregister_thread_state(ThreadState* ts);

// For faulthandler (stdlib/faulthandler/): copies up to `max` registered
// states, newest first, into `out` WITHOUT taking the registry's lock, so a
// signal handler may call it. A thread starting or ending meanwhile may make
// the copy miss or repeat one state; the caller accepts that. Returns the
// number copied.
size_t copy_thread_states_unlocked(ThreadState** out, size_t max);

// fork() support (runtime/fork.hpp). The forking thread holds the registry
// lock across fork() so that the child's copy of the list is consistent.
void lock_thread_registry();
void unlock_thread_registry();
// In the child, where only `survivor` still runs: re-creates the lock
// (held through the fork) and removes every other state from the list.
// Returns them; their stacks are gone, so they are no longer roots.
std::vector<ThreadState*> reset_thread_registry_after_fork(ThreadState* survivor);

// Records how deep this OS thread's C++ stack may go (call on thread entry).
void note_c_stack_base(ThreadState* ts, size_t stack_size);

// Keeps a C++ local Value alive across calls back into Python.
class Root {
 public:
  explicit Root(Value v = Value()) : value_(v), ts_(current_thread_state()) { ts_->roots.push_back(&value_); }
  ~Root() { ts_->roots.pop_back(); }
  Root(const Root&) = delete;
  Root& operator=(const Root&) = delete;
  Value get() const { return value_; }
  Value operator*() const { return value_; }
  void set(Value v) { value_ = v; }
  Root& operator=(Value v) {
    value_ = v;
    return *this;
  }

 private:
  Value value_;
  ThreadState* ts_;
};

int recursion_limit();
void set_recursion_limit(int limit);

}  // namespace gilvm
