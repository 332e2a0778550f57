// The native _socket module: the socket type (socket_object.cpp), name
// resolution (getaddrinfo, gethostbyname, gethostname), socketpair, the
// default timeout, byte-order and address-text helpers, the exception
// classes and the constants. socket.py (stdlib/py/) wraps it as CPython's
// socket module does.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>

#include "runtime/gil.hpp"
#include "stdlib/socket/socket_internal.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm::socket_impl {

Type* gaierror_type = nullptr;
Type* herror_type = nullptr;

namespace {

// Written only with the GIL held; read when sockets are made.
double g_default_timeout = -1;

}  // namespace

double default_timeout() { return g_default_timeout; }
void set_default_timeout(double t) { g_default_timeout = t; }

namespace {

Value sock_getdefaulttimeout(const CallArgs& a) {
  check_arg_count(a, "getdefaulttimeout", 0, 0);
  return g_default_timeout < 0 ? Value::none() : make_float(g_default_timeout);
}

Value sock_setdefaulttimeout(const CallArgs& a) {
  check_arg_count(a, "setdefaulttimeout", 1, 1);
  g_default_timeout = parse_timeout(a[0]);
  return Value::none();
}

// socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0) -> two
// _socket.socket objects (socket.py re-wraps them).
Value sock_socketpair(const CallArgs& a) {
  ArgParser p(a, "socketpair", {"family", "type", "proto"}, 0, false);
  int family = static_cast<int>(index_value(p.get(0, Value::small_int(AF_UNIX))));
  int kind = static_cast<int>(index_value(p.get(1, Value::small_int(SOCK_STREAM))));
  int proto = static_cast<int>(index_value(p.get(2, Value::small_int(0))));
  int fds[2];
  if (::socketpair(family, kind | SOCK_CLOEXEC, proto, fds) != 0) raise_socket_error(errno);
  Value made[2];
  for (int i = 0; i < 2; ++i) {
    Value args[4] = {make_int(static_cast<int64_t>(family)), make_int(static_cast<int64_t>(kind)),
                     make_int(static_cast<int64_t>(proto)), make_int(static_cast<int64_t>(fds[i]))};
    made[i] = call_object(socket_type, CallArgs{args, 4});
  }
  return new_tuple({made[0], made[1]});
}

// Host argument of getaddrinfo: None, str or bytes.
bool optional_text(Value v, std::string* out, const char* what) {
  if (v.is_none()) return false;
  if (isinstance(v, types().str)) *out = v.as<Str>()->data;
  else if (isinstance(v, types().bytes)) *out = v.as<Bytes>()->data;
  else raise_type_error(std::string(what));
  return true;
}

Value sock_getaddrinfo(const CallArgs& a) {
  ArgParser p(a, "getaddrinfo", {"host", "port", "family", "type", "proto", "flags"}, 2, false);
  std::string host, port;
  bool has_host = optional_text(p.get(0), &host, "getaddrinfo() argument 1 must be string or None");
  bool has_port = true;
  Value port_arg = p.get(1);
  if (is_int_value(port_arg)) port = str_string(port_arg);
  else has_port = optional_text(port_arg, &port, "getaddrinfo() argument 2 must be integer or string");
  addrinfo hints{};
  hints.ai_family = static_cast<int>(index_value(p.get(2, Value::small_int(0))));
  hints.ai_socktype = static_cast<int>(index_value(p.get(3, Value::small_int(0))));
  hints.ai_protocol = static_cast<int>(index_value(p.get(4, Value::small_int(0))));
  hints.ai_flags = static_cast<int>(index_value(p.get(5, Value::small_int(0))));
  addrinfo* found = nullptr;
  int rc;
  {
    GilRelease release;
    rc = ::getaddrinfo(has_host ? host.c_str() : nullptr, has_port ? port.c_str() : nullptr, &hints, &found);
  }
  if (rc != 0) raise_gaierror(rc);
  ValueVector rows;
  for (addrinfo* ai = found; ai != nullptr; ai = ai->ai_next) {
    Value address = make_address(ai->ai_addr, ai->ai_addrlen);
    Value canon = new_str(ai->ai_canonname ? ai->ai_canonname : "");
    rows.push_back(new_tuple({make_int(static_cast<int64_t>(ai->ai_family)), make_int(static_cast<int64_t>(ai->ai_socktype)),
                              make_int(static_cast<int64_t>(ai->ai_protocol)), canon, address}));
  }
  freeaddrinfo(found);
  return new_list(std::move(rows));
}

Value sock_gethostbyname(const CallArgs& a) {
  check_arg_count(a, "gethostbyname", 1, 1);
  std::string host;
  if (!optional_text(a[0], &host, "gethostbyname() argument 1 must be str, bytes or bytearray") || a[0].is_none())
    raise_type_error("gethostbyname() argument 1 must be str, bytes or bytearray, not None");
  SockAddr addr = parse_address(AF_INET, new_tuple({a[0], Value::small_int(0)}), "gethostbyname");
  char text[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(addr.get())->sin_addr, text, sizeof text);
  return new_str(text);
}

Value sock_gethostname(const CallArgs& a) {
  check_arg_count(a, "gethostname", 0, 0);
  char name[HOST_NAME_MAX + 1] = {0};
  if (::gethostname(name, sizeof name - 1) != 0) raise_socket_error(errno);
  return new_str(name);
}

Value sock_close_fd(const CallArgs& a) {
  check_arg_count(a, "close", 1, 1);
  if (::close(static_cast<int>(index_value(a[0]))) != 0 && errno != ECONNRESET) raise_socket_error(errno);
  return Value::none();
}

Value sock_dup(const CallArgs& a) {
  check_arg_count(a, "dup", 1, 1);
  int fd = ::fcntl(static_cast<int>(index_value(a[0])), F_DUPFD_CLOEXEC, 0);
  if (fd < 0) raise_socket_error(errno);
  return make_int(static_cast<int64_t>(fd));
}

uint64_t unsigned_arg(Value v, uint64_t max, const char* function) {
  if (!is_int_value(v)) raise_type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
  int64_t n = index_value_clamped(v);
  if (n < 0) raise_error(exc().OverflowError, std::string(function) + ": can't convert negative Python int to C " + (max == 0xffff ? "16-bit unsigned integer" : "unsigned long"));
  if (static_cast<uint64_t>(n) > max) raise_error(exc().OverflowError, std::string(function) + (max == 0xffff ? ": Python int too large to convert to C 16-bit unsigned integer" : ": Python int too large to convert to C unsigned long"));
  return static_cast<uint64_t>(n);
}
Value sock_htons(const CallArgs& a) { check_arg_count(a, "htons", 1, 1); return make_int(static_cast<int64_t>(htons(static_cast<uint16_t>(unsigned_arg(a[0], 0xffff, "htons"))))); }
Value sock_ntohs(const CallArgs& a) { check_arg_count(a, "ntohs", 1, 1); return make_int(static_cast<int64_t>(ntohs(static_cast<uint16_t>(unsigned_arg(a[0], 0xffff, "ntohs"))))); }
Value sock_htonl(const CallArgs& a) { check_arg_count(a, "htonl", 1, 1); return make_int(static_cast<int64_t>(htonl(static_cast<uint32_t>(unsigned_arg(a[0], 0xffffffff, "htonl"))))); }
Value sock_ntohl(const CallArgs& a) { check_arg_count(a, "ntohl", 1, 1); return make_int(static_cast<int64_t>(ntohl(static_cast<uint32_t>(unsigned_arg(a[0], 0xffffffff, "ntohl"))))); }

std::string text_arg(Value v, const char* function) {
  if (!isinstance(v, types().str)) raise_type_error(std::string(function) + "() argument 1 must be str, not " + type_name(v));
  return v.as<Str>()->data;
}

Value sock_inet_aton(const CallArgs& a) {
  check_arg_count(a, "inet_aton", 1, 1);
  in_addr addr{};
  if (::inet_aton(text_arg(a[0], "inet_aton").c_str(), &addr) == 0) raise_error(exc().OSError, "illegal IP address string passed to inet_aton");
  return new_bytes(std::string(reinterpret_cast<const char*>(&addr), 4));
}

Value sock_inet_ntoa(const CallArgs& a) {
  check_arg_count(a, "inet_ntoa", 1, 1);
  std::string packed = buffer_bytes(a[0]);
  if (packed.size() != 4) raise_error(exc().OSError, "packed IP wrong length for inet_ntoa");
  char text[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, packed.data(), text, sizeof text);
  return new_str(text);
}

Value sock_inet_pton(const CallArgs& a) {
  check_arg_count(a, "inet_pton", 2, 2);
  int family = static_cast<int>(index_value(a[0]));
  std::string text = text_arg(a[1], "inet_pton");
  unsigned char out[16];
  int rc = ::inet_pton(family, text.c_str(), out);
  if (rc < 0) raise_socket_error(errno);
  if (rc == 0) raise_error(exc().OSError, "illegal IP address string passed to inet_pton");
  return new_bytes(std::string(reinterpret_cast<const char*>(out), family == AF_INET ? 4 : 16));
}

Value sock_inet_ntop(const CallArgs& a) {
  check_arg_count(a, "inet_ntop", 2, 2);
  int family = static_cast<int>(index_value(a[0]));
  std::string packed = buffer_bytes(a[1]);
  if (family == AF_INET && packed.size() != 4) raise_value_error("invalid length of packed IP address string");
  if (family == AF_INET6 && packed.size() != 16) raise_value_error("invalid length of packed IP address string");
  if (family != AF_INET && family != AF_INET6) raise_value_error("unknown address family " + std::to_string(family));
  char text[INET6_ADDRSTRLEN];
  inet_ntop(family, packed.data(), text, sizeof text);
  return new_str(text);
}

Type* make_error_type(const char* name) {
  Type* t = new_builtin_type(name, exc().OSError, exc().OSError->construct);
  t->instances_have_dict = true;
  add_type_attr(t, "__module__", new_str("socket"));
  return t;
}

void init_socket_module(Module* m) {
  install_socket_type();
  if (gaierror_type == nullptr) {
    gaierror_type = make_error_type("gaierror");
    herror_type = make_error_type("herror");
  }
  DictTable& d = m->dict()->table;
  d.set(intern("socket"), socket_type);
  d.set(intern("SocketType"), socket_type);
  d.set(intern("error"), exc().OSError);
  d.set(intern("timeout"), exc().TimeoutError);
  d.set(intern("gaierror"), gaierror_type);
  d.set(intern("herror"), herror_type);
  add_function(m, "getdefaulttimeout", sock_getdefaulttimeout);
  add_function(m, "setdefaulttimeout", sock_setdefaulttimeout);
  add_function(m, "socketpair", sock_socketpair);
  add_function(m, "getaddrinfo", sock_getaddrinfo);
  add_function(m, "gethostbyname", sock_gethostbyname);
  add_function(m, "gethostname", sock_gethostname);
  add_function(m, "close", sock_close_fd);
  add_function(m, "dup", sock_dup);
  add_function(m, "htons", sock_htons);
  add_function(m, "ntohs", sock_ntohs);
  add_function(m, "htonl", sock_htonl);
  add_function(m, "ntohl", sock_ntohl);
  add_function(m, "inet_aton", sock_inet_aton);
  add_function(m, "inet_ntoa", sock_inet_ntoa);
  add_function(m, "inet_pton", sock_inet_pton);
  add_function(m, "inet_ntop", sock_inet_ntop);
  add_socket_constants(m);
}

}  // namespace

void add_socket_constants(Module* m) {
  DictTable& d = m->dict()->table;
  auto set = [&d](const char* name, int64_t value) { d.set(intern(name), make_int(value)); };
#define GILVM_CONSTANT(name) set(#name, name);
  GILVM_CONSTANT(AF_INET) GILVM_CONSTANT(AF_INET6) GILVM_CONSTANT(AF_UNIX) GILVM_CONSTANT(AF_UNSPEC)
  GILVM_CONSTANT(SOCK_STREAM) GILVM_CONSTANT(SOCK_DGRAM) GILVM_CONSTANT(SOCK_RAW) GILVM_CONSTANT(SOCK_SEQPACKET)
  GILVM_CONSTANT(SOCK_NONBLOCK) GILVM_CONSTANT(SOCK_CLOEXEC)
  GILVM_CONSTANT(SOL_SOCKET) GILVM_CONSTANT(SO_REUSEADDR) GILVM_CONSTANT(SO_REUSEPORT) GILVM_CONSTANT(SO_KEEPALIVE)
  GILVM_CONSTANT(SO_BROADCAST) GILVM_CONSTANT(SO_LINGER) GILVM_CONSTANT(SO_RCVBUF) GILVM_CONSTANT(SO_SNDBUF)
  GILVM_CONSTANT(SO_ERROR) GILVM_CONSTANT(SO_TYPE) GILVM_CONSTANT(SO_RCVLOWAT) GILVM_CONSTANT(SO_SNDLOWAT)
  GILVM_CONSTANT(SO_RCVTIMEO) GILVM_CONSTANT(SO_SNDTIMEO) GILVM_CONSTANT(SO_DOMAIN) GILVM_CONSTANT(SO_PROTOCOL)
  GILVM_CONSTANT(SO_ACCEPTCONN) GILVM_CONSTANT(SO_OOBINLINE) GILVM_CONSTANT(SO_DONTROUTE)
  GILVM_CONSTANT(SOMAXCONN)
  GILVM_CONSTANT(IPPROTO_IP) GILVM_CONSTANT(IPPROTO_TCP) GILVM_CONSTANT(IPPROTO_UDP) GILVM_CONSTANT(IPPROTO_IPV6)
  GILVM_CONSTANT(IPPROTO_ICMP) GILVM_CONSTANT(IPPROTO_RAW)
  GILVM_CONSTANT(IP_TTL) GILVM_CONSTANT(IP_TOS) GILVM_CONSTANT(IP_MULTICAST_TTL) GILVM_CONSTANT(IP_MULTICAST_LOOP)
  GILVM_CONSTANT(IP_ADD_MEMBERSHIP) GILVM_CONSTANT(IP_DROP_MEMBERSHIP) GILVM_CONSTANT(IPV6_V6ONLY)
  GILVM_CONSTANT(TCP_NODELAY) GILVM_CONSTANT(TCP_MAXSEG) GILVM_CONSTANT(TCP_KEEPIDLE) GILVM_CONSTANT(TCP_KEEPINTVL)
  GILVM_CONSTANT(TCP_KEEPCNT) GILVM_CONSTANT(TCP_QUICKACK) GILVM_CONSTANT(TCP_FASTOPEN)
  GILVM_CONSTANT(SHUT_RD) GILVM_CONSTANT(SHUT_WR) GILVM_CONSTANT(SHUT_RDWR)
  GILVM_CONSTANT(MSG_PEEK) GILVM_CONSTANT(MSG_WAITALL) GILVM_CONSTANT(MSG_DONTWAIT) GILVM_CONSTANT(MSG_OOB)
  GILVM_CONSTANT(MSG_TRUNC) GILVM_CONSTANT(MSG_NOSIGNAL) GILVM_CONSTANT(MSG_DONTROUTE) GILVM_CONSTANT(MSG_EOR)
  GILVM_CONSTANT(AI_PASSIVE) GILVM_CONSTANT(AI_CANONNAME) GILVM_CONSTANT(AI_NUMERICHOST) GILVM_CONSTANT(AI_NUMERICSERV)
  GILVM_CONSTANT(AI_V4MAPPED) GILVM_CONSTANT(AI_ALL) GILVM_CONSTANT(AI_ADDRCONFIG)
  GILVM_CONSTANT(NI_NUMERICHOST) GILVM_CONSTANT(NI_NUMERICSERV) GILVM_CONSTANT(NI_NAMEREQD) GILVM_CONSTANT(NI_DGRAM)
  GILVM_CONSTANT(NI_NOFQDN) GILVM_CONSTANT(NI_MAXHOST) GILVM_CONSTANT(NI_MAXSERV)
  GILVM_CONSTANT(EAI_AGAIN) GILVM_CONSTANT(EAI_BADFLAGS) GILVM_CONSTANT(EAI_FAIL) GILVM_CONSTANT(EAI_FAMILY)
  GILVM_CONSTANT(EAI_MEMORY) GILVM_CONSTANT(EAI_NONAME) GILVM_CONSTANT(EAI_SERVICE) GILVM_CONSTANT(EAI_SOCKTYPE)
  GILVM_CONSTANT(EAI_SYSTEM) GILVM_CONSTANT(EAI_OVERFLOW)
  GILVM_CONSTANT(INADDR_ANY) GILVM_CONSTANT(INADDR_LOOPBACK) GILVM_CONSTANT(INADDR_BROADCAST) GILVM_CONSTANT(INADDR_NONE)
#undef GILVM_CONSTANT
  d.set(intern("has_ipv6"), Value::true_value());
}

}  // namespace gilvm::socket_impl

namespace gilvm {

void register_socket_module() { register_builtin_module("_socket", socket_impl::init_socket_module); }

}  // namespace gilvm
