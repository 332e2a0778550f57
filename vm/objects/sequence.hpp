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
  Range(Type* t, int64_t a, int64_t b, int64_t s);
};

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

// Python's slice.indices(): clamps a slice to a sequence of `length`.
struct SliceBounds {
  int64_t start, stop, step, count;
};
SliceBounds slice_bounds(const Slice* s, int64_t length);
// Normalizes a (possibly negative) index; raises IndexError with `what`
// ("list index out of range") when it falls outside.
int64_t normalize_index(Value index, int64_t length, const char* what);

}  // namespace gilvm
