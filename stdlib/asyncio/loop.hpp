// The scheduling core of asyncio's event loop in C++: `_asyncio_loop.
// NativeLoop`, the base class of asyncio.events.BaseEventLoop.
//
// Contract
// --------
// * The loop keeps, in C++, what CPython's BaseEventLoop keeps in Python:
//   the ready deque of Handles, the heap of scheduled TimerHandles (ordered
//   by `when` with heapq's own algorithm, so timers due at the same moment
//   come out in CPython's order), the count of cancelled timers still in
//   the heap, and the stopping / closed / debug flags. The rest of the loop
//   (run_forever, readers and writers, executors, exception handlers) stays
//   Python in stdlib/py/asyncio.events.py and reaches these through
//   attributes (`_stopping`, `_closed`, `_debug`) and methods.
// * call_soon / call_soon_threadsafe / call_later / call_at / time /
//   stop / _run_once / _timer_handle_cancelled are native methods with
//   CPython 3.11's signatures and checks. A Python subclass may override
//   any of them; the native Future and Task schedule through
//   `schedule_soon`, which takes the native path only while call_soon is
//   not overridden.
// * One turn (`_run_once`) is CPython's: drop cancelled timers from the
//   heap's top (or rebuild the heap when more than half of over 100 are
//   cancelled); wait for I/O -- no time at all if something is ready or
//   the loop is stopping, else until the first timer is due, at most a
//   day -- with the GIL released (runtime/event_loop.hpp); append the
//   reader/writer Handles of the ready fds, then the timers due by now
//   (plus the clock's resolution); then run exactly as many Handles as
//   were ready at that point. Callbacks these schedule wait for the next
//   turn. In debug mode a callback that takes at least
//   `loop.slow_callback_duration` seconds is logged, as in CPython.
// * Threads: call_soon_threadsafe appends under the GIL and wakes the
//   Asio wait; `_run_once` never keeps an iterator into the deque across a
//   callback (which may release the GIL).
// * GC: trace() visits the deque and the heap; a Handle taken out to run
//   stays on the native stack (scanned conservatively) while it runs.
#pragma once

#include <cstddef>
#include <cstdint>

#include "vm/object.hpp"

namespace gilvm {
struct Module;
}

namespace gilvm::asyncio_impl {

// loop.call_soon(fn, *args, context=context), natively when `loop` is a
// NativeLoop whose call_soon is not overridden, else through Python.
// With a task_kind (future.hpp), `fn` is an exact Task standing for its
// _step or _wakeup.
void schedule_soon(Value loop, Value fn, const Value* args, size_t nargs, Value context, uint8_t task_kind = 0);
// What TimerHandle.cancel tells its loop (loop._timer_handle_cancelled).
void timer_cancelled(Value loop, Value handle);

void add_loop_type(Module* m);

}  // namespace gilvm::asyncio_impl
