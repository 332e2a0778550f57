// The iterators of collections.deque: _deque_iterator and
// _deque_reverse_iterator. They step through Type::iter_step and stop
// with RuntimeError "deque mutated during iteration" when the deque's
// length changed (or it was rotated) since they were made.
#include "stdlib/collections/deque.hpp"
#include "stdlib/native_iterator.hpp"

namespace gilvm::deque_impl {

namespace {

Type* iterator_type = nullptr;
Type* reverse_iterator_type = nullptr;

struct DequeIterator : Object {
  Deque* deque;
  size_t index = 0;      // position in the deque of the next item
  size_t remaining = 0;  // items left to produce
  uint64_t state = 0;
  DequeIterator(Type* t, Deque* d) : Object(t), deque(d), remaining(d->size), state(d->state) {}
  void trace(Tracer& t) override { t.visit(deque); }
};

void check_state(DequeIterator* it) {
  if (it->deque->state != it->state) {
    it->remaining = 0;
    raise_runtime_error("deque mutated during iteration");
  }
}

Value forward_step(Object* self) {
  auto* it = static_cast<DequeIterator*>(self);
  check_state(it);
  if (it->remaining == 0) return Value::null();
  --it->remaining;
  return it->deque->at(it->index++);
}

Value reverse_step(Object* self) {
  auto* it = static_cast<DequeIterator*>(self);
  check_state(it);
  if (it->remaining == 0) return Value::null();
  --it->remaining;
  return it->deque->at(it->index--);
}

Value length_hint(const CallArgs& a) {
  auto* it = a[0].as<DequeIterator>();
  return make_int(static_cast<int64_t>(it->remaining));
}

}  // namespace

Value new_deque_iterator(Deque* d, bool reversed) {
  auto* it = gc_new<DequeIterator>(reversed ? reverse_iterator_type : iterator_type, d);
  if (reversed) it->index = d->size - 1;  // unused when the deque is empty
  return it;
}

void install_deque_iterators() {
  if (iterator_type != nullptr) return;
  using native_iterator::define;
  define<DequeIterator, &iterator_type, forward_step>("_deque_iterator", "_collections", native_iterator::no_construct);
  define<DequeIterator, &reverse_iterator_type, reverse_step>("_deque_reverse_iterator", "_collections",
                                                              native_iterator::no_construct);
  for (Type* t : {iterator_type, reverse_iterator_type}) {
    t->allows_subclassing = false;
    add_method(t, "__length_hint__", length_hint);
  }
}

}  // namespace gilvm::deque_impl
