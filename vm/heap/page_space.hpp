// Where objects live: pages of size-class slots, large objects on mappings
// of their own, and the page table that maps any address back to them.
//
// Contract
// --------
// * Only the thread that holds the GIL calls into the page space (the heap
//   has one, vm/heap/heap.hpp), so nothing here locks.
// * `allocate` returns an uninitialized slot already counted live; the
//   caller constructs an object in it at once (or calls `abandon`). No
//   collection can run in between: allocation never collects.
// * `object_containing(address)` answers the conservative scan: the start
//   of the live object whose slot contains `address`, or null. It accepts
//   any word at all (a small int, a stale pointer, random bits).
// * `sweep` runs after marking: it destroys every live object that is not
//   marked, clears the marks, and gives memory back: dead large objects at
//   once, completely empty pages (with `release_empty_pages`) beyond a
//   reserve that the next allocation budget will use.
// * In sanitizer builds a freed slot is poisoned and kept out of use for a
//   while (a FIFO quarantine of kQuarantineBytes), so that a dangling Value
//   into it is reported by ASan instead of silently aliasing a new object.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

#include "vm/heap/page.hpp"

namespace gilvm {

class PageSpace {
 public:
  using PageHeader = heap_layout::PageHeader;

  PageSpace();
  PageSpace(const PageSpace&) = delete;
  PageSpace& operator=(const PageSpace&) = delete;

  // A slot for an object of `bytes`; throws std::bad_alloc when the system
  // has no memory left.
  void* allocate(size_t bytes) {
    if (bytes <= heap_layout::kLargestSlot) {
      uint16_t c = class_of_size_[(bytes + 7) / 8];
      PageHeader* page = classes_[c].current;
      if (page != nullptr) {
        if (void* slot = take_free_slot(page)) {
          ++live_objects_;
          return slot;
        }
      }
      return allocate_in_new_page(c);
    }
    return allocate_large(bytes);
  }
  // Gives back a slot whose construction failed.
  void abandon(void* slot);

  Object* object_containing(uintptr_t address) const;

  // Destroys the unmarked objects (see the contract). Returns the number of
  // objects that survived.
  size_t sweep();
  // Unmaps the empty pages beyond a reserve: enough for `keep_bytes` of
  // allocation (the budget until the next collection, so that a program
  // making garbage at a steady rate reuses its pages instead of mapping
  // and faulting in new ones), and at least a few.
  void release_empty_pages(size_t keep_bytes);
  // Forgets a marking without sweeping.
  void clear_marks();

  size_t live_objects() const { return live_objects_; }
  size_t mapped_bytes() const { return mapped_bytes_; }
  size_t quarantined_bytes() const { return quarantine_bytes_; }

 private:
  struct SizeClass {
    PageHeader* current = nullptr;  // where allocation takes slots now
    PageHeader* partial = nullptr;  // other pages with free slots (after a sweep)
    std::vector<PageHeader*> pages; // every page of this class
  };

  static void* take_free_slot(PageHeader* page) {
    const size_t words = page->bitmap_words();
    for (uint32_t w = page->cursor; w < words; ++w) {
      uint64_t free_bits = ~(page->live[w] | page->blocked[w]);
      if (free_bits != 0) {
        uint32_t index = w * 64 + static_cast<uint32_t>(__builtin_ctzll(free_bits));
        page->live[w] |= uint64_t(1) << (index & 63);
        page->cursor = w;
        ++page->live_count;
        void* slot = page->slot_at(index);
        unpoison(slot, page->slot_bytes);
        return slot;
      }
    }
    page->cursor = static_cast<uint32_t>(words);
    return nullptr;
  }
  void* allocate_in_new_page(uint16_t size_class);
  void* allocate_large(size_t bytes);
  PageHeader* fresh_page();
  void format_page(PageHeader* page, uint16_t size_class);
  void release_mapping(PageHeader* page);
  size_t sweep_page(PageHeader* page);
  void free_slot(PageHeader* page, uint32_t index);
  void drain_quarantine(size_t keep_bytes);

  static void poison(void* p, size_t n);
  static void unpoison(void* p, size_t n);

  // The page table: for each kPageBytes-aligned chunk of the address space
  // (48 bits of it), the header of the page or large object there. Two
  // levels of 2^16 entries; leaves are mapped on first use.
  void map_chunks(PageHeader* page, bool present);
  PageHeader* page_at(uintptr_t address) const {
    if ((address >> 48) != 0) return nullptr;
    PageHeader* const* leaf = table_[address >> 32];  // the top level spans bits 32..47
    if (leaf == nullptr) return nullptr;
    return leaf[(address >> 16) & 0xffff];
  }

  uint16_t class_of_size_[heap_layout::kLargestSlot / 8 + 1];
  SizeClass classes_[heap_layout::kClassCount];
  std::vector<PageHeader*> large_;  // every large object
  PageHeader* empty_pool_ = nullptr;  // formatted for no class, ready for any
  size_t empty_pool_size_ = 0;
  size_t live_objects_ = 0;
  size_t mapped_bytes_ = 0;
  size_t page_count_ = 0;  // small pages in use by a class
  PageHeader*** table_;  // 2^16 leaf pointers, mapped (zero) at construction

  // The sanitizer quarantine: freed slots in the order they were freed.
  std::deque<std::pair<PageHeader*, uint32_t>> quarantine_;
  size_t quarantine_bytes_ = 0;
};

}  // namespace gilvm
