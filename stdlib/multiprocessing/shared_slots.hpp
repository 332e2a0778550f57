// Small pieces of memory shared with the processes forked later: the
// sem_t of every SemLock and the item of every shared Value.
//
// Contract
// --------
// * A slot is 64 bytes (a cache line: two locks never share one), zeroed,
//   carved from chunks of anonymous MAP_SHARED memory. One mapping per
//   lock or Value made a script that creates many of them (a loop making
//   Locks) carry thousands of mappings, and fork copies each one: process
//   start became several times slower.
// * A process forked after a slot was handed out shares it, so a slot
//   must never be handed out again while a process that may still use it
//   exists. Reuse is therefore only within one fork epoch (the count of
//   forks this process made or came from, runtime/fork.hpp): a slot freed
//   in the epoch it was allocated in goes back on the free list; one
//   allocated before a fork is never reused (its 64 bytes are leaked).
//   On the first allocation of a new epoch the free list and the rest of
//   the current chunk are dropped, so that parent and child never carve
//   the same fresh slot.
// * Chunks are never unmapped. All of it runs under the GIL.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gilvm {

constexpr size_t kSharedSlotSize = 64;

struct SharedSlot {
  void* memory = nullptr;
  uint64_t epoch = 0;  // the fork epoch it was allocated in
};

// A zeroed slot; raises OSError when no memory can be mapped.
SharedSlot shared_slot_alloc();
void shared_slot_free(const SharedSlot& slot);

}  // namespace gilvm
