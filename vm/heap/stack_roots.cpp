#include "vm/heap/stack_roots.hpp"

#include <pthread.h>

#include "vm/object.hpp"

namespace gilvm {

const char* current_stack_base() {
  thread_local const char* base = [] {
    pthread_attr_t attributes;
    void* address = nullptr;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attributes) == 0) {
      pthread_attr_getstack(&attributes, &address, &size);
      pthread_attr_destroy(&attributes);
    }
    return static_cast<const char*>(address) + size;
  }();
  return base;
}

// Not inlined: its own frame is the lowest one scanned. The registers are
// copied by hand because setjmp mangles some of them (glibc's pointer guard).
[[gnu::noinline]] void record_stack(StackSnapshot& snapshot) {
  uintptr_t* r = snapshot.registers;
  const char* sp;
#if defined(__x86_64__)
  asm volatile(
      "movq %%rbx, 0(%1)\n\t"
      "movq %%rbp, 8(%1)\n\t"
      "movq %%r12, 16(%1)\n\t"
      "movq %%r13, 24(%1)\n\t"
      "movq %%r14, 32(%1)\n\t"
      "movq %%r15, 40(%1)\n\t"
      "movq %%rsp, %0\n\t"
      : "=r"(sp)
      : "r"(r)
      : "memory");
#elif defined(__aarch64__)
  asm volatile(
      "stp x19, x20, [%1, #0]\n\t"
      "stp x21, x22, [%1, #16]\n\t"
      "stp x23, x24, [%1, #32]\n\t"
      "stp x25, x26, [%1, #48]\n\t"
      "stp x27, x28, [%1, #64]\n\t"
      "str x29, [%1, #80]\n\t"
      "mov %0, sp\n\t"
      : "=r"(sp)
      : "r"(r)
      : "memory");
#else
#error "record_stack: add the callee-saved registers of this architecture"
#endif
  snapshot.low = sp;
  snapshot.high = current_stack_base();
}

__attribute__((no_sanitize("address", "thread"))) void scan_stack(const StackSnapshot& snapshot,
                                                                             Tracer& tracer) {
  if (snapshot.low == nullptr) return;
  for (uintptr_t r : snapshot.registers) tracer.visit_word(r);
  auto* word = reinterpret_cast<const uintptr_t*>(reinterpret_cast<uintptr_t>(snapshot.low) & ~uintptr_t(7));
  auto* end = reinterpret_cast<const uintptr_t*>(snapshot.high);
  for (; word < end; ++word) tracer.visit_word(*word);
}

}  // namespace gilvm
