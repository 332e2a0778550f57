// ValueVector: a std::vector of Values whose storage the collector sees.
//
// Contract
// --------
// * The conservative stack scan (vm/heap/stack_roots.hpp) finds Values in
//   C++ locals, but not in memory a local owns on the C++ heap: the buffer
//   of a std::vector<Value> is invisible to it. A native that keeps Values
//   in a growable buffer across anything that may run Python (a call, an
//   iteration step, a comparison, a hash) keeps them in a ValueVector.
// * Every buffer a ValueVector allocates is linked into one registry, and
//   each collection scans every registered buffer word by word, as it scans
//   stacks: whatever they hold stays alive for as long as the buffer exists.
// * So a ValueVector is a root, never an object's field: an object keeps its
//   Values in a plain std::vector and visits them in `trace`, or cycles
//   through it could never be freed.
// * Only the GIL holder creates, grows or destroys ValueVectors (the
//   registry is not locked).
#pragma once

#include <cstddef>
#include <new>
#include <vector>

#include "vm/value.hpp"

namespace gilvm {

class Tracer;

namespace rooted_buffers {
// Memory for `bytes`, linked into the registry; throws std::bad_alloc.
void* allocate(size_t bytes);
void release(void* buffer);
// Reports every word of every registered buffer to the tracer.
void scan_all(Tracer& tracer);
}  // namespace rooted_buffers

template <class T>
struct RootingAllocator {
  using value_type = T;
  RootingAllocator() = default;
  template <class U>
  RootingAllocator(const RootingAllocator<U>&) {}  // NOLINT: rebinding, as allocators do
  T* allocate(size_t n) { return static_cast<T*>(rooted_buffers::allocate(n * sizeof(T))); }
  void deallocate(T* p, size_t) { rooted_buffers::release(p); }
  template <class U>
  bool operator==(const RootingAllocator<U>&) const {
    return true;
  }
};

// Converts both ways with the plain std::vector<Value> that objects use for
// their fields, by copying, so natives can take a list's items into a
// ValueVector and put a result back.
class ValueVector : public std::vector<Value, RootingAllocator<Value>> {
  using Base = std::vector<Value, RootingAllocator<Value>>;

 public:
  using Base::Base;
  ValueVector() = default;
  ValueVector(const std::vector<Value>& values) : Base(values.begin(), values.end()) {}  // NOLINT: implicit on purpose
  operator std::vector<Value>() const { return std::vector<Value>(begin(), end()); }     // NOLINT: likewise
};

}  // namespace gilvm
