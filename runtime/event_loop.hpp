// The waiting half of an asyncio event loop: a Boost.Asio io_context.
//
// Contract
// --------
// * One EventLoop per Python event loop (owned by its NativeLoop,
//   stdlib/asyncio/loop.hpp). The thread that runs the loop (the one in
//   run_forever / run_until_complete, usually the one that called
//   asyncio.run) is the only one that calls `wait`, `watch` and `take_io`;
//   it is also the only thread that ever runs the io_context, so every Asio
//   completion handler runs on that thread, inside `wait`.
// * No Value ever enters Asio. The native loop keeps the callbacks (its
//   ready deque and timer heap) and tells `wait` how long it may block: until
//   its first timer is due. Asio only learns that timeout and the watched
//   fds, so completion handlers may run while the GIL is released.
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
// * File descriptors (loop.add_reader / add_writer, and so every socket
//   transport and pipe): `watch(fd, mask)` sets which readiness the loop
//   wants to hear about (kReadable, kWritable, both, or 0 to forget the fd).
//   Only the fd and its mask enter here; the loop keeps the callbacks. The
//   fds sit in an epoll set of the loop's own, level-triggered as a
//   selector is; Asio watches that set's fd. Each
//   `wait` first takes what the set reports ready at once (so nothing
//   depends on Asio's edge-triggered reactor having seen an edge), and
//   blocks only if nothing is; a ready fd reports `fd * 4 + direction`,
//   once per wait, in `take_io()`. A callback that did not drain its fd
//   hears about it again at the next wait.
// * An fd should be forgotten (watch(fd, 0)) before it is closed, as with
//   selectors: epoll drops a closed fd on its own, and a new fd with the
//   same number is added afresh. The loop never owns or closes a watched fd.
// * A work guard keeps the io_context from stopping when it has nothing to
//   wait for, so `wait(-1)` really waits for the next wake().
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

  // Readiness directions for watch(); a reported event is fd * 4 + one of them.
  static constexpr int kReadable = 1;
  static constexpr int kWritable = 2;
  // Sets the directions `fd` is watched for (0 forgets it). Throws
  // std::system_error if the fd cannot be watched (EBADF, EPERM, ...).
  void watch(int fd, int mask);
  // The I/O events the last waits reported, in completion order; clears them.
  std::vector<int64_t> take_io();
  size_t watched_fds() const;

  // Any thread: makes the current or next `wait` return.
  void wake();

  // The loop thread, GIL held: waits until a watched fd is ready, wake() is
  // called, `timeout` seconds pass (negative: no limit; zero: only polls,
  // keeping the GIL) or a signal is pending. The fds' events wait in
  // take_io().
  void wait(double timeout);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gilvm
