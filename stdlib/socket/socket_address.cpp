// Socket addresses: Python's (host, port), (host, port, flowinfo,
// scope_id) and path forms to and from sockaddr, with CPython 3.11's error
// messages. Host names are resolved with getaddrinfo, the GIL released.
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/un.h>

#include <cerrno>
#include <cstring>

#include "runtime/gil.hpp"
#include "stdlib/socket/socket_internal.hpp"
#include "vm/errors.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm::socket_impl {

[[noreturn]] void raise_gaierror(int code) {
  if (code == EAI_SYSTEM) raise_socket_error(errno);
  Value args[2] = {make_int(static_cast<int64_t>(code)), new_str(gai_strerror(code))};
  raise_exception(call_object(gaierror_type, CallArgs{args, 2}));
}

namespace {

std::string host_text(Value host) {
  if (isinstance(host, types().str)) return host.as<Str>()->data;
  if (isinstance(host, types().bytes)) return host.as<Bytes>()->data;
  if (isinstance(host, types().bytearray)) return buffer_bytes(host);
  raise_type_error("str, bytes or bytearray expected, not " + type_name(host));
}

// Fills the address part of `out` for `host` in `family`, as CPython's
// setipaddr: '' is the wildcard, '<broadcast>' the broadcast address, a
// numeric address is used as is, anything else is looked up.
void resolve_host(const std::string& host, int family, SockAddr* out) {
  if (host.find('\0') != std::string::npos) raise_type_error("host name must not contain null character");
  if (family == AF_INET) {
    auto* sin = reinterpret_cast<sockaddr_in*>(out->get());
    if (host.empty()) { sin->sin_addr.s_addr = htonl(INADDR_ANY); return; }
    if (host == "<broadcast>" || host == "255.255.255.255") { sin->sin_addr.s_addr = htonl(INADDR_BROADCAST); return; }
    if (inet_pton(AF_INET, host.c_str(), &sin->sin_addr) == 1) return;
  } else {
    auto* sin6 = reinterpret_cast<sockaddr_in6*>(out->get());
    if (host.empty()) { sin6->sin6_addr = in6addr_any; return; }
    if (inet_pton(AF_INET6, host.c_str(), &sin6->sin6_addr) == 1) return;
  }
  addrinfo hints{};
  hints.ai_family = family;
  addrinfo* found = nullptr;
  int rc;
  {
    GilRelease release;
    rc = getaddrinfo(host.c_str(), nullptr, &hints, &found);
  }
  if (rc != 0) raise_gaierror(rc);
  if (family == AF_INET)
    reinterpret_cast<sockaddr_in*>(out->get())->sin_addr = reinterpret_cast<sockaddr_in*>(found->ai_addr)->sin_addr;
  else
    reinterpret_cast<sockaddr_in6*>(out->get())->sin6_addr = reinterpret_cast<sockaddr_in6*>(found->ai_addr)->sin6_addr;
  freeaddrinfo(found);
}

int port_arg(Value v, const char* caller) {
  if (isinstance(v, types().float_)) raise_type_error("'float' object cannot be interpreted as an integer");
  int64_t port = index_value_clamped(v);
  if (port < 0 || port > 65535) raise_error(exc().OverflowError, std::string(caller) + "(): port must be 0-65535.");
  return static_cast<int>(port);
}

}  // namespace

SockAddr parse_address(int family, Value address, const char* caller) {
  SockAddr out;
  if (family == AF_UNIX) {
    std::string path;
    if (isinstance(address, types().str)) path = address.as<Str>()->data;
    else path = buffer_bytes(address);
    auto* sun = reinterpret_cast<sockaddr_un*>(out.get());
    if (path.size() >= sizeof sun->sun_path && !(path.size() == sizeof sun->sun_path && path[0] == '\0'))
      raise_error(exc().OSError, "AF_UNIX path too long");
    sun->sun_family = AF_UNIX;
    std::memcpy(sun->sun_path, path.data(), path.size());
    out.len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size() + (path.empty() || path[0] != '\0' ? 1 : 0));
    return out;
  }
  if (family != AF_INET && family != AF_INET6) raise_error(exc().OSError, std::string(caller) + "(): bad family");
  const char* name = family == AF_INET ? "AF_INET" : "AF_INET6";
  if (!isinstance(address, types().tuple))
    raise_type_error(std::string(caller) + "(): " + name + " address must be tuple, not " + type_name(address));
  const auto& items = address.as<Tuple>()->items;
  if (family == AF_INET && items.size() != 2) raise_type_error("AF_INET address must be a pair (host, port)");
  if (family == AF_INET6 && (items.size() < 2 || items.size() > 4))
    raise_type_error("AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
  std::string host = host_text(items[0]);
  int port = port_arg(items[1], caller);
  if (family == AF_INET) {
    auto* sin = reinterpret_cast<sockaddr_in*>(out.get());
    sin->sin_family = AF_INET;
    resolve_host(host, AF_INET, &out);
    sin->sin_port = htons(static_cast<uint16_t>(port));
    out.len = sizeof(sockaddr_in);
    return out;
  }
  auto* sin6 = reinterpret_cast<sockaddr_in6*>(out.get());
  sin6->sin6_family = AF_INET6;
  resolve_host(host, AF_INET6, &out);
  sin6->sin6_port = htons(static_cast<uint16_t>(port));
  if (items.size() >= 3) {
    int64_t flowinfo = index_value_clamped(items[2]);
    if (flowinfo < 0 || flowinfo > 0xfffff) raise_error(exc().OverflowError, std::string(caller) + "(): flowinfo must be 0-1048575.");
    sin6->sin6_flowinfo = htonl(static_cast<uint32_t>(flowinfo));
  }
  if (items.size() == 4) sin6->sin6_scope_id = static_cast<uint32_t>(index_value(items[3]));
  out.len = sizeof(sockaddr_in6);
  return out;
}

Value make_address(const sockaddr* addr, socklen_t len) {
  if (len == 0) return Value::none();
  char text[INET6_ADDRSTRLEN] = {0};
  switch (addr->sa_family) {
    case AF_INET: {
      auto* sin = reinterpret_cast<const sockaddr_in*>(addr);
      inet_ntop(AF_INET, &sin->sin_addr, text, sizeof text);
      return new_tuple({new_str(text), make_int(static_cast<int64_t>(ntohs(sin->sin_port)))});
    }
    case AF_INET6: {
      auto* sin6 = reinterpret_cast<const sockaddr_in6*>(addr);
      inet_ntop(AF_INET6, &sin6->sin6_addr, text, sizeof text);
      return new_tuple({new_str(text), make_int(static_cast<int64_t>(ntohs(sin6->sin6_port))),
                        make_int(static_cast<int64_t>(ntohl(sin6->sin6_flowinfo))),
                        make_int(static_cast<int64_t>(sin6->sin6_scope_id))});
    }
    case AF_UNIX: {
      auto* sun = reinterpret_cast<const sockaddr_un*>(addr);
      size_t size = len > offsetof(sockaddr_un, sun_path) ? len - offsetof(sockaddr_un, sun_path) : 0;
      if (size > 0 && sun->sun_path[0] == '\0') return new_bytes(std::string(sun->sun_path, size));
      return new_str(std::string(sun->sun_path, strnlen(sun->sun_path, size)));
    }
    default:
      return new_tuple({make_int(static_cast<int64_t>(addr->sa_family)), new_bytes(std::string(addr->sa_data, 14))});
  }
}

}  // namespace gilvm::socket_impl
