// The garbage-collected heap: allocation, marking, sweeping, finalization.
//
// Contract
// --------
// * Every heap object is created with `gc_new<T>(...)`, which places it in a
//   size-class page (vm/heap/page_space.hpp). Nothing is freed except by
//   `Heap::collect`; objects never move.
// * Allocation never collects. It only counts, and when enough has been
//   allocated since the last collection it sets the GC bit of the eval
//   breaker (vm/eval_breaker.hpp). The thread that holds the GIL collects at
//   its next safepoint: a backward jump, a function entry, or the return
//   from a call, whatever native frames lie below it and whatever other
//   threads exist. Nothing can switch collection off.
// * At that moment every other thread is either waiting for the GIL or
//   inside a blocking call that released it; neither touches objects, so no
//   stop-the-world handshake is needed.
// * Roots:
//   - precise: what the registered root sources report (every thread
//     state's frames, exceptions and `Root` handles, the module table, the
//     interned strings, the built-in types) and the objects waiting for
//     their finalizer;
//   - conservative: every Python thread's native stack and saved registers
//     (vm/heap/stack_roots.hpp) and every ValueVector buffer
//     (vm/heap/value_vector.hpp). So C++ code may hold Values in locals
//     across calls back into Python without any rooting; Values it keeps in
//     C++ heap memory go into a ValueVector, a heap object or a `Root`.
// * Finalization: an object registered with `register_finalizer` (an
//   instance of a class with `__del__`, or a native object with its own
//   `finalize`) that marking did not reach is kept alive, with everything
//   it reaches, for one more cycle and queued. `run_finalizers` (called by
//   the safepoint right after the collection, never inside it) runs each
//   queued finalizer once; a later collection frees the object if it is
//   still unreachable. Weak references registered with `add_weak_reference`
//   are cleared when their referent is found unreachable (before finalizers
//   resurrect anything, as in CPython), also when the holder is garbage
//   too; the callbacks of holders still reachable are queued and run after
//   the finalizers.
// * A registration lapses when the object's `needs_finalization()` answers
//   false when a collection looks over the registrations, or at exit: the
//   object is then an ordinary one and its finalizer never runs. So
//   registering is one vector append, and an object that leaves the state
//   that needed a finalizer costs one virtual call at the next collection.
// * Memory goes back: the sweep unmaps empty pages beyond a small reserve
//   and dead large objects; the allocation budget until the next collection
//   follows the live heap, so a program's footprint comes down after a peak.
#pragma once

#include <cstddef>
#include <functional>
#include <new>
#include <utility>
#include <vector>

#include "vm/heap/page_space.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/object.hpp"

namespace gilvm {

class Heap {
 public:
  using RootSource = std::function<void(Tracer&)>;

  // Registers a callback that visits a family of roots at every collection.
  void add_root_source(RootSource source) { root_sources_.push_back(std::move(source)); }

  template <class T, class... Args>
  T* make(Args&&... args) {
    static_assert(alignof(T) <= 8, "heap slots are 8-byte aligned");
    void* slot = space_.allocate(sizeof(T));
    T* object;
    try {
      object = new (slot) T(std::forward<Args>(args)...);
    } catch (...) {
      space_.abandon(slot);
      throw;
    }
    note_allocation(sizeof(T));
    return object;
  }

  // make() for an object with `bytes` in all, the part past sizeof(T) being
  // storage the object addresses itself (SlottedObject's cells).
  template <class T, class... Args>
  T* make_sized(size_t bytes, Args&&... args) {
    static_assert(alignof(T) <= 8, "heap slots are 8-byte aligned");
    if (bytes < sizeof(T)) bytes = sizeof(T);
    void* slot = space_.allocate(bytes);
    T* object;
    try {
      object = new (slot) T(std::forward<Args>(args)...);
    } catch (...) {
      space_.abandon(slot);
      throw;
    }
    note_allocation(bytes);
    return object;
  }

  // Containers call this when their out-of-line storage grows, so that a
  // loop building big lists triggers collections as a loop of small objects does.
  void note_allocation(size_t bytes) {
    bytes_since_collection_ += bytes;
    if (bytes_since_collection_ > threshold_bytes_) request_collection();
  }

  // Marks from every root, frees everything unmarked, queues finalizers.
  void collect();

  // Which of `candidates` no precise root reaches: a marking that ignores
  // the native stacks and ValueVectors, and frees nothing. For emulating
  // reference counting where scripts can see it: a file dropped without
  // close() is flushed at once (stdlib/builtins/file_object.cpp).
  std::vector<Object*> unreachable_precisely(const std::vector<Object*>& candidates);

  // Finalization (see the contract). `finalize` runs an object's finalizer:
  // installed by the interpreter (it calls `__del__` or Object::finalize).
  void register_finalizer(Object* object) { finalizable_.push_back(object); }
  // Withdraws `object`'s registration if it is the most recent one (else
  // it lapses at the next collection, see the contract): a coroutine
  // awaited as soon as it is made costs a push and a pop, and the
  // collection never has to look at it.
  void withdraw_latest_finalizer(Object* object) {
    if (!finalizable_.empty() && finalizable_.back() == object) finalizable_.pop_back();
  }
  void set_finalizer_runner(void (*run)(Object*)) { finalizer_runner_ = run; }
  // Runs the queued finalizers and weak-reference callbacks; a no-op when
  // called again from inside one of them.
  void run_finalizers();
  // At exit: runs the finalizers of every registered object still alive, as
  // CPython does when it tears down modules.
  void finalize_all_at_exit();

  // Weak references: when `referent` becomes unreachable, `cleared(holder)`
  // runs inside the collection (it may only reset fields, not allocate or
  // run Python), whether or not `holder` is reachable; if `holder` is,
  // `callback(holder)` runs later, after the finalizers.
  struct WeakReference {
    Object* referent;
    Object* holder;
    void (*cleared)(Object* holder);
    void (*callback)(Object* holder);  // may be null
  };
  void add_weak_reference(const WeakReference& ref) { weak_references_.push_back(ref); }

  size_t object_count() const { return space_.live_objects(); }
  size_t collections() const { return collections_; }
  size_t freed_by_last_collection() const { return freed_by_last_; }
  size_t mapped_bytes() const { return space_.mapped_bytes(); }
  // Freed slots kept poisoned in sanitizer builds (0 elsewhere).
  size_t quarantined_bytes() const { return space_.quarantined_bytes(); }
  // The allocation budget between collections; tests set small ones.
  size_t threshold() const { return threshold_bytes_; }
  void set_threshold(size_t bytes) { threshold_bytes_ = bytes; }
  // Stress mode: request a collection after every allocation, so that every
  // safepoint collects. Finds missing roots quickly (GILVM_GC_STRESS=1).
  void set_stress(bool on) {
    stress_ = on;
    if (on) min_threshold_bytes_ = threshold_bytes_ = 0;
  }

  // The conservative lookup behind Tracer::visit_word.
  Object* object_containing(uintptr_t address) const { return space_.object_containing(address); }

 private:
  void request_collection();
  void drain(Tracer& tracer);
  void mark_from_roots(bool conservative);
  void clear_dead_weak_references();
  void forget_dead_weak_holders();
  void resurrect_finalizable(Tracer& tracer);

  std::vector<RootSource> root_sources_;
  PageSpace space_;
  Tracer tracer_;
  bool collecting_ = false;
  size_t collections_ = 0;
  size_t freed_by_last_ = 0;
  size_t bytes_since_collection_ = 0;
  size_t threshold_bytes_ = 4u << 20;
  size_t min_threshold_bytes_ = 4u << 20;
  bool stress_ = false;

  std::vector<Object*> finalizable_;        // registered, not yet finalized
  std::vector<Object*> pending_finalizers_; // unreachable, finalizer not yet run (roots)
  std::vector<Object*> pending_callbacks_;  // weak-reference holders whose callback is due (roots)
  std::vector<void (*)(Object*)> pending_callback_fns_;
  std::vector<WeakReference> weak_references_;
  void (*finalizer_runner_)(Object*) = nullptr;
  bool running_finalizers_ = false;
};

Heap& heap();

template <class T, class... Args>
T* gc_new(Args&&... args) {
  return heap().make<T>(std::forward<Args>(args)...);
}

}  // namespace gilvm
