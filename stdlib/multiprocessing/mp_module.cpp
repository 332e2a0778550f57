// The _multiprocessing module: socketpair() for duplex Pipes, poll() for
// Connection.poll and connection.wait, plus SemLock and SharedBlock (their
// own files). There is no socket or select module, so these two calls are
// native rather than built on them as in CPython.
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <vector>

#include "runtime/gil.hpp"
#include "runtime/signals.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/multiprocessing/mp_natives.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

// socketpair() -> (fd, fd): a connected AF_UNIX stream pair, close-on-exec
// as every descriptor the os module makes.
Value mp_socketpair(const CallArgs& a) {
  check_arg_count(a, "socketpair", 0, 0);
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) raise_os_error_from_errno(errno);
  return new_tuple({make_int(static_cast<int64_t>(fds[0])), make_int(static_cast<int64_t>(fds[1]))});
}

// poll(fds, timeout=None) -> the fds of `fds` that are readable, at EOF or
// in error (a read would not block), in the order given; [] on timeout.
// The wait releases the GIL; EINTR runs the signal handlers (which may
// raise) and waits again for what is left of the timeout (PEP 475).
Value mp_poll(const CallArgs& a) {
  ArgParser p(a, "poll", {"fds", "timeout"}, 1, false);
  ValueVector items;
  Value iter = get_iter(p.get(0));
  for (Value v = iter_next(iter); !v.is_null(); v = iter_next(iter)) items.push_back(v);
  std::vector<pollfd> fds;
  for (Value v : items) fds.push_back(pollfd{static_cast<int>(index_value(v)), POLLIN, 0});
  double timeout = timeout_seconds(p.get(1, Value::none()));
  using Clock = std::chrono::steady_clock;
  Clock::time_point deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeout < 0 ? 0 : timeout));
  for (;;) {
    int ms = -1;
    if (timeout >= 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      // Round up, so a wait never ends just before its deadline.
      ms = left <= 0 ? 0 : static_cast<int>(std::min<int64_t>(left + 1, INT32_MAX));
    }
    int n, err;
    {
      GilRelease release;
      n = ::poll(fds.data(), fds.size(), ms);
      err = errno;
    }
    if (n >= 0) break;
    if (err != EINTR) raise_os_error_from_errno(err);
    run_pending_signal_handlers();
  }
  ValueVector ready;
  for (size_t i = 0; i < fds.size(); ++i)
    if (fds[i].revents != 0) ready.push_back(items[i]);
  return new_list(std::move(ready));
}

void init_multiprocessing(Module* m) {
  add_function(m, "socketpair", mp_socketpair);
  add_function(m, "poll", mp_poll);
  add_semlock(m);
  add_shared_block(m);
  add_connection_io(m);
}

}  // namespace

void register_multiprocessing_module() { register_builtin_module("_multiprocessing", init_multiprocessing); }

}  // namespace gilvm
