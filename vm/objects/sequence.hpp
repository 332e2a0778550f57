// tuple, list, range and slice.
#pragma once

#include <type_traits>
#include <vector>

#include "vm/heap/value_vector.hpp"
#include "vm/object.hpp"

namespace gilvm {

struct Tuple : Object {
  std::vector<Value> items;
  mutable int64_t hash = -1;
  explicit Tuple(Type* t) : Object(t) {}
  Tuple(Type* t, std::vector<Value> v) : Object(t), items(std::move(v)) {}
  void trace(Tracer& tr) override { tr.visit_all(items); }
  size_t size() const { return items.size(); }
};

struct List : Object {
  std::vector<Value> items;
  explicit List(Type* t) : Object(t) {}
  List(Type* t, std::vector<Value> v) : Object(t), items(std::move(v)) {}
  void trace(Tracer& tr) override { tr.visit_all(items); }
  size_t size() const { return items.size(); }
};

struct Range : Object {
  int64_t start, stop, step, length;
  // A range whose bounds or length do not fit int64 (range(10**30)) keeps
  // them here as ints and leaves the int64 fields unused; null otherwise.
  Value big_start, big_stop, big_step, big_length;
  Range(Type* t, int64_t a, int64_t b, int64_t s);
  bool is_big() const { return !big_length.is_null(); }
  void trace(Tracer& tr) override {
    tr.visit(big_start);
    tr.visit(big_stop);
    tr.visit(big_step);
    tr.visit(big_length);
  }
};

// range(start, stop, step) for any ints (step != 0): an int64 Range when
// everything fits, a big one otherwise.
Range* new_range(Type* type, Value start, Value stop, Value step);

struct Slice : Object {
  Value start, stop, step;
  Slice(Type* t, Value a, Value b, Value s) : Object(t), start(a), stop(b), step(s) {}
  void trace(Tracer& tr) override {
    tr.visit(start);
    tr.visit(stop);
    tr.visit(step);
  }
};

Tuple* new_tuple(std::vector<Value> items = {});
Tuple* empty_tuple();
List* new_list(std::vector<Value> items = {});
// From a native's ValueVector (or any other vector of Values): copies.
template <class Allocator>
  requires(!std::is_same_v<Allocator, std::allocator<Value>>)
Tuple* new_tuple(const std::vector<Value, Allocator>& items) {
  return new_tuple(std::vector<Value>(items.begin(), items.end()));
}
template <class Allocator>
  requires(!std::is_same_v<Allocator, std::allocator<Value>>)
List* new_list(const std::vector<Value, Allocator>& items) {
  return new_list(std::vector<Value>(items.begin(), items.end()));
}

// The fast path of seq[i] shared by the interpreter (BINARY_SUBSCR,
// STORE_SUBSCR) and get_item/set_item: the item's place in an exact list
// (or, for reading, an exact tuple) when the index is a small int in range
// (negative ones counting from the end), else null and the caller takes
// the general path, which also raises the errors.
inline Value* list_item_slot(Value container, Value index, Type* list_type) {
  if (!index.is_small_int() || !container.is_object() || container.object()->type != list_type) return nullptr;
  std::vector<Value>& items = static_cast<List*>(container.object())->items;
  int64_t i = index.small_int_value();
  auto n = static_cast<int64_t>(items.size());
  if (i < 0) i += n;
  return i >= 0 && i < n ? &items[static_cast<size_t>(i)] : nullptr;
}
inline const Value* sequence_item_slot(Value container, Value index, Type* list_type, Type* tuple_type) {
  if (!index.is_small_int() || !container.is_object()) return nullptr;
  Type* t = container.object()->type;
  const std::vector<Value>* items = t == list_type    ? &static_cast<List*>(container.object())->items
                                    : t == tuple_type ? &static_cast<Tuple*>(container.object())->items
                                                      : nullptr;
  if (items == nullptr) return nullptr;
  int64_t i = index.small_int_value();
  auto n = static_cast<int64_t>(items->size());
  if (i < 0) i += n;
  return i >= 0 && i < n ? &(*items)[static_cast<size_t>(i)] : nullptr;
}

// Python's slice.indices(): clamps a slice to a sequence of `length`.
struct SliceBounds {
  int64_t start, stop, step, count;
  // The sequence index of the i-th selected item (0 <= i < count); never
  // steps past the last one, so a huge step cannot overflow.
  int64_t at(int64_t i) const { return start + i * step; }
};
SliceBounds slice_bounds(const Slice* s, int64_t length);
// One slice bound or start/stop argument (CPython's _PyEval_SliceIndex): an
// int or an object with __index__, ints beyond int64 clamped; otherwise
// TypeError, whose message mentions None when None is accepted there (the
// caller handles None itself).
int64_t slice_index(Value v, bool none_allowed = true);
// The optional start/stop arguments of index/find/count at a[first] and
// a[first + 1], as CPython adjusts them: negative counts from the end, then
// clamped to [0, length] (start may stay above length: nothing is found).
struct SearchRange {
  int64_t start, stop;
};
SearchRange search_range(const CallArgs& a, size_t first, int64_t length, bool none_allowed);
// Normalizes a (possibly negative) index; raises IndexError with `what`
// ("list index out of range") when it falls outside.
// Ints beyond int64 raise IndexError "cannot fit 'int' into an index-sized integer".
int64_t normalize_index(Value index, int64_t length, const char* what);

}  // namespace gilvm
