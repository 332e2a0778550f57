// The handle table behind api::Object, and the GIL guards host code uses.
//
// Contract
// --------
// * The table is a vector of Values with a free list, under its own mutex;
//   the collector visits every slot through a root source (taking the same
//   mutex), so a value with a handle survives every collection. Copying or
//   dropping a handle touches only the table: no GIL needed, any thread.
// * Host threads (threads the runtime did not start) get a ThreadState on
//   their first GilAcquire, registered with the collector until the thread
//   ends (a thread_local owns it). Its precise roots (exceptions, Root
//   handles, exit hooks) are visited like any thread's; its native stack is
//   scanned only while the thread is inside the interpreter: the outermost
//   guard releases the GIL without recording the stack and leaves an empty
//   snapshot, because between calls the host's frames change freely.
// * A guard that takes the GIL for a thread that already holds it does
//   nothing (re-entrant); releasing the GIL on a thread that does not hold
//   it throws instead of corrupting the lock.
#include <pthread.h>

#include <mutex>
#include <vector>

#include "runtime/embed/internal.hpp"
#include "runtime/gil.hpp"
#include "vm/heap/heap.hpp"
#include "vm/thread_state.hpp"

namespace gilvm::embed {

namespace {

struct HandleTable {
  std::mutex mutex;
  std::vector<Value> values{Value()};  // slot 0: the null handle
  std::vector<uint32_t> free_slots;
};

HandleTable& table() {
  static auto* t = new HandleTable();  // never destroyed: handles may outlive main()
  return *t;
}

uint32_t allocate_locked(HandleTable& t, Value v) {
  if (!t.free_slots.empty()) {
    uint32_t slot = t.free_slots.back();
    t.free_slots.pop_back();
    t.values[slot] = v;
    return slot;
  }
  t.values.push_back(v);
  return static_cast<uint32_t>(t.values.size() - 1);
}

// A host thread's own state (see the contract).
struct HostThread {
  ThreadState* ts = nullptr;
  int depth = 0;  // GilAcquire guards on this thread that took the GIL
  ~HostThread() {
    if (ts == nullptr) return;
    unregister_thread_state(ts);
    gil().retire_thread(ts);
    if (current_thread_state() == ts) set_current_thread_state(nullptr);
    delete ts;
  }
};
thread_local HostThread host;

std::atomic<bool> running{false};

size_t this_thread_stack_size() {
  pthread_attr_t attr;
  size_t size = 8u << 20;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstacksize(&attr, &size);
    pthread_attr_destroy(&attr);
  }
  return size;
}

}  // namespace

uint32_t new_handle(Value v) {
  if (v.is_null()) return 0;
  HandleTable& t = table();
  std::lock_guard<std::mutex> lock(t.mutex);
  return allocate_locked(t, v);
}

Value handle_value(uint32_t slot) {
  if (slot == 0) throw api::Error("ValueError", "gilvm: use of a null gilvm::Object");
  HandleTable& t = table();
  std::lock_guard<std::mutex> lock(t.mutex);
  return t.values[slot];
}

void register_handle_roots() {
  heap().add_root_source([](Tracer& tracer) {
    HandleTable& t = table();
    std::lock_guard<std::mutex> lock(t.mutex);
    for (Value v : t.values) tracer.visit(v);
  });
}

bool interpreter_running() { return running.load(std::memory_order_acquire); }
void set_interpreter_running(bool on) { running.store(on, std::memory_order_release); }

ThreadState* host_thread_state() {
  ThreadState* ts = current_thread_state();
  if (ts != nullptr) return ts;
  ts = new ThreadState();
  host.ts = ts;
  set_current_thread_state(ts);
  note_c_stack_base(ts, this_thread_stack_size());
  gil().name_thread(ts, "host thread");
  register_thread_state(ts);  // its stack snapshot is empty: nothing scanned yet
  return ts;
}

void enter_host_thread(ThreadState* ts) {
  if (ts == host.ts) ++host.depth;
}

bool leave_host_thread(ThreadState* ts) {
  if (ts != host.ts || --host.depth > 0) return false;
  // Leaving the interpreter altogether (the GIL is still held, so no
  // collection runs meanwhile): nothing of the interpreter's stays on this
  // stack, which host code is about to reuse.
  ts->stack = StackSnapshot{};
  return true;
}

}  // namespace gilvm::embed

namespace gilvm::api {

namespace detail {

uint32_t handle_copy(uint32_t slot) {
  if (slot == 0) return 0;
  auto& t = embed::table();
  std::lock_guard<std::mutex> lock(t.mutex);
  return embed::allocate_locked(t, t.values[slot]);
}

void handle_release(uint32_t slot) {
  if (slot == 0) return;
  auto& t = embed::table();
  std::lock_guard<std::mutex> lock(t.mutex);
  t.values[slot] = Value();
  t.free_slots.push_back(slot);
}

}  // namespace detail

GilAcquire::GilAcquire() {
  if (!embed::interpreter_running())
    throw Error("RuntimeError", "gilvm: no interpreter is running (create a gilvm::Interpreter first)");
  ThreadState* ts = embed::host_thread_state();
  if (gil().held_by(ts)) return;
  embed::enter_host_thread(ts);
  gil().take(ts);
  took_ = true;
}

GilAcquire::~GilAcquire() {
  if (!took_) return;
  ThreadState* ts = current_thread_state();
  // Leaving the interpreter: release without recording this stack (drop
  // records it when given the thread state), so no collection scans frames
  // that host code is about to reuse.
  bool leaving = embed::leave_host_thread(ts);
  gil().drop(leaving ? nullptr : ts);
}

GilRelease::GilRelease() {
  ThreadState* ts = current_thread_state();
  if (ts == nullptr || !gil().held_by(ts))
    throw Error("RuntimeError", "gilvm::GilRelease: the calling thread does not hold the GIL");
  gil().drop(ts);
}

GilRelease::~GilRelease() { gil().take(current_thread_state()); }

bool gil_held() {
  ThreadState* ts = current_thread_state();
  return ts != nullptr && gil().held_by(ts);
}

}  // namespace gilvm::api
