#include "stdlib/multiprocessing/shared_slots.hpp"

#include <sys/mman.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "runtime/fork.hpp"
#include "stdlib/builtins_module.hpp"

namespace gilvm {

namespace {

constexpr size_t kChunkSlots = 256;  // 16 KiB chunks

struct SlotPool {
  uint64_t epoch = 0;
  std::vector<void*> free;
  unsigned char* chunk = nullptr;
  size_t used = kChunkSlots;  // slots handed out from `chunk`
};

SlotPool& pool() {
  static SlotPool* p = new SlotPool;  // never destroyed: slots outlive exit order
  return *p;
}

}  // namespace

SharedSlot shared_slot_alloc() {
  SlotPool& p = pool();
  uint64_t now = fork_epoch();
  if (p.epoch != now) {
    p.free.clear();
    p.chunk = nullptr;
    p.used = kChunkSlots;
    p.epoch = now;
  }
  void* memory;
  if (!p.free.empty()) {
    memory = p.free.back();
    p.free.pop_back();
    std::memset(memory, 0, kSharedSlotSize);
  } else {
    if (p.used == kChunkSlots) {
      void* chunk = ::mmap(nullptr, kChunkSlots * kSharedSlotSize, PROT_READ | PROT_WRITE,
                           MAP_SHARED | MAP_ANONYMOUS, -1, 0);
      if (chunk == MAP_FAILED) raise_os_error_from_errno(errno);
      p.chunk = static_cast<unsigned char*>(chunk);  // zero-filled by the kernel
      p.used = 0;
    }
    memory = p.chunk + p.used * kSharedSlotSize;
    ++p.used;
  }
  return SharedSlot{memory, now};
}

void shared_slot_free(const SharedSlot& slot) {
  SlotPool& p = pool();
  if (slot.memory == nullptr || slot.epoch != fork_epoch() || p.epoch != slot.epoch) return;
  p.free.push_back(slot.memory);
}

}  // namespace gilvm
