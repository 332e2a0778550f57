// collections.deque in C++ (the _collections module): a ring buffer, so
// appends and pops at both ends are O(1) and indexing is O(1) too.
//
// `ring` has a power-of-two size (or is empty); the items are
// ring[(head + i) & mask] for i < size, and every other slot is null so
// that the buffer keeps nothing alive. `state` counts the mutations that
// iterators and scans must notice (length changes and rotations, as in
// CPython), so they raise "deque mutated during iteration".
#pragma once

#include <cstdint>
#include <vector>

#include "vm/object.hpp"

namespace gilvm::deque_impl {

struct Deque : Object {
  std::vector<Value> ring;
  size_t head = 0;
  size_t size = 0;
  int64_t maxlen = -1;  // -1: unbounded
  uint64_t state = 0;

  explicit Deque(Type* t) : Object(t) {}
  void trace(Tracer& t) override;

  size_t mask() const { return ring.size() - 1; }
  Value& at(size_t i) { return ring[(head + i) & mask()]; }
  Value at(size_t i) const { return ring[(head + i) & mask()]; }

  void push_back(Value v);
  void push_front(Value v);
  Value pop_back();   // size > 0
  Value pop_front();  // size > 0
  void clear();
  // append/appendleft with the maxlen rule: the opposite end drops an item.
  void append(Value v);
  void append_left(Value v);
  void rotate(int64_t n);  // right by n (n may be negative)
  void insert_at(size_t i, Value v);
  void erase_at(size_t i);

 private:
  void grow();
};

extern Type* deque_type;

bool is_deque(Value v);
Deque* as_deque(Value v);

// The iterator types (deque_iterator.cpp).
void install_deque_iterators();
Value new_deque_iterator(Deque* d, bool reversed);

}  // namespace gilvm::deque_impl
