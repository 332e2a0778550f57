#include "vm/heap/page_space.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <new>

#include "vm/object.hpp"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GILVM_HEAP_QUARANTINE 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define GILVM_HEAP_QUARANTINE 1
#endif
#ifdef GILVM_HEAP_QUARANTINE
#include <sanitizer/asan_interface.h>
#include <sanitizer/lsan_interface.h>
#endif

namespace gilvm {

using heap_layout::kLargeClass;
using heap_layout::kPageBytes;

namespace {

// The slots start after the header, on a 64-byte boundary.
constexpr size_t kHeaderBytes = (sizeof(heap_layout::PageHeader) + 63) & ~size_t(63);
// Empty pages kept for reuse after a sweep, beyond which they are unmapped:
// at least this many, or an eighth of the pages in use.
constexpr size_t kMinReservePages = 16;
#ifdef GILVM_HEAP_QUARANTINE
constexpr size_t kQuarantineBytes = size_t(32) << 20;
#endif

// `bytes` of fresh zeroed memory aligned to kPageBytes, or null.
char* map_aligned(size_t bytes) {
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return nullptr;
  if ((reinterpret_cast<uintptr_t>(p) & (kPageBytes - 1)) == 0) return static_cast<char*>(p);
  // Not aligned: map more and cut the ends off.
  munmap(p, bytes);
  size_t padded = bytes + kPageBytes;
  p = mmap(nullptr, padded, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return nullptr;
  uintptr_t start = reinterpret_cast<uintptr_t>(p);
  uintptr_t aligned = (start + kPageBytes - 1) & ~(kPageBytes - 1);
  if (aligned > start) munmap(p, aligned - start);
  uintptr_t end = start + padded, used_end = aligned + bytes;
  if (end > used_end) munmap(reinterpret_cast<void*>(used_end), end - used_end);
  return reinterpret_cast<char*>(aligned);
}

}  // namespace

PageSpace::PageSpace() {
  for (size_t words = 0; words <= heap_layout::kLargestSlot / 8; ++words)
    class_of_size_[words] = heap_layout::size_class_for(words == 0 ? 1 : words * 8);
  void* table = mmap(nullptr, sizeof(PageHeader**) << 16, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (table == MAP_FAILED) throw std::bad_alloc();
  table_ = static_cast<PageHeader***>(table);
}

void PageSpace::poison([[maybe_unused]] void* p, [[maybe_unused]] size_t n) {
#ifdef GILVM_HEAP_QUARANTINE
  ASAN_POISON_MEMORY_REGION(p, n);
#endif
}

void PageSpace::unpoison([[maybe_unused]] void* p, [[maybe_unused]] size_t n) {
#ifdef GILVM_HEAP_QUARANTINE
  ASAN_UNPOISON_MEMORY_REGION(p, n);
#endif
}

// LeakSanitizer looks for pointers to malloc'd blocks in globals, stacks
// and other malloc'd blocks, not in anonymous mappings: the pages are
// declared to it, or every buffer an object owns would be reported leaked.
void PageSpace::map_chunks(PageHeader* page, bool present) {
#ifdef GILVM_HEAP_QUARANTINE
  if (present) __lsan_register_root_region(page, page->mapped_bytes);
  else __lsan_unregister_root_region(page, page->mapped_bytes);
#endif
  uintptr_t start = reinterpret_cast<uintptr_t>(page);
  for (uintptr_t chunk = start; chunk < start + page->mapped_bytes; chunk += kPageBytes) {
    PageHeader**& leaf = table_[chunk >> 32];
    if (leaf == nullptr) {
      if (!present) continue;
      void* memory = mmap(nullptr, sizeof(PageHeader*) << 16, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
      if (memory == MAP_FAILED) throw std::bad_alloc();
      leaf = static_cast<PageHeader**>(memory);
    }
    leaf[(chunk >> 16) & 0xffff] = present ? page : nullptr;
  }
}

PageSpace::PageHeader* PageSpace::fresh_page() {
  if (empty_pool_ != nullptr) {
    PageHeader* page = empty_pool_;
    empty_pool_ = page->next_in_list;
    --empty_pool_size_;
    return page;
  }
  char* memory = map_aligned(kPageBytes);
  if (memory == nullptr) throw std::bad_alloc();
  auto* page = reinterpret_cast<PageHeader*>(memory);
  page->mapped_bytes = kPageBytes;
  map_chunks(page, true);
  mapped_bytes_ += kPageBytes;
  return page;
}

void PageSpace::format_page(PageHeader* page, uint16_t size_class) {
  size_t mapped = page->mapped_bytes;
  std::memset(static_cast<void*>(page), 0, sizeof(PageHeader));
  page->mapped_bytes = mapped;
  page->size_class = size_class;
  page->slot_bytes = heap_layout::kClassSizes[size_class];
  page->first_slot = reinterpret_cast<char*>(page) + kHeaderBytes;
  page->slot_count = static_cast<uint32_t>((kPageBytes - kHeaderBytes) / page->slot_bytes);
  page->reciprocal = static_cast<uint32_t>(((uint64_t(1) << 32) + page->slot_bytes - 1) / page->slot_bytes);
  // The bits past the last slot are never free.
  for (uint32_t i = page->slot_count; i < page->bitmap_words() * 64; ++i) PageHeader::set(page->blocked, i);
  poison(page->first_slot, size_t(page->slot_count) * page->slot_bytes);
}

void* PageSpace::allocate_in_new_page(uint16_t size_class) {
  SizeClass& sc = classes_[size_class];
  while (sc.partial != nullptr) {
    PageHeader* page = sc.partial;
    sc.partial = page->next_in_list;
    sc.current = page;
    if (void* slot = take_free_slot(page)) {
      ++live_objects_;
      return slot;
    }
  }
  PageHeader* page = fresh_page();
  format_page(page, size_class);
  sc.pages.push_back(page);
  ++page_count_;
  sc.current = page;
  ++live_objects_;
  return take_free_slot(page);
}

void* PageSpace::allocate_large(size_t bytes) {
  size_t object_bytes = (bytes + 7) & ~size_t(7);
  size_t mapped = (kHeaderBytes + object_bytes + 4095) & ~size_t(4095);
  char* memory = map_aligned(mapped);
  if (memory == nullptr) throw std::bad_alloc();
  auto* page = reinterpret_cast<PageHeader*>(memory);
  page->mapped_bytes = mapped;
  page->size_class = kLargeClass;
  page->slot_bytes = static_cast<uint32_t>(object_bytes);
  page->slot_count = 1;
  page->first_slot = memory + kHeaderBytes;
  page->live_count = 1;
  PageHeader::set(page->live, 0);
  for (uint32_t i = 1; i < 64; ++i) PageHeader::set(page->blocked, i);
  map_chunks(page, true);
  large_.push_back(page);
  mapped_bytes_ += mapped;
  ++live_objects_;
  return page->first_slot;
}

void PageSpace::abandon(void* slot) {
  PageHeader* page = PageHeader::of(slot);
  PageHeader::clear(page->live, page->index_of(slot));
  --page->live_count;
  --live_objects_;
  poison(slot, page->slot_bytes);
}

// Reached with any word from a stack or a buffer: every check is needed.
Object* PageSpace::object_containing(uintptr_t address) const {
  PageHeader* page = page_at(address);
  if (page == nullptr) return nullptr;
  const char* p = reinterpret_cast<const char*>(address);
  if (p < page->first_slot) return nullptr;
  uint32_t index;
  if (page->is_large()) {
    if (p >= page->first_slot + page->slot_bytes) return nullptr;
    index = 0;
  } else {
    index = page->index_of(p);
    if (index >= page->slot_count) return nullptr;
  }
  if (!PageHeader::test(page->live, index)) return nullptr;
  return reinterpret_cast<Object*>(page->slot_at(index));
}

void PageSpace::free_slot(PageHeader* page, uint32_t index) {
  void* slot = page->slot_at(index);
  static_cast<Object*>(slot)->~Object();
  PageHeader::clear(page->live, index);
  poison(slot, page->slot_bytes);
#ifdef GILVM_HEAP_QUARANTINE
  PageHeader::set(page->blocked, index);
  ++page->quarantined_count;
  quarantine_.emplace_back(page, index);
  quarantine_bytes_ += page->slot_bytes;
#endif
}

void PageSpace::drain_quarantine([[maybe_unused]] size_t keep_bytes) {
#ifdef GILVM_HEAP_QUARANTINE
  while (quarantine_bytes_ > keep_bytes && !quarantine_.empty()) {
    auto [page, index] = quarantine_.front();
    quarantine_.pop_front();
    PageHeader::clear(page->blocked, index);
    --page->quarantined_count;
    quarantine_bytes_ -= page->slot_bytes;
  }
#endif
}

size_t PageSpace::sweep_page(PageHeader* page) {
  const size_t words = page->bitmap_words();
  uint32_t live = 0;
  for (size_t w = 0; w < words; ++w) {
    uint64_t dead = page->live[w] & ~page->marked[w];
    while (dead != 0) {
      free_slot(page, static_cast<uint32_t>(w * 64 + __builtin_ctzll(dead)));
      dead &= dead - 1;
    }
    page->marked[w] = 0;
    live += static_cast<uint32_t>(__builtin_popcountll(page->live[w]));
  }
  page->live_count = live;
  page->cursor = 0;
  return live;
}

void PageSpace::release_mapping(PageHeader* page) {
  map_chunks(page, false);
  mapped_bytes_ -= page->mapped_bytes;
  // ASan's shadow outlives the mapping: a later mmap at the same address
  // would start out poisoned where this one had dead slots.
  unpoison(page, page->mapped_bytes);
  munmap(page, page->mapped_bytes);
}

void PageSpace::release_empty_pages(size_t keep_bytes) {
  size_t reserve = std::max(std::max(kMinReservePages, page_count_ / 8), keep_bytes / kPageBytes);
  while (empty_pool_size_ > reserve) {
    PageHeader* page = empty_pool_;
    empty_pool_ = page->next_in_list;
    --empty_pool_size_;
    release_mapping(page);
  }
}

void PageSpace::clear_marks() {
  for (SizeClass& sc : classes_)
    for (PageHeader* page : sc.pages) std::memset(page->marked, 0, sizeof(page->marked));
  for (PageHeader* page : large_) std::memset(page->marked, 0, sizeof(page->marked));
}

size_t PageSpace::sweep() {
  size_t survivors = 0;
  for (SizeClass& sc : classes_) {
    sc.current = nullptr;
    sc.partial = nullptr;
    size_t kept = 0;
    for (PageHeader* page : sc.pages) {
      survivors += sweep_page(page);
      if (page->live_count == 0 && page->quarantined_count == 0) {
        page->next_in_list = empty_pool_;
        empty_pool_ = page;
        ++empty_pool_size_;
        --page_count_;
        continue;
      }
      sc.pages[kept++] = page;
      if (page->live_count + page->quarantined_count < page->slot_count) {
        page->next_in_list = sc.partial;
        sc.partial = page;
      }
    }
    sc.pages.resize(kept);
  }
  size_t kept_large = 0;
  for (PageHeader* page : large_) {
    survivors += sweep_page(page);
    if (page->live_count == 0 && page->quarantined_count == 0) {
      release_mapping(page);
      continue;
    }
    large_[kept_large++] = page;
  }
  large_.resize(kept_large);
#ifdef GILVM_HEAP_QUARANTINE
  drain_quarantine(kQuarantineBytes);
#endif
  live_objects_ = survivors;
  return survivors;
}

}  // namespace gilvm
