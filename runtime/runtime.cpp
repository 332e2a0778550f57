#include "runtime/runtime.hpp"

#include <pthread.h>

#include <atomic>
#include <chrono>
#include <new>
#include <thread>

#include "runtime/gil.hpp"
#include "runtime/signals.hpp"
#include "vm/errors.hpp"
#include "vm/eval_breaker.hpp"
#include "vm/import.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

ThreadState* the_main_thread = nullptr;
std::atomic<int> running_threads{0};

// The runtime's half of the eval breaker: GIL drop requests for any
// thread, signal handlers (KeyboardInterrupt for SIGINT by default) for the
// main thread.
void runtime_breaker(ThreadState* ts, uint32_t bits) {
  if (bits & kGilDropRequested) gil().yield_for_switch(ts);
  if ((bits & kSignalPending) && ts == the_main_thread) {
    clear_eval_breaker_bit(kSignalPending);
    run_pending_signal_handlers();
  }
}

// The thread's Python work, in a function of its own so that its
// ValueVectors are gone before the thread drops the GIL for the last time
// (the registry of rooted buffers belongs to the GIL holder).
void run_thread_target(ThreadState* ts, Value callable, Tuple* args, Dict* kwargs,
                       ThreadExceptionHandler on_exception) {
  // Keyword arguments travel as (values..., names tuple).
  ValueVector all = args->items;
  Tuple* names = nullptr;
  if (kwargs != nullptr && kwargs->size() > 0) {
    ValueVector keys;
    const DictTable& t = kwargs->table;
    for (size_t i = 0; i < t.entry_capacity(); ++i) {
      if (t.entry_at(i).key.is_null()) continue;
      keys.push_back(t.entry_at(i).key);
      all.push_back(t.entry_at(i).value);
    }
    names = new_tuple(std::move(keys));
    ts->temp_roots.push_back(names);
  }
  Value error;
  try {
    call_object(callable, CallArgs{all.data(), args->items.size(), names});
  } catch (PyException&) {
    error = take_current_exception();
  } catch (const NativeError&) {
  } catch (const std::bad_alloc&) {  // a native target ran out of memory
    error = memory_error_from_bad_alloc();
  }
  if (!error.is_null()) {
    ts->temp_roots.push_back(error);
    try {
      if (on_exception != nullptr) on_exception(callable, error);
    } catch (PyException&) {
      take_current_exception();
    }
  }
}

}  // namespace

void install_gil_breaker() { set_eval_breaker_handler(runtime_breaker); }

namespace {
// The import system's wait while another thread initialises a module
// (vm/import.hpp): a short sleep without the GIL, so that thread runs.
void import_wait_a_moment() {
  GilRelease release;
  std::this_thread::sleep_for(std::chrono::microseconds(200));
}
}  // namespace

void initialize_runtime(ThreadState* main_thread, bool os_signal_handlers) {
  the_main_thread = main_thread;
  gil().name_thread(main_thread, "MainThread");
  gil().take(main_thread);
  install_signal_handlers(os_signal_handlers);
  install_gil_breaker();
  set_import_wait_hook(import_wait_a_moment);
}

ThreadState* main_thread_state() { return the_main_thread; }

void adopt_main_thread_after_fork(ThreadState* survivor) {
  // A survivor started by start_thread still ends through its thread
  // function, which counts itself out.
  running_threads.store(survivor == the_main_thread ? 0 : 1);
  the_main_thread = survivor;
}

uint64_t current_thread_ident() { return static_cast<uint64_t>(pthread_self()); }

int running_thread_count() { return running_threads.load(); }

uint64_t start_thread(Value callable, Tuple* args, Dict* kwargs, ThreadExceptionHandler on_exception) {
  // The new thread's state is made here, under the GIL, and registered
  // before the thread exists, so the callable and arguments it pins are GC
  // roots from the start.
  auto* ts = new ThreadState();
  ts->temp_roots.push_back(callable);
  ts->temp_roots.push_back(args);
  if (kwargs != nullptr) ts->temp_roots.push_back(kwargs);
  register_thread_state(ts);
  ++running_threads;
  uint64_t ident = 0;
  try {
    std::thread thread([ts, callable, args, kwargs, on_exception] {
      set_current_thread_state(ts);
      note_c_stack_base(ts, 8u << 20);
      gil().take(ts);
      run_thread_target(ts, callable, args, kwargs, on_exception);
      // Whoever waits for this thread's end (join) wakes now but needs the
      // GIL, so by the time it runs the thread is retired and gone.
      for (ThreadState::ExitHook& hook : ts->exit_hooks) hook.run(hook.object);
      ts->exit_hooks.clear();
      ts->temp_roots.clear();
      --running_threads;
      unregister_thread_state(ts);
      gil().retire_thread(ts);
      gil().drop(ts);
      delete ts;
    });
    // The ident is the pthread_t, which the parent knows at once: no need to
    // wait for the child (a parent spinning for it would share a CPU with
    // the child for a whole time slice before the scheduler moved one).
    ident = static_cast<uint64_t>(thread.native_handle());
    thread.detach();
  } catch (const std::system_error&) {
    --running_threads;
    unregister_thread_state(ts);
    delete ts;
    raise_runtime_error("can't start new thread");
  }
  return ident;
}

}  // namespace gilvm
