// Start-up of the runtime layer and the OS threads that run Python.
//
// `initialize_runtime` makes the calling thread the main thread: it gets
// the GIL, the SIGINT handler is installed, and the runtime's eval-breaker
// handler (GIL drop requests, pending signals) is registered with the VM.
// `start_thread` runs a callable in a new OS thread with its own thread
// state; the thread takes the GIL before running and releases it at the end.
#pragma once

#include <cstdint>
#include <functional>

#include "vm/value.hpp"

namespace gilvm {

struct ThreadState;
struct Tuple;
struct Dict;

// `os_signal_handlers` false (embedding hosts): the SIGINT handler is not
// installed and SIGPIPE/SIGXFSZ keep their dispositions; interrupt requests
// still arrive through trip_signal (runtime/signals.hpp).
void initialize_runtime(ThreadState* main_thread, bool os_signal_handlers = true);
ThreadState* main_thread_state();

// What a new thread does with an exception that escapes its callable
// (called with the GIL held, the exception taken from the thread state).
using ThreadExceptionHandler = void (*)(Value callable, Value exception);

// Starts `callable(*args, **kwargs)` in a new OS thread; returns its ident.
// `kwargs` may be null. Raises RuntimeError "can't start new thread" on failure.
uint64_t start_thread(Value callable, Tuple* args, Dict* kwargs, ThreadExceptionHandler on_exception);

// In a fork child (runtime/fork.hpp): `survivor` becomes the main thread
// and no other started thread is counted.
void adopt_main_thread_after_fork(ThreadState* survivor);

// The ident of the calling OS thread (threading.get_ident()).
uint64_t current_thread_ident();
// Number of threads started by start_thread still running.
int running_thread_count();

}  // namespace gilvm
