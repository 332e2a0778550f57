// Native stacks as GC roots: the conservative half of marking.
//
// Contract
// --------
// * C++ code may keep Values (and Object pointers) in locals, arguments and
//   registers across anything, calls back into Python included, with no
//   rooting: the collector treats every aligned word of every Python
//   thread's native stack, and the callee-saved registers it had, as a
//   possible pointer. A word that points into a live object's slot (its
//   start or anywhere inside) keeps that object alive; other words are
//   ignored (vm/heap/page_space.hpp answers which is which).
// * Values kept in C++ *heap* memory are not seen this way: a native keeps
//   them in a ValueVector (vm/heap/value_vector.hpp), a heap object, or a
//   `Root`.
// * What is scanned for a thread:
//   - the collecting thread (it holds the GIL): from its stack pointer at
//     the collection up to its stack base, plus its registers then;
//   - every other thread: from the stack pointer it recorded, and the
//     registers it saved, when it last released the GIL (Gil::drop calls
//     record_stack), up to its stack base. It cannot touch objects until it
//     takes the GIL back, so the frames above that point do not change what
//     they reference; frames below it (the blocking call) are not scanned.
//   - a thread that has not run Python yet: nothing.
// * Objects never move, so a conservative root only ever retains garbage,
//   never corrupts anything.
// * The scan reads stack memory that other threads' blocked frames own and
//   that sanitizers would call a race or an overflow; the scanning functions
//   are exempt from instrumentation.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gilvm {

class Tracer;

struct StackSnapshot {
  static constexpr size_t kSavedRegisters = 12;
  const char* low = nullptr;   // the stack pointer when recorded; null: nothing to scan
  const char* high = nullptr;  // the thread's stack base (its highest address)
  uintptr_t registers[kSavedRegisters] = {};
};

// Records the calling thread's stack pointer, stack base and callee-saved
// registers. Call it on the thread itself, while it holds the GIL, right
// before releasing it (and the collector calls it on itself).
void record_stack(StackSnapshot& snapshot);

// Reports every possible object pointer of a recorded stack to `tracer`.
void scan_stack(const StackSnapshot& snapshot, Tracer& tracer);

// The highest address of the calling thread's stack.
const char* current_stack_base();

}  // namespace gilvm
