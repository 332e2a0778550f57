#include "runtime/gil.hpp"

#include "vm/eval_breaker.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {
using Clock = std::chrono::steady_clock;
}  // namespace

Gil& gil() {
  static Gil* the_gil = new Gil();  // never destroyed: daemon threads may still wait on it
  return *the_gil;
}

GilThreadStats& Gil::record_locked(ThreadState* ts) {
  if (ts->runtime_data == nullptr) {
    records_.emplace_back();
    ts->runtime_data = &records_.back();
  }
  return *static_cast<GilThreadStats*>(ts->runtime_data);
}

void Gil::name_thread(ThreadState* ts, std::string name) {
  std::lock_guard<std::mutex> lock(mutex_);
  record_locked(ts).name = std::move(name);
}

void Gil::retire_thread(ThreadState* ts) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (ts->runtime_data == nullptr) return;
  auto* record = static_cast<GilThreadStats*>(ts->runtime_data);
  ts->runtime_data = nullptr;
  retire_record_locked(record);
}

void Gil::retire_record_locked(GilThreadStats* record) {
  if (finished_records_ < kKeptFinishedThreads) {
    record->finished = true;
    ++finished_records_;
    return;
  }
  folded_.acquisitions += record->acquisitions;
  folded_.forced_drops += record->forced_drops;
  folded_.wait_seconds += record->wait_seconds;
  ++folded_.threads;
  records_.remove_if([&](const GilThreadStats& r) { return &r == record; });
}

GilThreadStats Gil::thread_stats(ThreadState* ts) {
  std::lock_guard<std::mutex> lock(mutex_);
  return record_locked(ts);
}

std::vector<GilThreadStats> Gil::all_thread_stats() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<GilThreadStats> all(records_.begin(), records_.end());
  if (folded_.threads > 0) all.push_back(folded_);
  return all;
}

void Gil::take(ThreadState* ts) {
  std::unique_lock<std::mutex> lock(mutex_);
  Clock::time_point start = Clock::now();
  bool waited = false;
  for (;;) {
    if (shutdown_survivor_ != nullptr && ts != shutdown_survivor_) {
      // A daemon thread after shutdown began: park for good.
      for (;;) never_.wait(lock);
    }
    if (!locked_) break;
    waited = true;
    uint64_t seen_switches = switch_number_;
    uint64_t interval_us = interval_microseconds();
    auto interval = std::chrono::microseconds(interval_us >= 1 ? interval_us : 1);
    bool released = released_.wait_for(lock, interval, [&] { return !locked_; });
    // A full interval passed with no switch: ask the holder to drop.
    if (!released && locked_ && switch_number_ == seen_switches) {
      set_eval_breaker_bit(kGilDropRequested);
      ++stats_.drop_requests;
    }
  }
  locked_ = true;
  holder_ = ts;
  if (last_holder_ != ts) {
    last_holder_ = ts;
    ++switch_number_;
    ++stats_.switches;
  }
  ++stats_.acquisitions;
  GilThreadStats& mine = record_locked(ts);
  ++mine.acquisitions;
  if (waited) mine.wait_seconds += std::chrono::duration<double>(Clock::now() - start).count();
  // The request (if any) was answered by this hand-over.
  clear_eval_breaker_bit(kGilDropRequested);
  switched_.notify_all();
}

void Gil::drop(ThreadState* ts) {
  // Once released, the collector may run on another thread: leave it this
  // thread's stack and registers as they are now (vm/heap/stack_roots.hpp).
  if (ts != nullptr) record_stack(ts->stack);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    locked_ = false;
    holder_ = nullptr;
  }
  released_.notify_one();
}

void Gil::yield_for_switch(ThreadState* ts) {
  record_stack(ts->stack);  // as in drop()
  {
    std::unique_lock<std::mutex> lock(mutex_);
    ++stats_.forced_drops;
    ++record_locked(ts).forced_drops;
    locked_ = false;
    holder_ = nullptr;
    released_.notify_one();
    // Forced switching: do not compete for the GIL until someone else got it.
    switched_.wait(lock, [&] { return last_holder_ != ts; });
  }
  take(ts);
}

GilStats Gil::stats() {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

bool Gil::held_by(const ThreadState* ts) {
  std::lock_guard<std::mutex> lock(mutex_);
  return locked_ && holder_ == ts;
}

void Gil::begin_shutdown(ThreadState* survivor) {
  std::lock_guard<std::mutex> lock(mutex_);
  shutdown_survivor_ = survivor;
  released_.notify_all();  // waiters see the flag and park
}

void Gil::lock_for_fork() { mutex_.lock(); }
void Gil::unlock_after_fork() { mutex_.unlock(); }

void Gil::reinit_after_fork(ThreadState* survivor) {
  // The mutex was locked through fork() by this thread, which survives, so
  // it unlocks it as the parent does (re-making a locked mutex in place
  // leaves ThreadSanitizer believing it is still held). The condition
  // variables may count waiters that exist only in the parent (and glibc's
  // condition variables wait for those to acknowledge a signal): re-make
  // those three rather than reuse them.
  mutex_.unlock();
  new (&released_) std::condition_variable();
  new (&switched_) std::condition_variable();
  new (&never_) std::condition_variable();
  locked_ = true;
  holder_ = survivor;
  last_holder_ = survivor;
  // A waiter in the parent may have asked for a drop: nobody waits here.
  clear_eval_breaker_bit(kGilDropRequested);
  // Every other thread's row ends now, as if it had retired (the survivor
  // keeps its own). Collected first: retiring may fold and erase a row.
  std::vector<GilThreadStats*> others;
  for (GilThreadStats& r : records_)
    if (&r != survivor->runtime_data && !r.finished) others.push_back(&r);
  for (GilThreadStats* r : others) retire_record_locked(r);
}

GilRelease::GilRelease() : ts_(current_thread_state()) { gil().drop(ts_); }
GilRelease::~GilRelease() { gil().take(ts_); }

GilReacquire::GilReacquire() : ts_(current_thread_state()) { gil().take(ts_); }
GilReacquire::~GilReacquire() { gil().drop(ts_); }

}  // namespace gilvm
