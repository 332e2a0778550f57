// The iterator for objects that only have __getitem__: it asks for items
// 0, 1, 2, ... until IndexError (or StopIteration), as Python's iter() does.
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/objects/number.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {
struct SequenceIterator : Object {
  Value sequence;  // null once exhausted
  int64_t index = 0;
  SequenceIterator(Type* t, Value s) : Object(t), sequence(s) {}
  void trace(Tracer& t) override { t.visit(sequence); }
};
}  // namespace

Value sequence_iterator_next(const CallArgs& a) {
  auto* it = a[0].as<SequenceIterator>();
  if (it->sequence.is_null()) raise_stop_iteration(Value::null());
  try {
    Value item = get_item(it->sequence, make_int(it->index));
    ++it->index;
    return item;
  } catch (PyException&) {
    if (exception_matches(exc().IndexError) || exception_matches(exc().StopIteration)) {
      take_current_exception();
      it->sequence = Value::null();
      raise_stop_iteration(Value::null());
    }
    throw;
  }
}

Value make_sequence_iterator(Value sequence) { return gc_new<SequenceIterator>(types().iterator, sequence); }

}  // namespace gilvm
