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
#include <unistd.h>

#include <cerrno>
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
