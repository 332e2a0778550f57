// The page: the unit in which the heap gets memory, and the place where each
// object's GC state lives.
//
// Layout
// ------
// A small-object page is kPageBytes of memory aligned to kPageBytes. It
// starts with this header; the rest is an array of equal slots of one size
// class. The header holds three bitmaps, one bit a slot:
//   live     the slot holds a constructed object;
//   marked   the current marking reached it (cleared by the sweep);
//   blocked  the slot may not be handed out: it lies past the last whole
//            slot, or (sanitizer builds) it sits in the quarantine of
//            freed slots, poisoned, so that a use after free is reported.
// So an object carries no GC fields of its own: its header is only the
// vtable, type, attribute dict and flags (vm/object.hpp).
//
// A large object (more than kLargestSlot bytes) gets a mapping of its own
// with the same header in front: one slot, as big as the object. Its first
// kPageBytes are aligned like a page, so for any object *start* the header
// is found by masking the address (PageHeader::of). Finding the object that
// contains an arbitrary address (an interior pointer, a stack word) needs
// the page table instead (vm/heap/page_space.hpp).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>

namespace gilvm {

struct Object;

namespace heap_layout {

inline constexpr size_t kPageBytes = size_t(64) << 10;
inline constexpr size_t kSmallestSlot = 32;  // sizeof(Object)
inline constexpr size_t kLargestSlot = 2048;
inline constexpr size_t kMaxSlots = kPageBytes / kSmallestSlot;
inline constexpr size_t kBitmapWords = kMaxSlots / 64;
inline constexpr uint16_t kLargeClass = 0xffff;

struct PageHeader {
  char* first_slot;
  PageHeader* next_in_list;  // its size class's list of pages, or the empty pool
  size_t mapped_bytes;       // kPageBytes, or the whole mapping of a large object
  uint32_t slot_bytes;
  uint32_t slot_count;
  // ceil(2^32 / slot_bytes): for offsets below 2^16, (offset * reciprocal)
  // >> 32 equals offset / slot_bytes, without a division on the hot path.
  uint32_t reciprocal;
  uint32_t live_count;
  uint32_t quarantined_count;
  uint32_t cursor;           // the first bitmap word that may have a free slot
  uint16_t size_class;
  uint64_t live[kBitmapWords];
  uint64_t marked[kBitmapWords];
  uint64_t blocked[kBitmapWords];

  bool is_large() const { return size_class == kLargeClass; }

  // The header of the page holding the object that starts at `object`.
  static PageHeader* of(const void* object) {
    return reinterpret_cast<PageHeader*>(reinterpret_cast<uintptr_t>(object) & ~(kPageBytes - 1));
  }

  // The slot index of an address inside the slot array (the caller has
  // checked that it lies there).
  uint32_t index_of(const void* address) const {
    if (is_large()) return 0;
    uint64_t offset = static_cast<uint64_t>(static_cast<const char*>(address) - first_slot);
    return static_cast<uint32_t>((offset * reciprocal) >> 32);
  }
  char* slot_at(uint32_t index) const { return first_slot + size_t(index) * slot_bytes; }

  static bool test(const uint64_t* bitmap, uint32_t index) { return (bitmap[index >> 6] >> (index & 63)) & 1; }
  static void set(uint64_t* bitmap, uint32_t index) { bitmap[index >> 6] |= uint64_t(1) << (index & 63); }
  static void clear(uint64_t* bitmap, uint32_t index) { bitmap[index >> 6] &= ~(uint64_t(1) << (index & 63)); }

  // Marks the object starting at `object`; true if it was not marked yet.
  bool mark(const void* object) {
    uint32_t index = index_of(object);
    uint64_t bit = uint64_t(1) << (index & 63);
    uint64_t& word = marked[index >> 6];
    if (word & bit) return false;
    word |= bit;
    return true;
  }
  bool is_marked(const void* object) const { return test(marked, index_of(object)); }

  size_t bitmap_words() const { return (slot_count + 63) / 64; }
};

// The size classes: 8-byte steps up to 128 bytes, where most objects are,
// then about four classes per doubling, so a slot wastes at most a quarter.
inline constexpr uint16_t kClassSizes[] = {32,  40,  48,  56,  64,  72,  80,   88,   96,   104,  112,  120,  128, 144,
                                           160, 176, 192, 224, 256, 288, 320,  384,  448,  512,  640,  768,  896, 1024,
                                           1280, 1536, 1792, 2048};
inline constexpr size_t kClassCount = sizeof(kClassSizes) / sizeof(kClassSizes[0]);
static_assert(kClassSizes[kClassCount - 1] == kLargestSlot);

// The class of a small object of `bytes` (at most kLargestSlot).
constexpr uint16_t size_class_for(size_t bytes) {
  uint16_t c = 0;
  while (kClassSizes[c] < bytes) ++c;
  return c;
}

}  // namespace heap_layout
}  // namespace gilvm
