// _socket.socket: the native socket object. See socket_internal.hpp for
// the contract (timeouts, the GIL, EINTR).
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <memory>
#include <string_view>

#include "runtime/gil.hpp"
#include "runtime/signals.hpp"
#include "stdlib/socket/socket_internal.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm::socket_impl {

Type* socket_type = nullptr;

SocketObject::~SocketObject() {
  if (fd >= 0) ::close(fd);
}

[[noreturn]] void raise_socket_error(int err) { raise_os_error_errno(err); }
[[noreturn]] void raise_timeout() { raise_error(exc().TimeoutError, "timed out"); }

double parse_timeout(Value v) {
  if (v.is_none()) return -1;
  double t;
  if (isinstance(v, types().float_)) {
    t = to_double(v);
    if (std::isnan(t)) raise_value_error("Invalid value NaN (not a number)");
  } else {
    t = static_cast<double>(index_value(v));
  }
  if (t < 0) raise_value_error("Timeout value out of range");
  return t;
}

void set_fd_blocking(int fd, bool blocking) {
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) raise_socket_error(errno);
  int wanted = blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
  if (wanted != flags && ::fcntl(fd, F_SETFL, wanted) < 0) raise_socket_error(errno);
}

namespace {

using Clock = std::chrono::steady_clock;

SocketObject* self_socket(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], socket_type)) raise_type_error("descriptor requires a '_socket.socket' object");
  return a[0].as<SocketObject>();
}

// Milliseconds left until `deadline`, rounded up so a wait never ends
// just before it.
int ms_until(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::microseconds>(deadline - Clock::now()).count();
  if (left <= 0) return 0;
  return static_cast<int>(std::min<int64_t>((left + 999) / 1000, INT32_MAX));
}

Clock::time_point deadline_after(double seconds) {
  return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

// Waits for fd to become readable/writable before `deadline` (max: no
// limit). Returns false when the deadline passed. EINTR runs the signal
// handlers and waits again.
bool wait_ready(int fd, bool writing, Clock::time_point deadline) {
  for (;;) {
    int ms = deadline == Clock::time_point::max() ? -1 : ms_until(deadline);
    int n, err;
    {
      GilRelease release;
      pollfd p{fd, static_cast<short>(writing ? POLLOUT : POLLIN), 0};
      n = ::poll(&p, 1, ms);
      err = errno;
    }
    if (n > 0) return true;
    if (n == 0) return false;
    if (err != EINTR) raise_socket_error(err);
    run_pending_signal_handlers();
  }
}

// Runs `call` (a system call returning -1 and errno on failure) the way
// CPython's sock_call does: with a timeout, wait for readiness first; with
// the GIL released; retrying after EINTR and, with a timeout, after
// EWOULDBLOCK. Raises OSError or TimeoutError.
template <typename Call>
ssize_t sock_call(SocketObject* s, bool writing, Call call, Clock::time_point deadline) {
  int fd = s->fd;
  if (fd < 0) raise_socket_error(EBADF);
  bool has_timeout = s->timeout > 0;
  for (;;) {
    if (has_timeout && !wait_ready(fd, writing, deadline)) raise_timeout();
    ssize_t result;
    int err;
    {
      GilRelease release;
      result = call(fd);
      err = errno;
    }
    if (result >= 0) return result;
    if (err == EINTR) {
      run_pending_signal_handlers();
      continue;
    }
    if (has_timeout && (err == EWOULDBLOCK || err == EAGAIN)) continue;
    raise_socket_error(err);
  }
}

template <typename Call>
ssize_t sock_call(SocketObject* s, bool writing, Call call) {
  Clock::time_point deadline = s->timeout > 0 ? deadline_after(s->timeout) : Clock::time_point::max();
  return sock_call(s, writing, call, deadline);
}

// Receives land in a per-thread scratch buffer, then only the bytes that
// came are copied into the bytes object: a recv(65536) that gets 64 bytes
// must not leave a 64 KiB string behind in every result.
constexpr size_t kScratchSize = 256 * 1024;
char* scratch_for(size_t size, std::string* fallback) {
  thread_local std::unique_ptr<char[]> scratch;
  if (size > kScratchSize) {
    fallback->resize(size);
    return fallback->data();
  }
  if (!scratch) scratch.reset(new char[kScratchSize]);
  return scratch.get();
}

// The bytes to send: a bytes object's own storage (immutable, and kept
// alive by the caller's argument while the GIL is released), otherwise a
// copy (a bytearray may be resized by another thread meanwhile).
std::string_view send_data(Value v, std::string* copy) {
  if (v.is_object() && type_of(v) == types().bytes) return v.as<Bytes>()->data;
  *copy = buffer_bytes(v);
  return *copy;
}

int flags_arg(const ArgParser& p, size_t i) { return static_cast<int>(index_value(p.get(i, Value::small_int(0)))); }

// ---------------------------------------------------------------- creation

// Opens (or adopts, with fileno) the descriptor for socket(family, type,
// proto, fileno), the arguments after self when has_self.
void init_socket(SocketObject* s, const CallArgs& a, bool has_self) {
  ArgParser p(a, has_self ? "__init__" : "socket", {"family", "type", "proto", "fileno"}, 0, has_self);
  int family = static_cast<int>(index_value(p.get(0, Value::small_int(-1))));
  int kind = static_cast<int>(index_value(p.get(1, Value::small_int(-1))));
  int proto = static_cast<int>(index_value(p.get(2, Value::small_int(-1))));
  Value fileno = p.get(3, Value::none());
  int fd;
  if (!fileno.is_none()) {
    if (isinstance(fileno, types().float_)) raise_type_error("'float' object cannot be interpreted as an integer");
    int64_t n = index_value(fileno);
    if (n < 0) raise_value_error("negative file descriptor");
    fd = static_cast<int>(n);
    auto query = [fd](int option, int* out) {
      socklen_t len = sizeof *out;
      if (::getsockopt(fd, SOL_SOCKET, option, out, &len) != 0) raise_socket_error(errno);
    };
    if (family == -1) query(SO_DOMAIN, &family);
    if (kind == -1) query(SO_TYPE, &kind);
    if (proto == -1) query(SO_PROTOCOL, &proto);
  } else {
    if (family == -1) family = AF_INET;
    if (kind == -1) kind = SOCK_STREAM;
    if (proto == -1) proto = 0;
    fd = ::socket(family, kind | SOCK_CLOEXEC, proto);
    if (fd < 0) raise_socket_error(errno);
  }
  s->fd = fd;
  s->family = family;
  s->type = kind & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  s->proto = proto;
  if (kind & SOCK_NONBLOCK) {
    s->timeout = 0;
  } else {
    s->timeout = default_timeout();
    if (s->timeout >= 0) set_fd_blocking(fd, false);
  }
}

Value socket_construct(Type* type, const CallArgs& a) {
  auto* s = gc_new<SocketObject>(type);
  Value keep = s;
  init_socket(s, a, false);
  return keep;
}

// Only reached when a subclass's __init__ calls it explicitly
// (super().__init__(family, ...)): the descriptor the constructor opened
// from the subclass's own arguments is replaced by one for these.
Value socket_init(const CallArgs& a) {
  SocketObject* s = self_socket(a);
  ArgParser p(a, "__init__", {"family", "type", "proto", "fileno"});
  Value fileno = p.get(3, Value::none());
  int old = s->fd;
  bool same_fd = is_int_value(fileno) && index_value(fileno) == old;
  s->fd = -1;
  if (old >= 0 && !same_fd) ::close(old);
  init_socket(s, a, true);
  return Value::none();
}

// ---------------------------------------------------------------- methods

Value sock_fileno(const CallArgs& a) {
  check_arg_count(a, "fileno", 1, 1);
  return make_int(static_cast<int64_t>(self_socket(a)->fd));
}

Value sock_close(const CallArgs& a) {
  check_arg_count(a, "close", 1, 1);
  SocketObject* s = self_socket(a);
  int fd = s->fd;
  if (fd < 0) return Value::none();
  s->fd = -1;
  // ECONNRESET only says the peer went first; CPython ignores it too.
  if (::close(fd) != 0 && errno != ECONNRESET) raise_socket_error(errno);
  return Value::none();
}

Value sock_detach(const CallArgs& a) {
  check_arg_count(a, "detach", 1, 1);
  SocketObject* s = self_socket(a);
  int fd = s->fd;
  s->fd = -1;
  return make_int(static_cast<int64_t>(fd));
}

Value sock_bind(const CallArgs& a) {
  check_arg_count(a, "bind", 2, 2);
  SocketObject* s = self_socket(a);
  SockAddr addr = parse_address(s->family, a[1], "bind");
  if (::bind(s->fd, addr.get(), addr.len) != 0) raise_socket_error(errno);
  return Value::none();
}

Value sock_listen(const CallArgs& a) {
  check_arg_count(a, "listen", 1, 2);
  SocketObject* s = self_socket(a);
  int backlog = a.count == 2 ? static_cast<int>(index_value(a[1])) : std::min(SOMAXCONN, 128);
  if (backlog < 0) backlog = 0;
  if (::listen(s->fd, backlog) != 0) raise_socket_error(errno);
  return Value::none();
}

// _accept() -> (fd, address): socket.py wraps the descriptor.
Value sock_accept(const CallArgs& a) {
  check_arg_count(a, "_accept", 1, 1);
  SocketObject* s = self_socket(a);
  SockAddr addr;
  addr.len = sizeof addr.storage;
  sockaddr* where = addr.get();
  socklen_t* len = &addr.len;
  ssize_t fd = sock_call(s, false, [where, len](int listener) -> ssize_t {
    *len = sizeof(sockaddr_storage);
    return ::accept4(listener, where, len, SOCK_CLOEXEC);
  });
  Value address = make_address(addr.get(), addr.len);
  return new_tuple({make_int(static_cast<int64_t>(fd)), address});
}

// connect and connect_ex: the errno (0 on success). Address errors and
// timeouts raise for both, as CPython's.
int do_connect(SocketObject* s, Value address, const char* caller, bool raise_timeout_error) {
  SockAddr addr = parse_address(s->family, address, caller);
  int fd = s->fd;
  if (fd < 0) return EBADF;
  int result, err;
  {
    GilRelease release;
    result = ::connect(fd, addr.get(), addr.len);
    err = errno;
  }
  if (result == 0) return 0;
  bool wait = (err == EINPROGRESS && s->timeout > 0) || err == EINTR;
  if (!wait) return err;
  if (err == EINTR) {
    run_pending_signal_handlers();
    if (s->timeout == 0) return EINPROGRESS;
  }
  Clock::time_point deadline = s->timeout > 0 ? deadline_after(s->timeout) : Clock::time_point::max();
  if (!wait_ready(fd, true, deadline)) {
    if (raise_timeout_error) raise_timeout();
    return EWOULDBLOCK;
  }
  int so_error = 0;
  socklen_t len = sizeof so_error;
  if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &len) != 0) return errno;
  return so_error;
}

Value sock_connect(const CallArgs& a) {
  check_arg_count(a, "connect", 2, 2);
  int err = do_connect(self_socket(a), a[1], "connect", true);
  if (err != 0) raise_socket_error(err);
  return Value::none();
}

Value sock_connect_ex(const CallArgs& a) {
  check_arg_count(a, "connect_ex", 2, 2);
  return make_int(static_cast<int64_t>(do_connect(self_socket(a), a[1], "connect_ex", true)));
}

int64_t bufsize_arg(Value v, const char* function) {
  int64_t n = index_value(v);
  if (n < 0) raise_value_error(std::string("negative buffersize in ") + function);
  return n;
}

Value sock_recv(const CallArgs& a) {
  ArgParser p(a, "recv", {"bufsize", "flags"}, 1);
  SocketObject* s = self_socket(a);
  int64_t size = bufsize_arg(p.get(0), "recv");
  int flags = flags_arg(p, 1);
  std::string big;
  char* data = scratch_for(static_cast<size_t>(size), &big);
  ssize_t got = size == 0 ? 0 : sock_call(s, false, [data, size, flags](int fd) { return ::recv(fd, data, static_cast<size_t>(size), flags); });
  return new_bytes(std::string(data, static_cast<size_t>(got)));
}

Value sock_recvfrom(const CallArgs& a) {
  ArgParser p(a, "recvfrom", {"bufsize", "flags"}, 1);
  SocketObject* s = self_socket(a);
  int64_t size = bufsize_arg(p.get(0), "recvfrom");
  int flags = flags_arg(p, 1);
  std::string big;
  char* data = scratch_for(static_cast<size_t>(size), &big);
  SockAddr addr;
  sockaddr* where = addr.get();
  socklen_t* len = &addr.len;
  ssize_t got = sock_call(s, false, [=](int fd) {
    *len = sizeof(sockaddr_storage);
    return ::recvfrom(fd, data, static_cast<size_t>(size), flags, where, len);
  });
  Value bytes = new_bytes(std::string(data, static_cast<size_t>(got)));
  return new_tuple({bytes, make_address(addr.get(), addr.len)});
}

// recv_into and recvfrom_into: receive into a C++ buffer with the GIL
// released, then copy into the writable buffer (which may have moved).
Value recv_into_common(const CallArgs& a, bool with_address) {
  const char* name = with_address ? "recvfrom_into" : "recv_into";
  ArgParser p(a, name, {"buffer", "nbytes", "flags"}, 1);
  SocketObject* s = self_socket(a);
  Value target = p.get(0);
  BufferView view;
  if (!get_buffer(target, &view) || view.readonly)
    raise_type_error(std::string(name) + "() argument 1 must be read-write bytes-like object, not " + type_name(target));
  int64_t n = index_value(p.get(1, Value::small_int(0)));
  if (n < 0) raise_value_error(std::string("negative buffersize in ") + name);
  if (n == 0) n = static_cast<int64_t>(view.size);
  else if (static_cast<size_t>(n) > view.size) raise_value_error(with_address ? "nbytes is greater than the length of the buffer" : "buffer too small for requested bytes");
  int flags = flags_arg(p, 2);
  std::string big;
  char* data = scratch_for(static_cast<size_t>(n), &big);
  SockAddr addr;
  sockaddr* where = addr.get();
  socklen_t* len = &addr.len;
  ssize_t got = n == 0 && !with_address ? 0 : sock_call(s, false, [=](int fd) {
    *len = sizeof(sockaddr_storage);
    return ::recvfrom(fd, data, static_cast<size_t>(n), flags, where, len);
  });
  view = writable_buffer_or_raise(target);
  std::memcpy(view.data, data, std::min(static_cast<size_t>(got), view.size));
  Value count = make_int(static_cast<int64_t>(got));
  if (!with_address) return count;
  return new_tuple({count, make_address(addr.get(), addr.len)});
}

Value sock_recv_into(const CallArgs& a) { return recv_into_common(a, false); }
Value sock_recvfrom_into(const CallArgs& a) { return recv_into_common(a, true); }

Value sock_send(const CallArgs& a) {
  ArgParser p(a, "send", {"data", "flags"}, 1);
  SocketObject* s = self_socket(a);
  std::string copy;
  std::string_view data = send_data(p.get(0), &copy);
  int flags = flags_arg(p, 1) | MSG_NOSIGNAL;
  const char* bytes = data.data();
  size_t size = data.size();
  ssize_t sent = sock_call(s, true, [=](int fd) { return ::send(fd, bytes, size, flags); });
  return make_int(static_cast<int64_t>(sent));
}

Value sock_sendall(const CallArgs& a) {
  ArgParser p(a, "sendall", {"data", "flags"}, 1);
  SocketObject* s = self_socket(a);
  std::string copy;
  std::string_view data = send_data(p.get(0), &copy);
  int flags = flags_arg(p, 1) | MSG_NOSIGNAL;
  Clock::time_point deadline = s->timeout > 0 ? deadline_after(s->timeout) : Clock::time_point::max();
  size_t done = 0;
  while (done < data.size()) {
    const char* bytes = data.data() + done;
    size_t size = data.size() - done;
    done += static_cast<size_t>(sock_call(s, true, [=](int fd) { return ::send(fd, bytes, size, flags); }, deadline));
    run_pending_signal_handlers();
  }
  return Value::none();
}

Value sock_sendto(const CallArgs& a) {
  check_arg_count(a, "sendto", 3, 4);
  SocketObject* s = self_socket(a);
  std::string data = buffer_bytes(a[1]);
  int flags = a.count == 4 ? static_cast<int>(index_value(a[2])) : 0;
  SockAddr addr = parse_address(s->family, a[a.count - 1], "sendto");
  flags |= MSG_NOSIGNAL;
  const char* bytes = data.data();
  size_t size = data.size();
  sockaddr* where = addr.get();
  socklen_t len = addr.len;
  ssize_t sent = sock_call(s, true, [=](int fd) { return ::sendto(fd, bytes, size, flags, where, len); });
  return make_int(static_cast<int64_t>(sent));
}

Value sock_shutdown(const CallArgs& a) {
  check_arg_count(a, "shutdown", 2, 2);
  SocketObject* s = self_socket(a);
  int how = static_cast<int>(index_value(a[1]));
  if (::shutdown(s->fd, how) != 0) raise_socket_error(errno);
  return Value::none();
}

Value name_of(const CallArgs& a, const char* function, bool peer) {
  check_arg_count(a, function, 1, 1);
  SocketObject* s = self_socket(a);
  SockAddr addr;
  addr.len = sizeof addr.storage;
  int rc = peer ? ::getpeername(s->fd, addr.get(), &addr.len) : ::getsockname(s->fd, addr.get(), &addr.len);
  if (rc != 0) raise_socket_error(errno);
  return make_address(addr.get(), addr.len);
}
Value sock_getsockname(const CallArgs& a) { return name_of(a, "getsockname", false); }
Value sock_getpeername(const CallArgs& a) { return name_of(a, "getpeername", true); }

Value sock_setsockopt(const CallArgs& a) {
  check_arg_count(a, "setsockopt", 4, 5);
  SocketObject* s = self_socket(a);
  int level = static_cast<int>(index_value(a[1]));
  int option = static_cast<int>(index_value(a[2]));
  int rc;
  if (a.count == 5) {
    if (!a[3].is_none()) raise_type_error("setsockopt() argument 3 must be NoneType, not " + type_name(a[3]));
    rc = ::setsockopt(s->fd, level, option, nullptr, static_cast<socklen_t>(index_value(a[4])));
  } else if (is_int_value(a[3]) || isinstance(a[3], types().bool_)) {
    int value = static_cast<int>(index_value(a[3]));
    rc = ::setsockopt(s->fd, level, option, &value, sizeof value);
  } else {
    if (!has_buffer_type(a[3])) raise_type_error("a bytes-like object is required, not '" + type_name(a[3]) + "'");
    std::string data = buffer_bytes(a[3]);
    rc = ::setsockopt(s->fd, level, option, data.data(), static_cast<socklen_t>(data.size()));
  }
  if (rc != 0) raise_socket_error(errno);
  return Value::none();
}

Value sock_getsockopt(const CallArgs& a) {
  check_arg_count(a, "getsockopt", 3, 4);
  SocketObject* s = self_socket(a);
  int level = static_cast<int>(index_value(a[1]));
  int option = static_cast<int>(index_value(a[2]));
  if (a.count == 3 || index_value(a[3]) == 0) {
    int value = 0;
    socklen_t len = sizeof value;
    if (::getsockopt(s->fd, level, option, &value, &len) != 0) raise_socket_error(errno);
    return make_int(static_cast<int64_t>(value));
  }
  int64_t size = index_value(a[3]);
  if (size <= 0 || size > 1024) raise_error(exc().OSError, "getsockopt buflen out of range");
  std::string buffer(static_cast<size_t>(size), '\0');
  socklen_t len = static_cast<socklen_t>(size);
  if (::getsockopt(s->fd, level, option, buffer.data(), &len) != 0) raise_socket_error(errno);
  buffer.resize(len);
  return new_bytes(std::move(buffer));
}

void apply_timeout(SocketObject* s, double timeout) {
  s->timeout = timeout;
  if (s->fd >= 0) set_fd_blocking(s->fd, timeout < 0);
}

Value sock_settimeout(const CallArgs& a) {
  check_arg_count(a, "settimeout", 2, 2);
  SocketObject* s = self_socket(a);
  apply_timeout(s, parse_timeout(a[1]));
  return Value::none();
}

Value timeout_value(double t) { return t < 0 ? Value::none() : make_float(t); }

Value sock_gettimeout(const CallArgs& a) {
  check_arg_count(a, "gettimeout", 1, 1);
  return timeout_value(self_socket(a)->timeout);
}

Value sock_setblocking(const CallArgs& a) {
  check_arg_count(a, "setblocking", 2, 2);
  SocketObject* s = self_socket(a);
  apply_timeout(s, is_truthy(a[1]) ? -1.0 : 0.0);
  return Value::none();
}

Value sock_getblocking(const CallArgs& a) {
  check_arg_count(a, "getblocking", 1, 1);
  return Value::boolean(self_socket(a)->timeout != 0);
}

Value sock_repr(const CallArgs& a) {
  check_arg_count(a, "__repr__", 1, 1);
  SocketObject* s = self_socket(a);
  return new_str("<socket object, fd=" + std::to_string(s->fd) + ", family=" + std::to_string(s->family) +
                 ", type=" + std::to_string(s->type) + ", proto=" + std::to_string(s->proto) + ">");
}

Value get_family(Value self) { return make_int(static_cast<int64_t>(self.as<SocketObject>()->family)); }
Value get_type(Value self) { return make_int(static_cast<int64_t>(self.as<SocketObject>()->type)); }
Value get_proto(Value self) { return make_int(static_cast<int64_t>(self.as<SocketObject>()->proto)); }
Value get_timeout(Value self) { return timeout_value(self.as<SocketObject>()->timeout); }

}  // namespace

void install_socket_type() {
  if (socket_type != nullptr) return;
  Type* t = new_builtin_type("socket", types().object, socket_construct);
  t->instances_have_dict = true;
  add_type_attr(t, "__module__", new_str("_socket"));
  add_method(t, "__init__", socket_init);
  add_method(t, "fileno", sock_fileno);
  add_method(t, "close", sock_close);
  add_method(t, "detach", sock_detach);
  add_method(t, "bind", sock_bind);
  add_method(t, "listen", sock_listen);
  add_method(t, "_accept", sock_accept);
  add_method(t, "connect", sock_connect);
  add_method(t, "connect_ex", sock_connect_ex);
  add_method(t, "recv", sock_recv);
  add_method(t, "recvfrom", sock_recvfrom);
  add_method(t, "recv_into", sock_recv_into);
  add_method(t, "recvfrom_into", sock_recvfrom_into);
  add_method(t, "send", sock_send);
  add_method(t, "sendall", sock_sendall);
  add_method(t, "sendto", sock_sendto);
  add_method(t, "shutdown", sock_shutdown);
  add_method(t, "getsockname", sock_getsockname);
  add_method(t, "getpeername", sock_getpeername);
  add_method(t, "setsockopt", sock_setsockopt);
  add_method(t, "getsockopt", sock_getsockopt);
  add_method(t, "settimeout", sock_settimeout);
  add_method(t, "gettimeout", sock_gettimeout);
  add_method(t, "setblocking", sock_setblocking);
  add_method(t, "getblocking", sock_getblocking);
  add_method(t, "__repr__", sock_repr);
  add_getset(t, "family", get_family);
  add_getset(t, "type", get_type);
  add_getset(t, "proto", get_proto);
  add_getset(t, "timeout", get_timeout);
  socket_type = t;
}

}  // namespace gilvm::socket_impl
