// The garbage collector: a precise, non-moving mark-and-sweep collector
// that runs only at safepoints.
//
// Contract
// --------
// * Every heap object is created with `gc_new<T>(...)`, which links it into the
//   heap's list of all objects. Nothing is freed except by `Heap::collect`.
// * Allocation never collects. It only counts, and when enough has been
//   allocated since the last collection it sets the GC bit of the eval
//   breaker (vm/eval_breaker.hpp). The thread that holds the GIL collects at
//   its next eval-breaker check in the interpreter loop: a backward jump,
//   a function entry, or the return from a call.
// * At that moment every other thread is either waiting for the GIL or inside
//   a blocking call that released it; neither touches objects, so no
//   stop-the-world handshake is needed.
// * Roots are what the registered root sources report: every thread state's
//   frames and value stacks, its in-flight exception, its `Root` handles, the
//   module table, the interned strings and the built-in types.
// * Native (C++) code may hold unrooted Values across anything except a call
//   back into Python. Calls back into Python made through the ordinary
//   `call_object` defer collection until the outermost such call returns
//   (Heap::defer_collection). The count is process-wide, not per thread:
//   while thread A sits in a native with unrooted temporaries, thread B must
//   not collect either. So a native that forgets a root is still safe. Natives that run Python for a long time (a thread's run(), the event
//   loop, list(generator)) root their own temporaries with `Root` and call
//   through the GC-permitting entry, so garbage made there is collected too.
#pragma once

#include <cstddef>
#include <functional>
#include <new>
#include <utility>
#include <vector>

#include "vm/object.hpp"

namespace gilvm {

class Heap {
 public:
  using RootSource = std::function<void(Tracer&)>;

  // Registers a callback that visits a family of roots at every collection.
  void add_root_source(RootSource source) { root_sources_.push_back(std::move(source)); }

  template <class T, class... Args>
  T* make(Args&&... args) {
    T* object = new T(std::forward<Args>(args)...);
    object->gc_mark = tracer_.epoch_ - 1;  // unmarked for the current epoch
    object->gc_next = all_objects_;
    all_objects_ = object;
    ++object_count_;
    note_allocation(sizeof(T));
    return object;
  }

  // Containers call this when their out-of-line storage grows, so that a
  // loop building big lists triggers collections as a loop of small objects does.
  void note_allocation(size_t bytes) {
    bytes_since_collection_ += bytes;
    if (bytes_since_collection_ > threshold_bytes_) request_collection();
  }

  // Marks from every root source, frees everything unmarked.
  void collect();

  // Brackets a call back into Python made by native code (see the contract).
  // Only the GIL holder calls these, so a plain counter suffices.
  void defer_collection() { ++deferral_depth_; }
  void allow_collection() { --deferral_depth_; }
  bool collection_allowed() const { return deferral_depth_ == 0; }

  size_t object_count() const { return object_count_; }
  size_t collections() const { return collections_; }
  // The allocation budget between collections; tests set small ones.
  size_t threshold() const { return threshold_bytes_; }
  void set_threshold(size_t bytes) { threshold_bytes_ = bytes; }
  // Stress mode: request a collection after every allocation, so that every
  // safepoint collects. Finds missing roots quickly (GILVM_GC_STRESS=1).
  void set_stress(bool on) {
    stress_ = on;
    if (on) min_threshold_bytes_ = threshold_bytes_ = 0;
  }

 private:
  void request_collection();

  std::vector<RootSource> root_sources_;
  Tracer tracer_;
  Object* all_objects_ = nullptr;
  size_t object_count_ = 0;
  int deferral_depth_ = 0;
  size_t collections_ = 0;
  size_t bytes_since_collection_ = 0;
  size_t threshold_bytes_ = 8u << 20;
  size_t min_threshold_bytes_ = 8u << 20;
  bool stress_ = false;
};

Heap& heap();

template <class T, class... Args>
T* gc_new(Args&&... args) {
  return heap().make<T>(std::forward<Args>(args)...);
}

}  // namespace gilvm
