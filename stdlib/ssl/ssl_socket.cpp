// _ssl._SSLSocket: one TLS connection over a socket.socket's descriptor
// (CPython's _sslobj). See ssl_internal.hpp for the blocking rules.
#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>
#include <poll.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "runtime/gil.hpp"
#include "runtime/signals.hpp"
#include "stdlib/socket/socket_internal.hpp"
#include "stdlib/ssl/ssl_internal.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm::ssl_impl {

Type* ssl_socket_type = nullptr;

namespace {

using socket_impl::SocketObject;
using Clock = std::chrono::steady_clock;

struct SslSocketObject : Object {
  SSL* ssl = nullptr;
  Value sock;       // the socket.socket whose descriptor the SSL uses
  Value context;    // the _SSLContext
  Value hostname;   // server_hostname or None
  bool server_side = false;
  bool handshake_done = false;
  explicit SslSocketObject(Type* t) : Object(t) {}
  ~SslSocketObject() override {
    if (ssl != nullptr) SSL_free(ssl);
  }
  void trace(Tracer& t) override {
    Object::trace(t);
    t.visit(sock);
    t.visit(context);
    t.visit(hostname);
  }
};

SslSocketObject* self_ssl(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], ssl_socket_type)) raise_type_error("descriptor requires a '_ssl._SSLSocket' object");
  return a[0].as<SslSocketObject>();
}

SocketObject* socket_of(SslSocketObject* o) {
  auto* s = o->sock.as<SocketObject>();
  if (s->fd < 0) raise_value_error("Underlying socket connection gone");
  return s;
}

// Runs `op` (an SSL_* call returning > 0 on success) until it succeeds,
// waiting in poll() for WANT_READ/WANT_WRITE while the socket's timeout
// allows. `what` names the operation in the timeout message.
template <typename Op>
int ssl_call(SslSocketObject* o, const char* what, Op op) {
  SocketObject* s = socket_of(o);
  int fd = s->fd;
  double timeout = s->timeout;
  SSL* ssl = o->ssl;
  Clock::time_point deadline = timeout > 0 ? Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeout))
                                           : Clock::time_point::max();
  for (;;) {
    int ret, code, saved_errno;
    unsigned long queued;
    {
      GilRelease release;
      ERR_clear_error();
      errno = 0;
      ret = op(ssl);
      code = ret > 0 ? SSL_ERROR_NONE : SSL_get_error(ssl, ret);
      saved_errno = errno;
      queued = code == SSL_ERROR_NONE ? 0 : ERR_peek_last_error();
      ERR_clear_error();
    }
    if (code == SSL_ERROR_NONE) return ret;
    bool want_read = code == SSL_ERROR_WANT_READ, want_write = code == SSL_ERROR_WANT_WRITE;
    if ((want_read || want_write) && timeout != 0) {
      int n, err;
      for (;;) {
        int ms = -1;
        if (deadline != Clock::time_point::max()) {
          auto left = std::chrono::duration_cast<std::chrono::microseconds>(deadline - Clock::now()).count();
          ms = left <= 0 ? 0 : static_cast<int>(std::min<int64_t>((left + 999) / 1000, INT32_MAX));
        }
        {
          GilRelease release;
          pollfd p{fd, static_cast<short>(want_read ? POLLIN : POLLOUT), 0};
          n = ::poll(&p, 1, ms);
          err = errno;
        }
        if (n >= 0 || err != EINTR) break;
        run_pending_signal_handlers();
      }
      if (n < 0) raise_os_error_errno(err);
      if (n == 0) raise_error(exc().TimeoutError, std::string("The ") + what + " operation timed out");
      continue;
    }
    if (code == SSL_ERROR_SYSCALL && queued == 0 && saved_errno == EINTR) {
      run_pending_signal_handlers();
      continue;
    }
    raise_ssl_error(ssl, code, ret, saved_errno, queued);
  }
}

Value ssl_do_handshake(const CallArgs& a) {
  check_arg_count(a, "do_handshake", 1, 1);
  SslSocketObject* o = self_ssl(a);
  ssl_call(o, "handshake", [](SSL* ssl) { return SSL_do_handshake(ssl); });
  o->handshake_done = true;
  return Value::none();
}

// read(len=1024, buffer=None): bytes, or the count read into buffer.
Value ssl_read(const CallArgs& a) {
  ArgParser p(a, "read", {"len", "buffer"});
  SslSocketObject* o = self_ssl(a);
  int64_t len = index_value(p.get(0, Value::small_int(1024)));
  Value target = p.get(1, Value::none());
  if (len < 0 && target.is_none()) raise_value_error("size should not be negative");
  if (!target.is_none()) {
    BufferView view;
    if (!get_buffer(target, &view) || view.readonly)
      raise_type_error("read() argument 2 must be read-write bytes-like object, not " + type_name(target));
    if (len <= 0 || static_cast<size_t>(len) > view.size) len = static_cast<int64_t>(view.size);
  }
  if (len == 0) return target.is_none() ? Value(new_bytes("")) : Value::small_int(0);
  std::string buffer(static_cast<size_t>(len), '\0');
  char* data = buffer.data();
  int n;
  try {
    n = ssl_call(o, "read", [data, len](SSL* ssl) { return SSL_read(ssl, data, static_cast<int>(std::min<int64_t>(len, INT32_MAX))); });
  } catch (PyException&) {
    // A clean close_notify from the peer reads as end of stream.
    if (!exception_matches(ssl_errors().zero_return)) throw;
    take_current_exception();
    n = 0;
  }
  if (target.is_none()) {
    buffer.resize(static_cast<size_t>(n));
    return new_bytes(std::move(buffer));
  }
  BufferView view = writable_buffer_or_raise(target);
  std::memcpy(view.data, data, std::min(static_cast<size_t>(n), view.size));
  return make_int(static_cast<int64_t>(n));
}

Value ssl_write(const CallArgs& a) {
  check_arg_count(a, "write", 2, 2);
  SslSocketObject* o = self_ssl(a);
  std::string data = buffer_bytes(a[1]);
  if (data.empty()) return Value::small_int(0);
  const char* bytes = data.data();
  int size = static_cast<int>(std::min<size_t>(data.size(), INT32_MAX));
  int n = ssl_call(o, "write", [bytes, size](SSL* ssl) { return SSL_write(ssl, bytes, size); });
  return make_int(static_cast<int64_t>(n));
}

// shutdown(): sends close_notify and waits for the peer's; returns the socket.
Value ssl_shutdown(const CallArgs& a) {
  check_arg_count(a, "shutdown", 1, 1);
  SslSocketObject* o = self_ssl(a);
  for (int attempt = 0; attempt < 2; ++attempt) {
    int ret;
    try {
      ret = ssl_call(o, "write", [](SSL* ssl) {
        int r = SSL_shutdown(ssl);
        return r == 0 ? 1 : (r == 1 ? 2 : r);
      });
    } catch (PyException&) {
      if (!exception_matches(ssl_errors().zero_return) && !exception_matches(ssl_errors().eof)) throw;
      take_current_exception();
      break;
    }
    if (ret == 2) break;  // both close_notify alerts exchanged
  }
  return o->sock;
}

Value ssl_pending(const CallArgs& a) {
  check_arg_count(a, "pending", 1, 1);
  return make_int(static_cast<int64_t>(SSL_pending(self_ssl(a)->ssl)));
}

Value ssl_version(const CallArgs& a) {
  check_arg_count(a, "version", 1, 1);
  SslSocketObject* o = self_ssl(a);
  if (!SSL_is_init_finished(o->ssl)) return Value::none();
  return new_str(SSL_get_version(o->ssl));
}

Value ssl_cipher(const CallArgs& a) {
  check_arg_count(a, "cipher", 1, 1);
  SslSocketObject* o = self_ssl(a);
  const SSL_CIPHER* c = SSL_get_current_cipher(o->ssl);
  if (c == nullptr) return Value::none();
  Value name = new_str(SSL_CIPHER_get_name(c));
  Value version = new_str(SSL_CIPHER_get_version(c));
  return new_tuple({name, version, make_int(static_cast<int64_t>(SSL_CIPHER_get_bits(c, nullptr)))});
}

Value ssl_getpeercert(const CallArgs& a) {
  ArgParser p(a, "getpeercert", {"binary_form"});
  SslSocketObject* o = self_ssl(a);
  bool binary = is_truthy(p.get(0, Value::false_value()));
  if (!SSL_is_init_finished(o->ssl)) raise_value_error("handshake not done yet");
  X509* cert = SSL_get1_peer_certificate(o->ssl);
  if (cert == nullptr) return Value::none();
  Value result;
  if (binary) {
    unsigned char* der = nullptr;
    int n = i2d_X509(cert, &der);
    result = new_bytes(std::string(reinterpret_cast<char*>(der), static_cast<size_t>(n > 0 ? n : 0)));
    OPENSSL_free(der);
  } else if ((SSL_get_verify_mode(o->ssl) & SSL_VERIFY_PEER) == 0) {
    result = new_dict();  // CPython shows nothing of a certificate it did not verify
  } else {
    result = decode_certificate(cert);
  }
  X509_free(cert);
  return result;
}

Value get_server_side(Value self) { return Value::boolean(self.as<SslSocketObject>()->server_side); }
Value get_server_hostname(Value self) { return self.as<SslSocketObject>()->hostname; }
Value get_context(Value self) { return self.as<SslSocketObject>()->context; }

}  // namespace

Value new_ssl_socket(ContextObject* ctx, Value sock, bool server_side, Value server_hostname) {
  if (!isinstance(sock, socket_impl::socket_type)) raise_type_error("_wrap_socket() argument 'sock' must be socket, not " + type_name(sock));
  if (server_side && ctx->protocol == 16) raise_value_error("Cannot create a server socket with a PROTOCOL_TLS_CLIENT context");
  if (!server_side && ctx->protocol == 17) raise_value_error("Cannot create a client socket with a PROTOCOL_TLS_SERVER context");
  if (!server_side && ctx->check_hostname && server_hostname.is_none()) raise_value_error("check_hostname requires server_hostname");
  auto* o = gc_new<SslSocketObject>(ssl_socket_type);
  Value keep = o;
  o->sock = sock;
  o->context = ctx;
  o->hostname = server_hostname;
  o->server_side = server_side;
  o->ssl = SSL_new(ctx->ctx);
  if (o->ssl == nullptr) raise_ssl_queue_error("failed to allocate SSL object");
  SSL_set_fd(o->ssl, sock.as<SocketObject>()->fd);
  if (!server_hostname.is_none()) {
    const std::string& host = server_hostname.as<Str>()->data;
    if (host.empty() || host[0] == '.') raise_value_error("server_hostname cannot be an empty string or start with a leading dot.");
    unsigned char ip[16];
    bool is_ip = inet_pton(AF_INET, host.c_str(), ip) == 1 || inet_pton(AF_INET6, host.c_str(), ip) == 1;
    // SNI names hosts, never addresses (RFC 6066).
    if (!is_ip) SSL_set_tlsext_host_name(o->ssl, host.c_str());
    if (ctx->check_hostname) {
      X509_VERIFY_PARAM* param = SSL_get0_param(o->ssl);
      if (is_ip) X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str());
      else SSL_set1_host(o->ssl, host.c_str());
    }
  }
  if (server_side) SSL_set_accept_state(o->ssl);
  else SSL_set_connect_state(o->ssl);
  return keep;
}

void install_ssl_socket_type(Module* m) {
  if (ssl_socket_type == nullptr) {
    Type* t = new_builtin_type("_SSLSocket", types().object, nullptr);
    add_type_attr(t, "__module__", new_str("_ssl"));
    add_method(t, "do_handshake", ssl_do_handshake);
    add_method(t, "read", ssl_read);
    add_method(t, "write", ssl_write);
    add_method(t, "shutdown", ssl_shutdown);
    add_method(t, "pending", ssl_pending);
    add_method(t, "version", ssl_version);
    add_method(t, "cipher", ssl_cipher);
    add_method(t, "getpeercert", ssl_getpeercert);
    add_getset(t, "server_side", get_server_side);
    add_getset(t, "server_hostname", get_server_hostname);
    add_getset(t, "context", get_context);
    ssl_socket_type = t;
  }
  m->dict()->table.set(intern("_SSLSocket"), ssl_socket_type);
}

}  // namespace gilvm::ssl_impl
