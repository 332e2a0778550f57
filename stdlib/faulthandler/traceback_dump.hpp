// Writing Python stacks to a file descriptor from a signal handler or a
// thread that does not hold the GIL (faulthandler's output).
//
// Contract
// --------
// * Async-signal-safe as far as gilvm allows: these functions only call
//   write(2), allocate nothing, take no lock, throw nothing and touch no
//   Value other than reading the fields of the frames' code objects (their
//   name and filename strings, their line tables). They never look at the
//   GIL.
// * Not safe, and accepted (as in CPython): the threads being dumped keep
//   running. A frame chain may change under the reader, a thread may start
//   or end during the walk, and the line of a running frame is the one it
//   last saved (at its last call or safepoint). The output can then be
//   stale or truncated; the walk cannot loop forever (at most kMaxFrames
//   frames and kMaxThreads threads are written) but it may read a frame
//   being torn down. A fatal signal leaves the process anyway.
// * Output is CPython 3.11's: `  File "name", line N in func` per frame,
//   most recent first, "  <no Python frame>" when there is none, "  ..."
//   past 100 frames; names longer than 500 characters are cut with "...",
//   and bytes outside ASCII are written as \xNN escapes (CPython escapes
//   code points, so a non-ASCII name reads differently).
#pragma once

#include <cstddef>

namespace gilvm {

struct ThreadState;

namespace faulthandler_dump {

constexpr size_t kMaxFrames = 100;
constexpr size_t kMaxThreads = 100;

void write_text(int fd, const char* text);
// "Stack (most recent call first):" and the frames of `ts` (or the line
// "<no Python frame>" when ts is null or has none).
void dump_stack(int fd, ThreadState* ts, bool write_header);
// Every registered thread, newest first: "Current thread 0x...:" for
// `current`, "Thread 0x...:" for the others, blank lines between.
void dump_all_threads(int fd, ThreadState* current);

}  // namespace faulthandler_dump
}  // namespace gilvm
