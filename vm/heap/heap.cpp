#include "vm/heap/heap.hpp"

#include <malloc.h>

#include "vm/eval_breaker.hpp"
#include "vm/objects/dict.hpp"

namespace gilvm {

namespace {
constexpr size_t kTrimAfterFreedObjects = 200000;
}  // namespace

Heap& heap() {
  static Heap* the_heap = new Heap();  // never destroyed: objects outlive statics
  return *the_heap;
}

void Heap::request_collection() { set_eval_breaker_bit(kGcRequested); }

void Tracer::visit_word(uintptr_t word) {
  if (!conservative_) return;
  Object* o = heap().object_containing(word);
  if (o != nullptr && heap_layout::PageHeader::of(o)->mark(o)) worklist_.push_back(o);
}

void Heap::drain(Tracer& tracer) {
  std::vector<Object*>& work = tracer.worklist_;
  while (!work.empty()) {
    Object* object = work.back();
    work.pop_back();
    tracer.visit(object->type);
    tracer.visit(object->attrs);
    object->trace(tracer);
  }
}

namespace {
bool is_marked(const Object* o) { return heap_layout::PageHeader::of(o)->is_marked(o); }
}  // namespace

// Runs between marking and finalization: a weak reference sees its referent
// die even if a finalizer is about to resurrect it (CPython clears weak
// references before it calls finalizers, for the same reason: the callback
// must not see a half-finalized object). Every reference to a dead referent
// is cleared, also one whose holder is itself unreachable: a finalizer may
// resurrect that holder, which must then not point at a freed object. Only
// a holder marked now gets its callback (CPython skips the callbacks of
// weak references that are garbage themselves).
void Heap::clear_dead_weak_references() {
  size_t kept = 0;
  for (const WeakReference& ref : weak_references_) {
    if (!is_marked(ref.referent)) {
      ref.cleared(ref.holder);
      if (ref.callback != nullptr && is_marked(ref.holder)) {
        pending_callbacks_.push_back(ref.holder);
        pending_callback_fns_.push_back(ref.callback);
      }
      continue;
    }
    weak_references_[kept++] = ref;
  }
  weak_references_.resize(kept);
}

// After all marking (finalizers' resurrection included): the registrations
// whose holder is about to be swept are forgotten.
void Heap::forget_dead_weak_holders() {
  std::erase_if(weak_references_, [](const WeakReference& ref) { return !is_marked(ref.holder); });
}

// Unreachable objects with finalizers, and everything they reach, survive
// this collection so that their finalizer can run on an intact object.
void Heap::resurrect_finalizable(Tracer& tracer) {
  size_t kept = 0;
  size_t first_new = pending_finalizers_.size();
  for (Object* o : finalizable_) {
    if (!o->needs_finalization()) continue;  // the registration lapses (see the contract)
    if (is_marked(o)) {
      finalizable_[kept++] = o;
    } else {
      pending_finalizers_.push_back(o);
    }
  }
  finalizable_.resize(kept);
  for (size_t i = first_new; i < pending_finalizers_.size(); ++i) tracer.visit(pending_finalizers_[i]);
  drain(tracer);
}

// Marks everything the roots reach; with `conservative` false the native
// stacks, saved registers and ValueVector buffers are left out.
void Heap::mark_from_roots(bool conservative) {
  tracer_.conservative_ = conservative;
  for (auto& source : root_sources_) source(tracer_);
  if (conservative) rooted_buffers::scan_all(tracer_);
  for (Object* o : pending_finalizers_) tracer_.visit(o);
  for (Object* o : pending_callbacks_) tracer_.visit(o);
  drain(tracer_);
  tracer_.conservative_ = true;
}

void Heap::collect() {
  if (collecting_) return;
  collecting_ = true;
  tracer_.references_ = 0;
  mark_from_roots(true);
  clear_dead_weak_references();
  resurrect_finalizable(tracer_);
  forget_dead_weak_holders();

  size_t before = space_.live_objects();
  size_t survivors = space_.sweep();
  freed_by_last_ = before - survivors;
  // The objects' own buffers (list items, dict tables, strings) come from
  // malloc, which keeps freed memory in its free lists; after a collection
  // that freed most of a big heap, ask it to give the free pages back.
  if (freed_by_last_ > kTrimAfterFreedObjects && freed_by_last_ > survivors) malloc_trim(0);
  ++collections_;
  bytes_since_collection_ = 0;
  // Grow the budget with the cost of marking the live heap, so that the
  // time spent collecting stays proportional to allocation: about 64 bytes
  // a live object, plus 8 a reference traced, which counts what one big
  // container (a dict of a million ints) costs to mark on every collection.
  size_t live_estimate = survivors * 64 + tracer_.references_ * 8;
  threshold_bytes_ = live_estimate > min_threshold_bytes_ ? live_estimate : min_threshold_bytes_;
  if (stress_) threshold_bytes_ = 0;
  space_.release_empty_pages(threshold_bytes_);
  collecting_ = false;
}

std::vector<Object*> Heap::unreachable_precisely(const std::vector<Object*>& candidates) {
  std::vector<Object*> unreachable;
  if (collecting_) return unreachable;
  collecting_ = true;
  mark_from_roots(false);
  for (Object* o : candidates)
    if (!is_marked(o)) unreachable.push_back(o);
  space_.clear_marks();
  collecting_ = false;
  return unreachable;
}

// Finalizers run in the order their objects were found unreachable, then
// the weak-reference callbacks: the order CPython shows for an object that
// is not in a cycle (its __del__, then the callbacks of the references it
// leaves). The queues stay roots until they are done, so an object whose
// finalizer is running cannot be freed by a collection that the finalizer
// itself causes.
void Heap::run_finalizers() {
  if (running_finalizers_ || finalizer_runner_ == nullptr) return;
  running_finalizers_ = true;
  size_t next_callback = 0, next_finalizer = 0;
  while (next_callback < pending_callbacks_.size() || next_finalizer < pending_finalizers_.size()) {
    if (next_finalizer < pending_finalizers_.size()) {
      finalizer_runner_(pending_finalizers_[next_finalizer++]);
    } else {
      Object* holder = pending_callbacks_[next_callback];
      void (*callback)(Object*) = pending_callback_fns_[next_callback];
      ++next_callback;
      callback(holder);
    }
  }
  pending_callbacks_.clear();
  pending_callback_fns_.clear();
  pending_finalizers_.clear();
  running_finalizers_ = false;
}

void Heap::finalize_all_at_exit() {
  while (!finalizable_.empty()) {
    for (Object* o : finalizable_)
      if (o->needs_finalization()) pending_finalizers_.push_back(o);
    finalizable_.clear();
    run_finalizers();
    if (running_finalizers_) return;  // called from inside a finalizer
  }
}

}  // namespace gilvm
