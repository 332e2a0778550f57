// The select module: select(), poll objects and epoll objects, as
// CPython 3.11's on Linux.
//
// Contract
// --------
// * Every wait releases the GIL and touches no Value meanwhile: the
//   descriptors are copied into pollfd/epoll_event arrays first, and the
//   results are matched back to the caller's objects afterwards.
// * select() is built on poll(2), so descriptors above FD_SETSIZE work
//   (CPython raises ValueError for them; nothing a script relies on).
// * EINTR (PEP 475): the main thread runs pending signal handlers, which may
//   raise; otherwise the wait resumes with what is left of the timeout.
// * A poll object keeps {fd: eventmask} in registration order; an epoll
//   object owns its epoll descriptor (closed by close() or collection).
#include <poll.h>
#include <sys/epoll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <map>
#include <vector>

#include "runtime/gil.hpp"
#include "runtime/signals.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
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

using Clock = std::chrono::steady_clock;

// The descriptor of an int or of an object with fileno(), as
// PyObject_AsFileDescriptor.
int fd_of(Value v) {
  Value n = v;
  if (!is_int_value(v)) {
    Value method = get_attr_or_null(v, intern("fileno"));
    if (method.is_null()) raise_type_error("argument must be an int, or have a fileno() method.");
    n = call_object(method, CallArgs{nullptr, 0});
    if (!is_int_value(n)) raise_type_error("fileno() returned a non-integer");
  }
  int64_t fd = index_value(n);
  if (fd < 0) raise_value_error("file descriptor cannot be a negative integer (" + std::to_string(fd) + ")");
  if (fd > INT32_MAX) raise_error(exc().OverflowError, "fd is greater than maximum");
  return static_cast<int>(fd);
}

// Runs poll(2) on `fds` until something is ready or `timeout` seconds
// pass (negative: no limit), the GIL released, retrying after EINTR.
int wait_poll(std::vector<pollfd>& fds, double timeout) {
  Clock::time_point deadline = timeout < 0 ? Clock::time_point::max()
                                           : Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeout));
  for (;;) {
    int ms = -1;
    if (timeout >= 0) {
      auto left = std::chrono::duration_cast<std::chrono::microseconds>(deadline - Clock::now()).count();
      ms = left <= 0 ? 0 : static_cast<int>(std::min<int64_t>((left + 999) / 1000, INT32_MAX));
    }
    int n, err;
    {
      GilRelease release;
      n = ::poll(fds.data(), fds.size(), ms);
      err = errno;
    }
    if (n >= 0) return n;
    if (err != EINTR) raise_os_error_errno(err);
    run_pending_signal_handlers();
  }
}

// A timeout in seconds: None -> -1 (no limit); negative -> ValueError.
double seconds_arg(Value v) {
  if (v.is_null() || v.is_none()) return -1;
  if (!is_int_value(v) && !isinstance(v, types().float_)) raise_type_error("timeout must be a float or None");
  double t = to_double(v);
  if (std::isnan(t)) raise_value_error("Invalid value NaN (not a number)");
  if (t < 0) raise_value_error("timeout must be non-negative");
  return t;
}

// ---------------------------------------------------------------- select()

Value select_select(const CallArgs& a) {
  check_arg_count(a, "select", 3, 4);
  double timeout = seconds_arg(a.count == 4 ? a[3] : Value::none());
  ValueVector lists[3];
  for (int i = 0; i < 3; ++i) {
    Value it;
    try {
      it = get_iter(a[i]);
    } catch (PyException&) {
      if (!exception_matches(exc().TypeError)) throw;
      take_current_exception();
      raise_type_error("arguments 1-3 must be sequences");
    }
    for (Value v = iter_next(it); !v.is_null(); v = iter_next(it)) lists[i].push_back(v);
  }
  static const short kEvents[3] = {POLLIN, POLLOUT, POLLPRI};
  std::vector<pollfd> fds;
  std::vector<std::pair<int, size_t>> owners;  // (list, index) of each pollfd
  for (int i = 0; i < 3; ++i)
    for (size_t j = 0; j < lists[i].size(); ++j) {
      fds.push_back(pollfd{fd_of(lists[i][j]), kEvents[i], 0});
      owners.emplace_back(i, j);
    }
  wait_poll(fds, timeout);
  ValueVector ready[3];
  for (size_t k = 0; k < fds.size(); ++k) {
    short got = fds[k].revents;
    if (got & POLLNVAL) raise_os_error_errno(EBADF);
    int list = owners[k].first;
    bool hit = list == 0 ? (got & (POLLIN | POLLHUP | POLLERR)) != 0
             : list == 1 ? (got & (POLLOUT | POLLERR)) != 0
                         : (got & POLLPRI) != 0;
    if (hit) ready[list].push_back(lists[list][owners[k].second]);
  }
  Value r = new_list(std::move(ready[0]));
  Value w = new_list(std::move(ready[1]));
  Value x = new_list(std::move(ready[2]));
  return new_tuple({r, w, x});
}

// ---------------------------------------------------------------- poll

struct PollObject : Object {
  std::vector<std::pair<int, short>> entries;  // registration order
  bool polling = false;
  explicit PollObject(Type* t) : Object(t) {}
  std::pair<int, short>* find(int fd) {
    for (auto& e : entries)
      if (e.first == fd) return &e;
    return nullptr;
  }
};

Type* poll_type = nullptr;

PollObject* self_poll(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], poll_type)) raise_type_error("descriptor requires a 'select.poll' object");
  return a[0].as<PollObject>();
}

short mask_arg(Value v) {
  int64_t m = index_value_clamped(v);
  if (m < 0) raise_error(exc().OverflowError, "can't convert negative int to unsigned");
  if (m > 0xffff) raise_error(exc().OverflowError, "Python int too large for C unsigned short");
  return static_cast<short>(m);
}

Value poll_register(const CallArgs& a) {
  check_arg_count(a, "register", 2, 3);
  PollObject* p = self_poll(a);
  int fd = fd_of(a[1]);
  short mask = a.count == 3 ? mask_arg(a[2]) : static_cast<short>(POLLIN | POLLPRI | POLLOUT);
  if (auto* e = p->find(fd)) e->second = mask;
  else p->entries.emplace_back(fd, mask);
  return Value::none();
}

Value poll_modify(const CallArgs& a) {
  check_arg_count(a, "modify", 3, 3);
  PollObject* p = self_poll(a);
  int fd = fd_of(a[1]);
  short mask = mask_arg(a[2]);
  auto* e = p->find(fd);
  if (e == nullptr) raise_os_error_errno(ENOENT);
  e->second = mask;
  return Value::none();
}

Value poll_unregister(const CallArgs& a) {
  check_arg_count(a, "unregister", 2, 2);
  PollObject* p = self_poll(a);
  int fd = fd_of(a[1]);
  for (auto it = p->entries.begin(); it != p->entries.end(); ++it)
    if (it->first == fd) {
      p->entries.erase(it);
      return Value::none();
    }
  raise_key_error(a[1]);
}

// poll([timeout]) -> [(fd, events)]: the timeout is in milliseconds.
Value poll_poll(const CallArgs& a) {
  check_arg_count(a, "poll", 1, 2);
  PollObject* p = self_poll(a);
  double timeout = -1;
  if (a.count == 2 && !a[1].is_none()) {
    if (!is_int_value(a[1]) && !isinstance(a[1], types().float_)) raise_type_error("timeout must be an integer or None");
    double ms = to_double(a[1]);
    timeout = ms < 0 ? -1 : std::ceil(ms) / 1000.0;
  }
  if (p->polling) raise_runtime_error("concurrent poll() invocation");
  std::vector<pollfd> fds;
  for (auto& e : p->entries) fds.push_back(pollfd{e.first, e.second, 0});
  p->polling = true;
  try {
    wait_poll(fds, timeout);
  } catch (...) {
    p->polling = false;
    throw;
  }
  p->polling = false;
  ValueVector out;
  for (auto& f : fds)
    if (f.revents != 0)
      out.push_back(new_tuple({make_int(static_cast<int64_t>(f.fd)), make_int(static_cast<int64_t>(static_cast<unsigned short>(f.revents)))}));
  return new_list(std::move(out));
}

Value select_poll(const CallArgs& a) {
  check_arg_count(a, "poll", 0, 0);
  return gc_new<PollObject>(poll_type);
}

// ---------------------------------------------------------------- epoll

struct EpollObject : Object {
  int fd = -1;
  explicit EpollObject(Type* t) : Object(t) {}
  ~EpollObject() override {
    if (fd >= 0) ::close(fd);
  }
};

Type* epoll_type = nullptr;

EpollObject* self_epoll(const CallArgs& a, bool must_be_open = true) {
  if (a.count == 0 || !isinstance(a[0], epoll_type)) raise_type_error("descriptor requires a 'select.epoll' object");
  auto* e = a[0].as<EpollObject>();
  if (must_be_open && e->fd < 0) raise_value_error("I/O operation on closed epoll object");
  return e;
}

Value epoll_construct(Type* type, const CallArgs& a) {
  ArgParser p(a, "epoll", {"sizehint", "flags"}, 0, false);
  int64_t sizehint = index_value(p.get(0, Value::small_int(-1)));
  if (sizehint == 0 || sizehint < -1) raise_value_error("negative sizehint");
  int fd = ::epoll_create1(EPOLL_CLOEXEC);
  if (fd < 0) raise_os_error_errno(errno);
  auto* e = gc_new<EpollObject>(type);
  e->fd = fd;
  return e;
}

Value epoll_ctl_common(const CallArgs& a, int op, const char* name) {
  ArgParser p(a, name, {"fd", "eventmask"}, op == EPOLL_CTL_DEL ? 1 : (op == EPOLL_CTL_MOD ? 2 : 1));
  EpollObject* e = self_epoll(a);
  int fd = fd_of(p.get(0));
  epoll_event ev{};
  ev.events = op == EPOLL_CTL_ADD && !p.given(1) ? (EPOLLIN | EPOLLPRI | EPOLLOUT)
                                                 : static_cast<uint32_t>(p.given(1) ? index_value(p.get(1)) : 0);
  ev.data.fd = fd;
  if (::epoll_ctl(e->fd, op, fd, &ev) != 0) raise_os_error_errno(errno);
  return Value::none();
}
Value epoll_register(const CallArgs& a) { return epoll_ctl_common(a, EPOLL_CTL_ADD, "register"); }
Value epoll_modify(const CallArgs& a) { return epoll_ctl_common(a, EPOLL_CTL_MOD, "modify"); }
Value epoll_unregister(const CallArgs& a) { return epoll_ctl_common(a, EPOLL_CTL_DEL, "unregister"); }

// poll(timeout=None, maxevents=-1) -> [(fd, events)]: seconds here.
Value epoll_poll(const CallArgs& a) {
  ArgParser p(a, "poll", {"timeout", "maxevents"});
  EpollObject* e = self_epoll(a);
  double timeout = -1;
  Value t = p.get(0, Value::none());
  if (!t.is_none()) {
    if (!is_int_value(t) && !isinstance(t, types().float_)) raise_type_error("timeout must be an integer or None");
    timeout = to_double(t);
    if (timeout < 0) timeout = -1;
  }
  int64_t maxevents = index_value(p.get(1, Value::small_int(-1)));
  if (maxevents == -1) maxevents = FD_SETSIZE - 1;
  else if (maxevents < 1) raise_value_error("maxevents must be greater than 0, got " + std::to_string(maxevents));
  std::vector<epoll_event> events(static_cast<size_t>(maxevents));
  int epfd = e->fd;
  Clock::time_point deadline = timeout < 0 ? Clock::time_point::max()
                                           : Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeout));
  int n;
  for (;;) {
    int ms = -1;
    if (timeout >= 0) {
      auto left = std::chrono::duration_cast<std::chrono::microseconds>(deadline - Clock::now()).count();
      ms = left <= 0 ? 0 : static_cast<int>(std::min<int64_t>((left + 999) / 1000, INT32_MAX));
    }
    int err;
    {
      GilRelease release;
      n = ::epoll_wait(epfd, events.data(), static_cast<int>(events.size()), ms);
      err = errno;
    }
    if (n >= 0) break;
    if (err != EINTR) raise_os_error_errno(err);
    run_pending_signal_handlers();
  }
  ValueVector out;
  for (int i = 0; i < n; ++i)
    out.push_back(new_tuple({make_int(static_cast<int64_t>(events[static_cast<size_t>(i)].data.fd)),
                             make_int(static_cast<int64_t>(events[static_cast<size_t>(i)].events))}));
  return new_list(std::move(out));
}

Value epoll_close(const CallArgs& a) {
  EpollObject* e = self_epoll(a, false);
  if (e->fd >= 0) {
    ::close(e->fd);
    e->fd = -1;
  }
  return Value::none();
}
Value epoll_fileno(const CallArgs& a) { return make_int(static_cast<int64_t>(self_epoll(a)->fd)); }
Value epoll_enter(const CallArgs& a) {
  self_epoll(a);
  return a[0];
}
Value epoll_exit(const CallArgs& a) {
  Value self = a[0];
  return epoll_close(CallArgs{&self, 1});
}
Value epoll_closed(Value self) { return Value::boolean(self.as<EpollObject>()->fd < 0); }

void init_select_module(Module* m) {
  if (poll_type == nullptr) {
    poll_type = new_builtin_type("poll", types().object, nullptr);
    add_type_attr(poll_type, "__module__", new_str("select"));
    add_method(poll_type, "register", poll_register);
    add_method(poll_type, "modify", poll_modify);
    add_method(poll_type, "unregister", poll_unregister);
    add_method(poll_type, "poll", poll_poll);
    epoll_type = new_builtin_type("epoll", types().object, epoll_construct);
    add_type_attr(epoll_type, "__module__", new_str("select"));
    add_method(epoll_type, "register", epoll_register);
    add_method(epoll_type, "modify", epoll_modify);
    add_method(epoll_type, "unregister", epoll_unregister);
    add_method(epoll_type, "poll", epoll_poll);
    add_method(epoll_type, "close", epoll_close);
    add_method(epoll_type, "fileno", epoll_fileno);
    add_method(epoll_type, "__enter__", epoll_enter);
    add_method(epoll_type, "__exit__", epoll_exit);
    add_getset(epoll_type, "closed", epoll_closed);
  }
  add_function(m, "select", select_select);
  add_function(m, "poll", select_poll);
  DictTable& d = m->dict()->table;
  d.set(intern("epoll"), epoll_type);
  d.set(intern("error"), exc().OSError);
  auto set = [&d](const char* name, int64_t value) { d.set(intern(name), make_int(value)); };
#define GILVM_CONSTANT(name) set(#name, static_cast<int64_t>(name));
  GILVM_CONSTANT(POLLIN) GILVM_CONSTANT(POLLPRI) GILVM_CONSTANT(POLLOUT) GILVM_CONSTANT(POLLERR)
  GILVM_CONSTANT(POLLHUP) GILVM_CONSTANT(POLLNVAL) GILVM_CONSTANT(POLLRDNORM) GILVM_CONSTANT(POLLRDBAND)
  GILVM_CONSTANT(POLLWRNORM) GILVM_CONSTANT(POLLWRBAND) GILVM_CONSTANT(POLLMSG) GILVM_CONSTANT(POLLRDHUP)
  GILVM_CONSTANT(EPOLLIN) GILVM_CONSTANT(EPOLLOUT) GILVM_CONSTANT(EPOLLPRI) GILVM_CONSTANT(EPOLLERR)
  GILVM_CONSTANT(EPOLLHUP) GILVM_CONSTANT(EPOLLET) GILVM_CONSTANT(EPOLLONESHOT) GILVM_CONSTANT(EPOLLEXCLUSIVE)
  GILVM_CONSTANT(EPOLLRDHUP) GILVM_CONSTANT(EPOLLRDNORM) GILVM_CONSTANT(EPOLLRDBAND) GILVM_CONSTANT(EPOLLWRNORM)
  GILVM_CONSTANT(EPOLLWRBAND) GILVM_CONSTANT(EPOLLMSG) GILVM_CONSTANT(EPOLL_CLOEXEC)
#undef GILVM_CONSTANT
  set("PIPE_BUF", PIPE_BUF);
}

}  // namespace

void register_select_module() { register_builtin_module("select", init_select_module); }

}  // namespace gilvm
