// The global interpreter lock.
//
// Contract
// --------
// * Exactly one thread holds the GIL while it runs Python code or touches
//   objects. Every other thread that wants to run is waiting in `take()`, or
//   is inside a blocking call that released the GIL through `GilRelease`
//   and will call `take()` again before touching objects.
// * Modeled on CPython's "new GIL" (3.2+): a mutex and condition variables,
//   a `locked` flag, the last holder and a switch counter. A thread that
//   wants the GIL waits up to one switch interval; if the GIL changed hands
//   meanwhile it just keeps waiting, otherwise it sets the eval breaker's
//   GIL-drop-request bit. The holder sees the bit at its next safepoint
//   (backward jump, function entry, return from a call), drops the GIL and,
//   with forced switching, waits until another thread has taken it, so a
//   CPU-bound thread cannot immediately re-take it.
// * A drop request is only ever set by a thread blocked in `take()`, so the
//   dropping thread's wait for a switch always ends.
// * Blocking operations (sleep, lock and queue waits, join, I/O) release the
//   GIL with the RAII guard `GilRelease`; uncontended fast paths do not.
// * Every release (drop, yield_for_switch) first records the thread's stack
//   pointer and registers: while it does not hold the GIL, the collector
//   scans its stack from there (vm/heap/stack_roots.hpp). So code inside a
//   GilRelease region must not load, store or move Values at all: the frame
//   that opened the region must keep what it references where it was.
// * The switch interval is stored in microseconds, as in CPython:
//   sys.setswitchinterval(s) truncates 1e6 * s, and waits use at least 1 us.
// * Shutdown: once `begin_shutdown(survivor)` is called (the main thread,
//   after joining the non-daemon threads), every other thread that tries to
//   take the GIL blocks forever instead. Daemon threads therefore never run
//   Python again while the process ends, and never touch objects that the
//   exit path is tearing down; the process then ends with _exit.
// * Counters (acquisitions, switches, drop requests, forced drops, time
//   spent waiting per thread) are kept under the GIL's mutex; reading them
//   is for the `gil` module and --gil-stats.
// * fork() (runtime/fork.hpp): the forking thread holds the GIL and also
//   locks the GIL's mutex across the call (`lock_for_fork`), so no other
//   thread is half-way through updating the counters or records when the
//   address space is copied. The parent unlocks it (`unlock_after_fork`);
//   the child re-creates the mutex and condition variables, whose waiters
//   do not exist there, and marks every other thread's record finished
//   (`reinit_after_fork`).
// * Per-thread records live in the GIL's registry, not in the thread state,
//   so a thread's row outlives the thread (the --gil-stats table is printed
//   at exit). Past kKeptFinishedThreads ended threads, the records of later
//   ones are folded into one "other threads" row, so a script that starts a
//   million short threads does not keep a million rows.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <vector>

namespace gilvm {

struct ThreadState;

struct GilThreadStats {
  std::string name;
  uint64_t acquisitions = 0;
  uint64_t forced_drops = 0;
  double wait_seconds = 0;
  bool finished = false;
  uint64_t threads = 1;  // more than one only in the folded row
};

struct GilStats {
  uint64_t acquisitions = 0;
  uint64_t switches = 0;
  uint64_t drop_requests = 0;
  uint64_t forced_drops = 0;
};

class Gil {
 public:
  // Takes the GIL for `ts`, waiting (and requesting a drop) as needed.
  void take(ThreadState* ts);
  // Releases the GIL held by `ts`.
  void drop(ThreadState* ts);
  // Answers a drop request: drop, wait until another thread took the GIL,
  // then take it again. Called at a safepoint by the holder.
  void yield_for_switch(ThreadState* ts);

  void set_interval_microseconds(uint64_t us) { interval_us_.store(us, std::memory_order_relaxed); }
  uint64_t interval_microseconds() const { return interval_us_.load(std::memory_order_relaxed); }

  GilStats stats();
  bool held_by(const ThreadState* ts);

  // The per-thread records (see the contract above).
  void name_thread(ThreadState* ts, std::string name);
  // Marks the thread's record finished; `ts` must not take the GIL again.
  void retire_thread(ThreadState* ts);
  GilThreadStats thread_stats(ThreadState* ts);
  // Every record in start order, the folded row (if any) last.
  std::vector<GilThreadStats> all_thread_stats();
  static constexpr size_t kKeptFinishedThreads = 64;

  // From now on only `survivor` may take the GIL (see the contract).
  void begin_shutdown(ThreadState* survivor);

  // fork(): called by the GIL holder right before fork() ...
  void lock_for_fork();
  // ... then in the parent ...
  void unlock_after_fork();
  // ... or in the child, where only the forking thread survives and holds
  // the GIL: re-creates the lock state and retires the other threads' rows.
  void reinit_after_fork(ThreadState* survivor);

 private:
  std::mutex mutex_;
  std::condition_variable released_;  // the GIL became free
  std::condition_variable switched_;  // another thread took the GIL
  std::condition_variable never_;     // where threads park after shutdown began
  ThreadState* shutdown_survivor_ = nullptr;
  bool locked_ = false;
  ThreadState* holder_ = nullptr;
  ThreadState* last_holder_ = nullptr;
  uint64_t switch_number_ = 0;
  std::atomic<uint64_t> interval_us_{5000};  // set without the mutex (sys.setswitchinterval)
  GilStats stats_;
  std::list<GilThreadStats> records_;  // stable addresses: ThreadState::runtime_data points in
  size_t finished_records_ = 0;
  GilThreadStats folded_{"(other threads)", 0, 0, 0, true, 0};

  GilThreadStats& record_locked(ThreadState* ts);
  void retire_record_locked(GilThreadStats* record);
};

Gil& gil();

// Releases the GIL for the duration of a blocking call (no objects may be
// touched inside), then takes it back.
class GilRelease {
 public:
  GilRelease();
  ~GilRelease();
  GilRelease(const GilRelease&) = delete;
  GilRelease& operator=(const GilRelease&) = delete;

 private:
  ThreadState* ts_;
};

// The inverse guard: inside a GilRelease, takes the GIL back for a callback
// that must touch objects (readline's completion hook), then releases it.
class GilReacquire {
 public:
  GilReacquire();
  ~GilReacquire();
  GilReacquire(const GilReacquire&) = delete;
  GilReacquire& operator=(const GilReacquire&) = delete;

 private:
  ThreadState* ts_;
};

// Makes the runtime's eval-breaker handler serve GIL drop requests.
void install_gil_breaker();

}  // namespace gilvm
