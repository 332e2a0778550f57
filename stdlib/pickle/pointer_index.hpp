// PointerIndex: object address -> memo index, the pickler's hottest lookup
// (every str, bytes and container it writes is looked up and entered).
//
// An open-addressing table with linear probing, keys hashed by a
// multiplicative mix of the address (heap objects are 16-byte aligned, so
// the low bits alone would cluster). It never removes single keys, only
// clears, so no tombstones are needed. Compared with std::unordered_map it
// allocates once per growth instead of once per entry, and a probe reads
// one cache line in the common case.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gilvm::pickle {

class PointerIndex {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;

  // The index stored for `key`, or kMissing.
  uint32_t find(const void* key) const {
    if (size_ == 0) return kMissing;
    for (size_t i = slot_of(key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return s.value;
      if (s.key == nullptr) return kMissing;
    }
  }
  bool contains(const void* key) const { return find(key) != kMissing; }

  // Enters key -> value, replacing the value of a key already present.
  void set(const void* key, uint32_t value) {
    if ((size_ + 1) * 4 > slots_.size() * 3) grow();
    for (size_t i = slot_of(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.key == key) {
        s.value = value;
        return;
      }
      if (s.key == nullptr) {
        s.key = key;
        s.value = value;
        ++size_;
        return;
      }
    }
  }

  void clear() {
    slots_.clear();
    slots_.shrink_to_fit();
    mask_ = 0;
    size_ = 0;
  }
  size_t size() const { return size_; }

 private:
  struct Slot {
    const void* key = nullptr;
    uint32_t value = 0;
  };

  size_t slot_of(const void* key) const {
    uint64_t h = reinterpret_cast<uintptr_t>(key) * 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(h >> 32) & mask_;
  }

  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    size_t capacity = old.empty() ? 64 : old.size() * 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (s.key != nullptr) set(s.key, s.value);
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace gilvm::pickle
