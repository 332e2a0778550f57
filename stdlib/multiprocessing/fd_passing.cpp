// _multiprocessing.sendfds / recvfds: descriptors sent over an AF_UNIX
// socket as SCM_RIGHTS ancillary data, for the forkserver start method
// (the client hands the server the pipes and the descriptors its pickled
// objects need; the server's forked child receives them under new numbers).
//
// * sendfds(sock, fds, data=b"x") sends `data` (at least one byte: Linux
//   drops ancillary data on an empty message) with the descriptors.
// * recvfds(sock, maxfds) -> (data, [fd, ...]): one message of at most 256
//   bytes; the received descriptors are close-on-exec. EOF gives (b"", []).
//   A message whose descriptors were truncated (more than maxfds sent)
//   closes what arrived and raises RuntimeError.
// Both release the GIL while blocked and retry on EINTR after running the
// signal handlers (which may raise).
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/gil.hpp"
#include "runtime/signals.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/multiprocessing/mp_natives.hpp"
#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/native.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

constexpr size_t kMaxFds = 253;  // the kernel's SCM_MAX_FD

Value mp_sendfds(const CallArgs& a) {
  ArgParser p(a, "sendfds", {"sock", "fds", "data"}, 2, false);
  int sock = static_cast<int>(index_value(p.get(0)));
  ValueVector items;
  Value iter = get_iter(p.get(1));
  for (Value v = iter_next(iter); !v.is_null(); v = iter_next(iter)) items.push_back(v);
  if (items.size() > kMaxFds) raise_value_error("too many descriptors");
  std::vector<int> fds;
  for (Value v : items) fds.push_back(static_cast<int>(index_value(v)));
  Value data_arg = p.get(2);
  std::string data = data_arg.is_null() ? std::string("x") : std::string(buffer_or_raise(data_arg).bytes());
  if (data.empty()) raise_value_error("data must not be empty");
  std::vector<char> control(CMSG_SPACE(sizeof(int) * (fds.empty() ? 1 : fds.size())), 0);
  iovec iov{data.data(), data.size()};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  if (!fds.empty()) {
    msg.msg_control = control.data();
    msg.msg_controllen = CMSG_SPACE(sizeof(int) * fds.size());
    cmsghdr* cmsg = CMSG_FIRSTHDR(&msg);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof(int) * fds.size());
    std::memcpy(CMSG_DATA(cmsg), fds.data(), sizeof(int) * fds.size());
  }
  for (;;) {
    ssize_t n;
    int err;
    {
      GilRelease release;
      n = ::sendmsg(sock, &msg, MSG_NOSIGNAL);
      err = errno;
    }
    if (n >= 0) break;
    if (err != EINTR) raise_os_error_from_errno(err);
    run_pending_signal_handlers();
  }
  return Value::none();
}

Value mp_recvfds(const CallArgs& a) {
  ArgParser p(a, "recvfds", {"sock", "maxfds"}, 2, false);
  int sock = static_cast<int>(index_value(p.get(0)));
  int64_t maxfds = index_value(p.get(1));
  if (maxfds < 0 || static_cast<uint64_t>(maxfds) > kMaxFds) raise_value_error("maxfds out of range");
  char buffer[256];
  std::vector<char> control(CMSG_SPACE(sizeof(int) * (maxfds == 0 ? 1 : maxfds)), 0);
  iovec iov{buffer, sizeof buffer};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control.data();
  msg.msg_controllen = control.size();
  ssize_t n;
  for (;;) {
    int err;
    {
      GilRelease release;
      n = ::recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
      err = errno;
    }
    if (n >= 0) break;
    if (err != EINTR) raise_os_error_from_errno(err);
    run_pending_signal_handlers();
  }
  std::vector<int> fds;
  for (cmsghdr* cmsg = CMSG_FIRSTHDR(&msg); cmsg != nullptr; cmsg = CMSG_NXTHDR(&msg, cmsg)) {
    if (cmsg->cmsg_level != SOL_SOCKET || cmsg->cmsg_type != SCM_RIGHTS) continue;
    size_t count = (cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    size_t start = fds.size();
    fds.resize(start + count);
    std::memcpy(fds.data() + start, CMSG_DATA(cmsg), count * sizeof(int));
  }
  if ((msg.msg_flags & MSG_CTRUNC) != 0) {
    for (int fd : fds) ::close(fd);
    raise_error(exc().RuntimeError, "received more descriptors than expected");
  }
  ValueVector out;
  for (int fd : fds) out.push_back(make_int(static_cast<int64_t>(fd)));
  Value list = new_list(std::move(out));
  Root keep(list);
  Value bytes = new_bytes(std::string(buffer, static_cast<size_t>(n)));
  return new_tuple({bytes, list});
}

}  // namespace

void add_fd_passing(Module* m) {
  add_function(m, "sendfds", mp_sendfds);
  add_function(m, "recvfds", mp_recvfds);
}

}  // namespace gilvm
