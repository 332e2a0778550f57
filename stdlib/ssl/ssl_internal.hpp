// Shared pieces of the native _ssl module (stdlib/ssl/), on OpenSSL 3.
//
// Contract
// --------
// * _SSLContext owns an SSL_CTX; _SSLSocket owns an SSL bound (SSL_set_fd)
//   to the descriptor of the Python socket it was made for, which it keeps
//   (a traced Value) so the descriptor outlives it.
// * Every OpenSSL call that may touch the network (handshake, read, write,
//   shutdown) runs with the GIL released and touches no Value there. The
//   socket's own timeout rules: None makes the descriptor blocking and
//   OpenSSL waits in the kernel; a positive timeout makes OpenSSL report
//   WANT_READ/WANT_WRITE and the wait happens in poll() with what is left
//   of the timeout (TimeoutError('The read operation timed out'), ...);
//   0 raises SSLWantReadError/SSLWantWriteError. EINTR runs the main
//   thread's signal handlers and retries (PEP 475).
// * OpenSSL's per-thread error queue is cleared before each call and read
//   right after it, on the same thread, before the GIL is taken back.
// * Errors are raised as CPython's: SSLError(code, "[LIB: REASON] text"),
//   with `library` and `reason`; certificate failures as
//   SSLCertVerificationError with `verify_code` and `verify_message`.
#pragma once

#include <openssl/ssl.h>

#include <string>

#include "vm/object.hpp"
#include "vm/value.hpp"

namespace gilvm {

struct Module;

namespace ssl_impl {

struct ContextObject : Object {
  SSL_CTX* ctx = nullptr;
  int protocol = 0;
  bool check_hostname = false;
  explicit ContextObject(Type* t) : Object(t) {}
  ~ContextObject() override {
    if (ctx != nullptr) SSL_CTX_free(ctx);
  }
};

extern Type* context_type;
extern Type* ssl_socket_type;

// The exception classes, made when _ssl is first imported.
struct SslErrors {
  Type* base = nullptr;           // SSLError(OSError)
  Type* zero_return = nullptr;    // SSLZeroReturnError
  Type* want_read = nullptr;      // SSLWantReadError
  Type* want_write = nullptr;     // SSLWantWriteError
  Type* syscall = nullptr;        // SSLSyscallError
  Type* eof = nullptr;            // SSLEOFError
  Type* cert_verify = nullptr;    // SSLCertVerificationError(SSLError, ValueError)
};
SslErrors& ssl_errors();

// Raises the exception for SSL_get_error's `code` after a call that
// returned `ret`; `ssl` (may be null) gives the verification result,
// `saved_errno` the errno right after the call. `queued` is the first
// error of OpenSSL's queue, read on the thread that made the call.
[[noreturn]] void raise_ssl_error(SSL* ssl, int code, int ret, int saved_errno, unsigned long queued);
// The same for a failure outside a connection (loading files, ...).
[[noreturn]] void raise_ssl_queue_error(const char* fallback);

// Installs the types into the module (ssl_context.cpp, ssl_socket.cpp).
void install_context_type(Module* m);
void install_ssl_socket_type(Module* m);

// Wraps `sock` (a socket.socket) for TLS (ssl_socket.cpp).
Value new_ssl_socket(ContextObject* ctx, Value sock, bool server_side, Value server_hostname);

// The certificate as getpeercert() shows it: a dict of subject, issuer,
// version, serialNumber, notBefore, notAfter, subjectAltName.
Value decode_certificate(X509* cert);

}  // namespace ssl_impl

}  // namespace gilvm
