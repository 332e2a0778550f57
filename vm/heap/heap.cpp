#include "vm/heap/heap.hpp"

#include "vm/eval_breaker.hpp"
#include "vm/objects/dict.hpp"

namespace gilvm {

Heap& heap() {
  static Heap* the_heap = new Heap();  // never destroyed: objects outlive statics
  return *the_heap;
}

void Heap::request_collection() { set_eval_breaker_bit(kGcRequested); }

// Mark: the epoch counter flips the meaning of gc_mark each collection, so
// there is no separate pass to clear marks. Sweep: unlink and delete every
// object whose mark is not the current epoch.
void Heap::collect() {
  ++tracer_.epoch_;
  if (tracer_.epoch_ == 0) ++tracer_.epoch_;  // 0 would collide with fresh objects
  const uint32_t epoch = tracer_.epoch_;
  tracer_.references_ = 0;
  for (auto& source : root_sources_) source(tracer_);
  std::vector<Object*>& work = tracer_.worklist_;
  while (!work.empty()) {
    Object* object = work.back();
    work.pop_back();
    tracer_.visit(object->type);
    tracer_.visit(object->attrs);
    object->trace(tracer_);
  }

  size_t survivors = 0;
  Object** link = &all_objects_;
  while (Object* object = *link) {
    if (object->gc_mark == epoch) {
      ++survivors;
      link = &object->gc_next;
    } else {
      *link = object->gc_next;
      delete object;
    }
  }
  object_count_ = survivors;
  ++collections_;
  bytes_since_collection_ = 0;
  // Grow the budget with the cost of marking the live heap, so that the
  // time spent collecting stays proportional to allocation: about 64 bytes
  // a live object, plus 8 a reference traced, which counts what one big
  // container (a dict of a million ints) costs to mark on every collection.
  size_t live_estimate = survivors * 64 + tracer_.references_ * 8;
  threshold_bytes_ = live_estimate > min_threshold_bytes_ ? live_estimate : min_threshold_bytes_;
  if (stress_) threshold_bytes_ = 0;
}

}  // namespace gilvm
