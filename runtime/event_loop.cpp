// See runtime/event_loop.hpp for the contract.
#include "runtime/event_loop.hpp"

#include <sys/epoll.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <system_error>
#include <unordered_map>

#include "runtime/asio.hpp"
#include "runtime/gil.hpp"
#include "runtime/signals.hpp"

namespace gilvm {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

namespace {

Clock::time_point to_time_point(double seconds) {
  return Clock::time_point(std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds)));
}

// The longest a blocked wait goes without looking for a pending signal.
constexpr auto kSignalSlice = std::chrono::milliseconds(50);

}  // namespace

struct EventLoop::Impl {
  asio::io_context context{1};  // one thread runs it: Asio may skip locking its queues
  asio::executor_work_guard<asio::io_context::executor_type> guard{context.get_executor()};
  // Watched descriptors live in an epoll set of our own, level-triggered
  // like a selector. Asio watches only that set's fd, and Asio's reactor is
  // edge-triggered: a readiness edge that arrives while no wait is queued
  // is lost. So every wait first asks the set directly (collect_io, a
  // zero-timeout epoll_wait) and only then queues Asio's wait for the set
  // to become readable: whatever is ready is seen by the first, whatever
  // becomes ready later raises an edge Asio's next epoll_wait reports.
  int epoll_fd = -1;
  std::unique_ptr<asio::posix::stream_descriptor> epoll_watch;  // owns epoll_fd
  bool epoll_armed = false;
  std::unordered_map<int, int> masks;  // fd -> kReadable | kWritable
  std::vector<int64_t> io_ready;

  Impl() {
    epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
    if (epoll_fd < 0) throw std::system_error(errno, std::generic_category(), "epoll_create1");
    epoll_watch = std::make_unique<asio::posix::stream_descriptor>(context, epoll_fd);
  }

  // Appends what the set reports ready now; a no-op while earlier reports
  // wait to be taken, so one turn never reports an fd twice. As selectors
  // do, an error or hang-up counts as both readable and writable.
  void collect_io() {
    if (!io_ready.empty() || masks.empty()) return;
    epoll_event events[256];
    int n = ::epoll_wait(epoll_fd, events, 256, 0);
    for (int i = 0; i < n; ++i) {
      int fd = events[i].data.fd;
      auto it = masks.find(fd);
      if (it == masks.end()) continue;
      uint32_t got = events[i].events;
      if ((it->second & kReadable) && (got & ~static_cast<uint32_t>(EPOLLOUT)))
        io_ready.push_back(static_cast<int64_t>(fd) * 4 + kReadable);
      if ((it->second & kWritable) && (got & ~static_cast<uint32_t>(EPOLLIN)))
        io_ready.push_back(static_cast<int64_t>(fd) * 4 + kWritable);
    }
  }

  void arm_epoll() {
    if (epoll_armed || masks.empty() || !io_ready.empty()) return;
    epoll_armed = true;
    epoll_watch->async_wait(asio::posix::stream_descriptor::wait_read, [this](const boost::system::error_code& error) {
      epoll_armed = false;
      if (!error) collect_io();
    });
  }
};

EventLoop::EventLoop() : impl_(std::make_unique<Impl>()) {}

// Destroying the io_context destroys the unrun handlers; they hold only
// the Impl pointer, and are never called.
EventLoop::~EventLoop() = default;

double EventLoop::time() { return std::chrono::duration<double>(Clock::now().time_since_epoch()).count(); }

void EventLoop::watch(int fd, int mask) {
  auto it = impl_->masks.find(fd);
  if (mask == 0) {
    if (it == impl_->masks.end()) return;
    impl_->masks.erase(it);
    // EBADF/ENOENT: the fd was closed first, and epoll dropped it already.
    ::epoll_ctl(impl_->epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
    return;
  }
  epoll_event event{};
  event.events = ((mask & kReadable) ? EPOLLIN : 0u) | ((mask & kWritable) ? EPOLLOUT : 0u);
  event.data.fd = fd;
  bool known = it != impl_->masks.end();
  if (::epoll_ctl(impl_->epoll_fd, known ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event) != 0) {
    int err = errno;
    // A closed-and-reused fd number: epoll forgot the old one; add anew.
    if (!(known && err == ENOENT && ::epoll_ctl(impl_->epoll_fd, EPOLL_CTL_ADD, fd, &event) == 0))
      throw std::system_error(err, std::generic_category(), "epoll_ctl");
  }
  impl_->masks[fd] = mask;
}

std::vector<int64_t> EventLoop::take_io() {
  std::vector<int64_t> events;
  events.swap(impl_->io_ready);
  return events;
}

size_t EventLoop::watched_fds() const { return impl_->masks.size(); }

void EventLoop::wake() {
  asio::post(impl_->context, [] {});
}

void EventLoop::wait(double timeout) {
  asio::io_context& context = impl_->context;
  impl_->collect_io();
  impl_->arm_epoll();
  if (timeout != 0 && impl_->io_ready.empty()) {
    // Blocks with the GIL released; nothing below touches a Value.
    GilRelease release;
    Clock::time_point deadline = timeout < 0 ? Clock::time_point::max() : Clock::now() + to_time_point(timeout).time_since_epoch();
    for (;;) {
      Clock::time_point now = Clock::now();
      if (now >= deadline) break;
      auto slice = std::min<Clock::duration>(deadline - now, kSignalSlice);
      if (context.run_one_for(slice) > 0) break;
      if (signal_pending()) break;
    }
  }
  // Whatever else is ready (more wake-ups, the epoll set's handler) runs now.
  context.poll();
}

}  // namespace gilvm
