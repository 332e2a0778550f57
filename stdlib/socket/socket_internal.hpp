// Shared pieces of the native _socket module (stdlib/socket/).
//
// Contract
// --------
// * A SocketObject owns one descriptor (-1 once closed or detached) and
//   remembers family, type, proto and its timeout: negative for None
//   (blocking), 0 for non-blocking, positive for "wait at most this long".
//   As in CPython, a socket with a timeout keeps its descriptor in
//   O_NONBLOCK mode and waits with poll(); a blocking one makes the plain
//   blocking system call.
// * Every wait and every system call that may block runs inside a
//   GilRelease and touches no Value there: data to send is copied into a
//   std::string first, and received bytes land in a std::string that
//   becomes a bytes object after the GIL is taken back.
// * EINTR (PEP 475): the main thread runs pending signal handlers, which
//   may raise (KeyboardInterrupt); otherwise the call is retried with what
//   is left of the timeout. A timeout raises TimeoutError('timed out').
// * A collected socket that was not closed closes its descriptor in its
//   destructor (without the ResourceWarning CPython prints).
#pragma once

#include <sys/socket.h>

#include <string>

#include "vm/object.hpp"
#include "vm/value.hpp"

namespace gilvm {

struct Module;

namespace socket_impl {

struct SocketObject : Object {
  int fd = -1;
  int family = AF_INET;
  int type = SOCK_STREAM;
  int proto = 0;
  double timeout = -1;  // seconds; negative = None
  explicit SocketObject(Type* t) : Object(t) {}
  ~SocketObject() override;
};

extern Type* socket_type;
extern Type* gaierror_type;
extern Type* herror_type;

// The default timeout for new sockets (setdefaulttimeout); negative = None.
double default_timeout();
void set_default_timeout(double t);

// Parses a timeout argument: None -> -1; a negative number raises
// ValueError("Timeout value out of range"); NaN raises ValueError.
double parse_timeout(Value v);

// Puts the descriptor in blocking or non-blocking mode (raising OSError).
void set_fd_blocking(int fd, bool blocking);

// OSError for a C errno (with the mapped subclass).
[[noreturn]] void raise_socket_error(int err);
[[noreturn]] void raise_timeout();

// A sockaddr of any family: `len` bytes of `storage` are meaningful.
struct SockAddr {
  sockaddr_storage storage{};
  socklen_t len = 0;
  sockaddr* get() { return reinterpret_cast<sockaddr*>(&storage); }
};

// Converts a Python address for `family` into a sockaddr (resolving a host
// name with the GIL released); `caller` names the method in errors
// ("connect(): port must be 0-65535.").
SockAddr parse_address(int family, Value address, const char* caller);
// The Python form of a sockaddr: (host, port) for AF_INET, (host, port,
// flowinfo, scope_id) for AF_INET6, the path for AF_UNIX.
Value make_address(const sockaddr* addr, socklen_t len);
// getaddrinfo/gethostbyname's gaierror for an EAI_* code.
[[noreturn]] void raise_gaierror(int code);

// Methods of the socket type (socket_object.cpp) and module functions and
// constants (socket_module.cpp).
void install_socket_type();
void add_socket_constants(Module* m);

}  // namespace socket_impl

}  // namespace gilvm
