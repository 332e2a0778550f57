// The waiting half of an asyncio event loop: a Boost.Asio io_context.
//
// Contract
// --------
// * One EventLoop per Python event loop. The thread that runs the loop
//   (the one in run_forever / run_until_complete, usually the one that
//   called asyncio.run) is the only one that calls `wait`, `add_timer`,
//   `cancel_timer` and `time`; it is also the only thread that ever runs the
//   io_context, so every Asio completion handler runs on that thread, inside
//   `wait`.
// * No Value ever enters Asio. The Python side (stdlib/py/asyncio.events.py)
//   keeps the callbacks: its ready deque, and a dict from timer id to
//   TimerHandle. Asio only learns deadlines and reports, by id, which timers
//   have fired. So completion handlers may run while the GIL is released.
// * Timers: loop.call_at(when) / call_later(delay) (and so asyncio.sleep)
//   arm one Asio steady_timer each (`add_timer`), with `when` in loop time
//   (`time()`, steady-clock seconds, the same clock as time.monotonic). When it
//   expires its handler appends the id to the fired list that the current
//   `wait` returns, in deadline order. `cancel_timer` (Handle.cancel)
//   destroys the timer; a fired-but-unreported id is dropped too, so a
//   cancelled TimerHandle is never reported.
// * call_soon_threadsafe / run_coroutine_threadsafe: any thread, holding the
//   GIL, appends its callback to the loop's ready deque and then calls
//   `wake()`, which posts an empty handler into the io_context
//   (thread-safe). If the loop thread is blocked in `wait`, run_one returns;
//   if it is not yet blocked, the posted handler is still queued, so the
//   next `wait` returns at once: no wake-up is lost.
// * GIL: `wait` is entered and left holding the GIL. It releases it (GilRelease) only
//   while it blocks in io_context::run_one_for, and touches no Values in
//   between; a zero timeout only polls, without releasing the GIL.
// * Signals: the blocking wait is cut into slices of at most 50 ms; between
//   slices a pending signal (Ctrl-C) ends the wait early, and the caller runs
//   the handlers once it holds the GIL again (asyncio.Runner's SIGINT handler
//   cancels the main task, as in CPython 3.11).
// * A work guard keeps the io_context from stopping when it has no timers,
//   so `wait(-1)` really waits for the next wake().
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace gilvm {

class EventLoop {
 public:
  EventLoop();
  ~EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // Loop time in seconds (steady clock).
  static double time();

  // Arms a timer for loop time `when`; returns its id (never 0).
  uint64_t add_timer(double when);
  // Forgets a timer; true if it was still pending or unreported.
  bool cancel_timer(uint64_t id);
  size_t pending_timers() const;

  // Any thread: makes the current or next `wait` return.
  void wake();

  // The loop thread, GIL held: waits until a timer fires, wake() is called,
  // `timeout` seconds pass (negative: no limit) or a signal is pending; runs
  // the handlers that became ready, and returns the fired timers' ids in
  // deadline order.
  std::vector<uint64_t> wait(double timeout);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gilvm
