#include "vm/objects/sequence.hpp"

#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/objects/number.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

Range::Range(Type* t, int64_t a, int64_t b, int64_t s) : Object(t), start(a), stop(b), step(s) {
  if (s > 0)
    length = a < b ? (b - a - 1) / s + 1 : 0;
  else
    length = a > b ? (a - b - 1) / (-s) + 1 : 0;
}

Tuple* new_tuple(std::vector<Value> items) {
  if (items.empty()) return empty_tuple();
  if (items.size() > 8) heap().note_allocation(items.size() * sizeof(Value));
  return gc_new<Tuple>(types().tuple, std::move(items));
}

Tuple* empty_tuple() {
  static Tuple* the_empty_tuple = nullptr;  // rooted by the bootstrap's root source
  if (the_empty_tuple == nullptr) the_empty_tuple = gc_new<Tuple>(types().tuple);
  return the_empty_tuple;
}

List* new_list(std::vector<Value> items) {
  if (items.size() > 8) heap().note_allocation(items.size() * sizeof(Value));
  return gc_new<List>(types().list, std::move(items));
}

// Python's slice.indices(length), in int64 (lengths never exceed that).
SliceBounds slice_bounds(const Slice* s, int64_t length) {
  int64_t step = 1;
  if (!s->step.is_none()) {
    step = index_value(s->step);
    if (step == 0) raise_value_error("slice step cannot be zero");
  }
  auto clamp = [&](Value v, int64_t fallback_positive, int64_t fallback_negative) -> int64_t {
    if (v.is_none()) return step > 0 ? fallback_positive : fallback_negative;
    int64_t i;
    if (!int_to_int64(v, &i)) {
      // A huge index: clamp by sign without overflowing.
      i = index_value(v);
    }
    if (i < 0) {
      i += length;
      if (i < 0) i = step < 0 ? -1 : 0;
    } else if (i >= length) {
      i = step < 0 ? length - 1 : length;
    }
    return i;
  };
  SliceBounds b;
  b.step = step;
  b.start = clamp(s->start, 0, length - 1);
  b.stop = clamp(s->stop, length, -1);
  if (step > 0)
    b.count = b.start < b.stop ? (b.stop - b.start - 1) / step + 1 : 0;
  else
    b.count = b.start > b.stop ? (b.start - b.stop - 1) / (-step) + 1 : 0;
  return b;
}

int64_t normalize_index(Value index, int64_t length, const char* what) {
  int64_t i;
  if (index.is_small_int()) {
    i = index.small_int_value();
  } else {
    if (!has_index(index))
      raise_type_error(std::string(what) + " must be integers or slices, not " + type_name(index));
    i = index_value(index);
  }
  if (i < 0) i += length;
  if (i < 0 || i >= length) raise_index_error(std::string(what) + " out of range");
  return i;
}

}  // namespace gilvm
