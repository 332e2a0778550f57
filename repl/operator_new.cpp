// The executable's operator new: malloc (mimalloc's, when linked; see
// CMakeLists.txt), and std::bad_alloc when it returns null.
//
// mimalloc's shared library exports its own operator new, which aborts the
// process on exhaustion instead of throwing (it is a C library). gilvm turns
// std::bad_alloc into MemoryError, which scripts catch, so the executable
// defines the throwing forms itself; a program's definitions take precedence
// over every shared library's. The nothrow forms and all the deletes stay
// as the libraries define them: they pair with the same malloc and free.
#include <cstdlib>
#include <new>

namespace {

void* allocate_or_throw(std::size_t size) {
  if (size == 0) size = 1;
  for (;;) {
    if (void* p = std::malloc(size)) return p;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

void* allocate_aligned_or_throw(std::size_t size, std::align_val_t alignment) {
  std::size_t align = static_cast<std::size_t>(alignment);
  if (align < sizeof(void*)) align = sizeof(void*);
  if (size == 0) size = 1;
  for (;;) {
    void* p = nullptr;
    if (posix_memalign(&p, align, size) == 0) return p;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

}  // namespace

void* operator new(std::size_t size) { return allocate_or_throw(size); }
void* operator new[](std::size_t size) { return allocate_or_throw(size); }
void* operator new(std::size_t size, std::align_val_t alignment) { return allocate_aligned_or_throw(size, alignment); }
void* operator new[](std::size_t size, std::align_val_t alignment) {
  return allocate_aligned_or_throw(size, alignment);
}
