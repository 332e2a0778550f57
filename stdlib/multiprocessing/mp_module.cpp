// The _multiprocessing module: socketpair() for duplex Pipes, poll() for
// Connection.poll and connection.wait, the shared mappings under SemLock
// and SharedBlock (which have their own files), and _new_module() for the
// spawn start method's __mp_main__.
#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

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

// _new_module(name) -> a fresh, empty module (not put in sys.modules):
// the spawn child runs the parent's main script in one as __mp_main__.
Value mp_new_module(const CallArgs& a) {
  check_arg_count(a, "_new_module", 1, 1);
  if (type_of(a[0]) != types().str) raise_type_error("module name must be a str");
  return new_module(a[0].as<Str>()->data);
}

void init_multiprocessing(Module* m) {
  add_function(m, "_new_module", mp_new_module);
  add_fd_passing(m);
  add_function(m, "socketpair", mp_socketpair);
  add_function(m, "poll", mp_poll);
  add_semlock(m);
  add_shared_block(m);
  add_shared_memory(m);
  add_connection_io(m);
}

}  // namespace

void* map_shared(size_t size, bool shareable, int* fd) {
  size_t length = size == 0 ? 1 : size;
  *fd = -1;
  if (!shareable) {
    void* mem = ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) raise_os_error_from_errno(errno);
    return mem;
  }
  int memfd = ::memfd_create("gilvm-multiprocessing", MFD_CLOEXEC);
  if (memfd < 0) raise_os_error_from_errno(errno);
  if (::ftruncate(memfd, static_cast<off_t>(length)) != 0) {
    int err = errno;
    ::close(memfd);
    raise_os_error_from_errno(err);
  }
  void* mem = ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0);
  if (mem == MAP_FAILED) {
    int err = errno;
    ::close(memfd);
    raise_os_error_from_errno(err);
  }
  *fd = memfd;
  return mem;
}

void* map_shared_fd(int fd, size_t size) {
  size_t length = size == 0 ? 1 : size;
  struct stat st;
  if (fd < 0 || ::fstat(fd, &st) != 0) raise_os_error_from_errno(fd < 0 ? EBADF : errno);
  // A mapping beyond the end of the file would fault (SIGBUS) on access.
  if (!S_ISREG(st.st_mode) || static_cast<uint64_t>(st.st_size) < length)
    raise_value_error("descriptor does not hold a shared block of that size");
  void* mem = ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (mem == MAP_FAILED) raise_os_error_from_errno(errno);
  ::fcntl(fd, F_SETFD, FD_CLOEXEC);
  return mem;
}

void register_multiprocessing_module() { register_builtin_module("_multiprocessing", init_multiprocessing); }

}  // namespace gilvm
