// See runtime/event_loop.hpp for the contract.
#include "runtime/event_loop.hpp"

#include <algorithm>
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
  struct Timer {
    asio::steady_timer timer;
    double when;
    explicit Timer(asio::io_context& c) : timer(c) {}
  };
  // unique_ptr: a timer must not move while Asio holds its handler.
  std::unordered_map<uint64_t, std::unique_ptr<Timer>> timers;
  struct Fired {
    double when;
    uint64_t id;
  };
  std::vector<Fired> fired;  // touched only by the loop thread (handlers run inside wait)
  uint64_t next_id = 1;

  // One per watched fd: epoll takes an fd once, so both directions share
  // one descriptor object. `serial` tells a completion of this watch from
  // a late one of an earlier watch of the same fd number.
  struct Watch {
    asio::posix::stream_descriptor descriptor;
    int mask = 0;
    bool armed[2] = {false, false};
    uint64_t serial;
    Watch(asio::io_context& c, int fd, uint64_t s) : descriptor(c, fd), serial(s) {}
  };
  std::unordered_map<int, std::unique_ptr<Watch>> watches;
  std::vector<int64_t> io_ready;
  uint64_t next_serial = 1;

  // The descriptors' destructors would close the fds, which belong to
  // Python objects: release them first.
  ~Impl() {
    while (!watches.empty()) forget(watches.begin());
  }

  void forget(std::unordered_map<int, std::unique_ptr<Watch>>::iterator it) {
    boost::system::error_code ignored;
    it->second->descriptor.cancel(ignored);
    it->second->descriptor.release();  // the fd stays open: it is not ours
    watches.erase(it);
  }

  // Arms a one-shot wait for each wanted direction not armed yet.
  void arm_watches() {
    for (auto& [fd, watch] : watches) {
      for (int direction : {kReadable, kWritable}) {
        int slot = direction - 1;
        if (!(watch->mask & direction) || watch->armed[slot]) continue;
        watch->armed[slot] = true;
        auto kind = direction == kReadable ? asio::posix::stream_descriptor::wait_read : asio::posix::stream_descriptor::wait_write;
        watch->descriptor.async_wait(kind, [this, fd = fd, serial = watch->serial, direction](const boost::system::error_code& error) {
          auto it = watches.find(fd);
          if (it == watches.end() || it->second->serial != serial) return;  // forgotten since
          it->second->armed[direction - 1] = false;
          // A direction dropped from the mask while armed completes silently.
          if (!error && (it->second->mask & direction)) io_ready.push_back(static_cast<int64_t>(fd) * 4 + direction);
        });
      }
    }
  }
};

EventLoop::EventLoop() : impl_(std::make_unique<Impl>()) {}

// Destroying the io_context destroys the unrun handlers; they hold only
// the Impl pointer and an id, and are never called.
EventLoop::~EventLoop() = default;

double EventLoop::time() { return std::chrono::duration<double>(Clock::now().time_since_epoch()).count(); }

uint64_t EventLoop::add_timer(double when) {
  uint64_t id = impl_->next_id++;
  auto timer = std::make_unique<Impl::Timer>(impl_->context);
  timer->when = when;
  timer->timer.expires_at(to_time_point(when));
  Impl* impl = impl_.get();
  timer->timer.async_wait([impl, id](const boost::system::error_code& error) {
    if (error) return;  // cancelled: the entry is already gone
    auto it = impl->timers.find(id);
    if (it == impl->timers.end()) return;
    impl->fired.push_back({it->second->when, id});
    impl->timers.erase(it);  // the handler is done with the timer's storage
  });
  impl_->timers.emplace(id, std::move(timer));
  return id;
}

bool EventLoop::cancel_timer(uint64_t id) {
  auto it = impl_->timers.find(id);
  if (it != impl_->timers.end()) {
    // The handler sees operation_aborted later; erasing now destroys the
    // timer, which cancels it (its handler still runs, with the error).
    impl_->timers.erase(it);
    return true;
  }
  auto& fired = impl_->fired;
  auto f = std::find_if(fired.begin(), fired.end(), [id](const Impl::Fired& x) { return x.id == id; });
  if (f == fired.end()) return false;
  fired.erase(f);
  return true;
}

size_t EventLoop::pending_timers() const { return impl_->timers.size(); }

void EventLoop::watch(int fd, int mask) {
  auto it = impl_->watches.find(fd);
  if (mask == 0) {
    if (it != impl_->watches.end()) impl_->forget(it);
    return;
  }
  if (it == impl_->watches.end()) {
    std::unique_ptr<Impl::Watch> watch;
    try {
      watch = std::make_unique<Impl::Watch>(impl_->context, fd, impl_->next_serial++);
    } catch (const boost::system::system_error& e) {
      throw std::system_error(e.code().value(), std::generic_category(), "watch");
    }
    it = impl_->watches.emplace(fd, std::move(watch)).first;
  }
  it->second->mask = mask;
}

std::vector<int64_t> EventLoop::take_io() {
  std::vector<int64_t> events;
  events.swap(impl_->io_ready);
  return events;
}

size_t EventLoop::watched_fds() const { return impl_->watches.size(); }

void EventLoop::wake() {
  asio::post(impl_->context, [] {});
}

std::vector<uint64_t> EventLoop::wait(double timeout) {
  asio::io_context& context = impl_->context;
  impl_->arm_watches();
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
  // Whatever else is ready (more expired timers, more wake-ups) runs now,
  // so one wait reports every timer due at the same moment.
  context.poll();
  std::vector<Impl::Fired> fired;
  fired.swap(impl_->fired);
  std::stable_sort(fired.begin(), fired.end(), [](const Impl::Fired& a, const Impl::Fired& b) { return a.when < b.when; });
  std::vector<uint64_t> ids;
  ids.reserve(fired.size());
  for (const Impl::Fired& f : fired) ids.push_back(f.id);
  return ids;
}

}  // namespace gilvm
