#include "vm/heap/value_vector.hpp"

#include <cstdlib>

#include "vm/object.hpp"

namespace gilvm::rooted_buffers {

namespace {

// Each buffer is preceded by its link in a doubly linked list, so that
// registering and unregistering cost O(1) whatever the number of buffers.
struct alignas(16) Link {
  Link* previous;
  Link* next;
  size_t bytes;
};

Link registry{&registry, &registry, 0};

}  // namespace

// Zeroed (calloc), because scan_all reads the spare capacity too: a reused
// malloc block would otherwise hold stale pointers from its last life, which
// the scan would take for roots and keep whole dead structures alive.
void* allocate(size_t bytes) {
  auto* link = static_cast<Link*>(std::calloc(1, sizeof(Link) + bytes));
  if (link == nullptr) throw std::bad_alloc();
  link->bytes = bytes;
  link->next = registry.next;
  link->previous = &registry;
  registry.next->previous = link;
  registry.next = link;
  return link + 1;
}

void release(void* buffer) {
  if (buffer == nullptr) return;
  Link* link = static_cast<Link*>(buffer) - 1;
  link->previous->next = link->next;
  link->next->previous = link->previous;
  std::free(link);
}

// The capacity past a vector's size holds leftovers, hence the word-by-word
// (conservative) scan rather than a visit of each slot as a Value.
__attribute__((no_sanitize("address"))) void scan_all(Tracer& tracer) {
  for (Link* link = registry.next; link != &registry; link = link->next) {
    auto* words = reinterpret_cast<const uintptr_t*>(link + 1);
    for (size_t i = 0; i < link->bytes / sizeof(uintptr_t); ++i) tracer.visit_word(words[i]);
  }
}

}  // namespace gilvm::rooted_buffers
