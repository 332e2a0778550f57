#include "runtime/fork.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <vector>

#include "runtime/gil.hpp"
#include "runtime/runtime.hpp"
#include "runtime/signals.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {
// Read by lock objects under the GIL; written only in a child that has one
// thread. Atomic anyway: it costs nothing and keeps TSan's model simple.
std::atomic<uint64_t> generation{0};
// Forks this process made or came from (see fork_epoch()).
std::atomic<uint64_t> epoch{0};
}  // namespace

uint64_t fork_generation() { return generation.load(std::memory_order_relaxed); }
uint64_t fork_epoch() { return epoch.load(std::memory_order_relaxed); }

pid_t fork_runtime() {
  ThreadState* self = current_thread_state();
  lock_thread_registry();
  gil().lock_for_fork();
  pid_t pid = ::fork();
  if (pid != 0) {
    int saved_errno = errno;
    if (pid > 0) epoch.fetch_add(1, std::memory_order_relaxed);
    gil().unlock_after_fork();
    unlock_thread_registry();
    errno = saved_errno;
    return pid;
  }
  // The child: only `self` exists. The order is the contract's.
  std::vector<ThreadState*> gone = reset_thread_registry_after_fork(self);
  for (ThreadState* state : gone) delete state;
  gil().reinit_after_fork(self);
  adopt_main_thread_after_fork(self);
  reinit_signals_after_fork();
  generation.fetch_add(1, std::memory_order_relaxed);
  epoch.fetch_add(1, std::memory_order_relaxed);
  return 0;
}

}  // namespace gilvm
