// fork(): a child process whose runtime works.
//
// Contract
// --------
// * fork() copies the whole address space but only the calling thread. In
//   the child every other thread is gone in the middle of whatever it was
//   doing: a mutex it held stays locked forever, a condition variable
//   still counts it as a waiter, its native stack is memory nobody runs.
//   `fork_runtime()` makes the runtime consistent again for the one thread
//   left, as CPython's PyOS_BeforeFork / PyOS_AfterFork_* do.
// * It is called by the GIL holder (os.fork, after the Python `before`
//   hooks ran and the standard streams were flushed). Other threads are
//   then waiting for the GIL or blocked with it released; none touches
//   objects, so the heap, the interned strings, the module table and
//   every other structure guarded by the GIL alone are consistent in the
//   copy.
// * Before fork(), in this order, it locks the runtime's own mutexes so
//   that no other thread is half-way through what they guard:
//     1. the thread-state registry lock (vm/thread_state.hpp),
//     2. the GIL's mutex (runtime/gil.hpp).
//   The parent unlocks them in the reverse order and goes on unchanged.
// * The child, in this order:
//     1. re-creates the registry lock and drops every other thread's state
//        from the registry, then deletes those states: their stacks do not
//        exist any more, so the collector must not scan them, and the
//        objects only their frames referenced become garbage;
//     2. re-creates the GIL's mutex and condition variables, held by the
//        survivor, and retires the other threads' statistics rows;
//     3. makes the survivor the main thread (if it was not, as CPython
//        does) with no other started thread counted;
//     4. resets signals: a new wakeup eventfd (the old one is shared with
//        the parent), nothing pending, handlers run on this thread;
//     5. bumps the fork generation: every _thread lock re-creates its
//        mutex and condition variable at its next use (a dead thread may
//        have held the mutex or waited on the condition), keeping its
//        locked/unlocked state, as CPython keeps a lock's state.
//   Memory the dead threads' C++ code owned (buffers, ValueVectors) is
//   leaked; a ValueVector buffer stays registered and so keeps what it
//   references alive (conservative roots only ever retain).
// * What stays with the caller (stdlib/os_process.cpp), as in CPython:
//   the `before` hooks (last registered first) before calling this; then
//   in the child threading._after_fork (threading.py: other Thread objects
//   become stopped, its internal locks are re-made) and the
//   after_in_child hooks, in the parent the after_in_parent hooks (both in
//   registration order).
#pragma once

#include <sys/types.h>

#include <cstdint>

namespace gilvm {

// fork() with the runtime re-initialized in the child as above. Returns
// what fork() returns (-1 with errno set on failure, nothing changed).
pid_t fork_runtime();

// How many forks this process's history has seen (0 in the original
// process). Objects that own a mutex compare it with the generation they
// recorded and re-create the mutex when it changed.
uint64_t fork_generation();

// Forks this process made plus forks in its own history: changes in the
// parent after each fork() as well as in the child. Shared memory handed
// out before the epoch changed may be in use by another process
// (stdlib/multiprocessing/shared_slots.hpp).
uint64_t fork_epoch();

}  // namespace gilvm
