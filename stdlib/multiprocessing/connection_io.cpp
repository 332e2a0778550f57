// _multiprocessing.send_message / recv_message: the framing of
// multiprocessing.connection messages, done natively because every
// Connection.send/recv, Queue put/get and Pool task crosses it.
//
// A message is a 4-byte big-endian signed length, then that many bytes;
// above 0x7fffffff bytes the length is -1 followed by an 8-byte unsigned
// length (CPython's format, so both ends may be either interpreter).
//
//   send_message(fd, data)          writes the whole message
//   recv_message(fd, maxsize=None)  -> bytes; None when the announced
//                                      length exceeds maxsize (the body is
//                                      left unread, as CPython leaves it)
//
// Each write and read runs with the GIL released on a C++ copy of the
// data, never on a Python buffer. EINTR runs the pending signal handlers
// (which may raise) and retries (PEP 475). Reading: end of file where a
// part of the message (the length, the long length, the body) should
// start raises EOFError; inside a part, OSError("got end of file during
// message"), as connection._recv did.
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <string>

#include "runtime/gil.hpp"
#include "runtime/signals.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/multiprocessing/mp_natives.hpp"
#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
#include "vm/native.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

int fd_arg(Value v) {
  int64_t fd = index_value(v);
  if (fd < 0 || fd > INT32_MAX) raise_os_error_from_errno(EBADF);
  return static_cast<int>(fd);
}

void write_all(int fd, const char* data, size_t size) {
  size_t done = 0;
  while (done < size) {
    ssize_t n;
    int err;
    {
      GilRelease release;
      n = ::write(fd, data + done, size - done);
      err = errno;
    }
    if (n < 0) {
      if (err != EINTR) raise_os_error_from_errno(err);
      run_pending_signal_handlers();
      continue;
    }
    done += static_cast<size_t>(n);
  }
}

// Fills `out` (already sized) from fd; see the contract for EOF.
void read_exact(int fd, std::string& out) {
  size_t done = 0;
  while (done < out.size()) {
    ssize_t n;
    int err;
    {
      GilRelease release;
      n = ::read(fd, out.data() + done, out.size() - done);
      err = errno;
    }
    if (n < 0) {
      if (err != EINTR) raise_os_error_from_errno(err);
      run_pending_signal_handlers();
      continue;
    }
    if (n == 0) {
      if (done == 0) raise_error(exc().EOFError, "");
      raise_error(exc().OSError, "got end of file during message");
    }
    done += static_cast<size_t>(n);
  }
}

// A message between two processes usually answers one just sent: the
// other side needs a few microseconds to read, compute and reply, while
// going to sleep and being woken again on an idle CPU costs tens of them
// (most of a Pipe round trip's time, measured). So a read that would block
// first polls the descriptor for up to about 30 us, with the GIL released,
// before sleeping in read(). A reader that really waits loses those 30 us
// of one CPU once per message; with one CPU the writer cannot run
// meanwhile, so there is no polling.
void poll_briefly_for_input(int fd) {
  static const bool several_cpus = ::sysconf(_SC_NPROCESSORS_ONLN) > 1;
  if (!several_cpus) return;
  using Clock = std::chrono::steady_clock;
  pollfd want{fd, POLLIN, 0};
  GilRelease release;
  const Clock::time_point until = Clock::now() + std::chrono::microseconds(30);
  do {
    if (::poll(&want, 1, 0) != 0) return;  // readable, closed or an error: read() reports it
  } while (Clock::now() < until);
}

void put_be(std::string& out, uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

uint64_t get_be(const std::string& in) {
  uint64_t v = 0;
  for (char c : in) v = (v << 8) | static_cast<unsigned char>(c);
  return v;
}

Value mp_send_message(const CallArgs& a) {
  ArgParser p(a, "send_message", {"fd", "data"}, 2, false);
  int fd = fd_arg(p.get(0));
  // The length and the bytes in one buffer: one write for most messages,
  // so the reader wakes once.
  BufferView view = buffer_or_raise(p.get(1));
  std::string_view data = view.bytes();
  std::string message;
  message.reserve(data.size() + 12);
  if (data.size() > 0x7fffffffu) {
    put_be(message, 0xffffffffu, 4);
    put_be(message, data.size(), 8);
  } else {
    put_be(message, data.size(), 4);
  }
  message.append(data);
  write_all(fd, message.data(), message.size());
  return Value::none();
}

Value mp_recv_message(const CallArgs& a) {
  ArgParser p(a, "recv_message", {"fd", "maxsize"}, 1, false);
  int fd = fd_arg(p.get(0));
  Value maxsize_arg = p.get(1, Value::none());
  std::string header(4, '\0');
  poll_briefly_for_input(fd);
  read_exact(fd, header);
  uint64_t size = get_be(header);
  if (size == 0xffffffffu) {
    std::string longer(8, '\0');
    read_exact(fd, longer);
    size = get_be(longer);
  } else if (size > 0x7fffffffu) {
    // A negative length other than -1: as struct.unpack("!i") read it.
    size = static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(static_cast<uint32_t>(size))));
  }
  if (!maxsize_arg.is_none()) {
    int64_t maxsize = index_value(maxsize_arg);
    if (static_cast<int64_t>(size) > maxsize) return Value::none();
  }
  if (size == 0 || static_cast<int64_t>(size) < 0) return new_bytes(std::string());
  std::string body(static_cast<size_t>(size), '\0');
  read_exact(fd, body);
  return new_bytes(std::move(body));
}

}  // namespace

void add_connection_io(Module* m) {
  add_function(m, "send_message", mp_send_message);
  add_function(m, "recv_message", mp_recv_message);
}

}  // namespace gilvm
