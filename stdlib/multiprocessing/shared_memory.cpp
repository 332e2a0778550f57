// POSIX shared memory for multiprocessing.shared_memory: shm_open() and
// shm_unlink() (CPython's _posixshmem functions) and SharedMapping, a
// MAP_SHARED mapping of a descriptor that exports a writable buffer, so
// memoryview(mapping) reads and writes the segment in place (CPython uses
// mmap.mmap for this; gilvm has no mmap module).
//
// Contract: the mapping stays mapped while any memoryview exports it.
// close() refuses with CPython's mmap BufferError while live views remain
// (check_resizable recounts them first, as for bytearray), so no view can
// reach unmapped memory; a closed mapping exports nothing. Memory no
// object reaches is unmapped by the destructor.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <cerrno>
#include <string>

#include "stdlib/builtins_module.hpp"
#include "stdlib/multiprocessing/mp_natives.hpp"
#include "vm/builtins_core.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

struct SharedMappingObject : Object {
  unsigned char* data = nullptr;  // null once closed
  size_t size = 0;
  uint32_t exports = 0;
  explicit SharedMappingObject(Type* t) : Object(t) {}
  ~SharedMappingObject() override {
    if (data != nullptr) ::munmap(data, size);
  }
};

Type* mapping_type = nullptr;

SharedMappingObject* self_mapping(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], mapping_type))
    raise_type_error("descriptor requires a 'SharedMapping' object");
  return a[0].as<SharedMappingObject>();
}

bool mapping_buffer(Object* o, BufferView* out) {
  auto* m = static_cast<SharedMappingObject*>(o);
  if (m->data == nullptr) return false;
  out->data = m->data;
  out->size = m->size;
  out->itemsize = 1;
  out->format = 'B';
  out->readonly = false;
  out->exports = &m->exports;
  out->exporter = o;
  return true;
}

// SharedMapping(fd, size): maps `size` bytes of fd read-write and shared.
Value mapping_construct(Type* type, const CallArgs& a) {
  ArgParser p(a, "SharedMapping", {"fd", "size"}, 2, false);
  int64_t fd = index_value(p.get(0));
  int64_t size = index_value(p.get(1));
  if (size < 0) raise_overflow_error("memory mapped length must be positive");
  if (size == 0) raise_value_error("cannot mmap an empty file");
  // The object first: if allocating it fails, no mapping is left behind.
  auto* m = gc_new<SharedMappingObject>(type);
  void* mem = ::mmap(nullptr, static_cast<size_t>(size), PROT_READ | PROT_WRITE, MAP_SHARED, static_cast<int>(fd), 0);
  if (mem == MAP_FAILED) raise_os_error_errno(errno);
  m->data = static_cast<unsigned char*>(mem);
  m->size = static_cast<size_t>(size);
  return m;
}

Value mapping_close(const CallArgs& a) {
  check_arg_count(a, "close", 1, 1);
  SharedMappingObject* m = self_mapping(a);
  if (m->data == nullptr) return Value::none();
  check_resizable(m, &m->exports, "cannot close exported pointers exist");
  ::munmap(m->data, m->size);
  m->data = nullptr;
  return Value::none();
}

Value mapping_closed(Value self) { return Value::boolean(self.as<SharedMappingObject>()->data == nullptr); }
Value mapping_size(Value self) { return make_int(static_cast<int64_t>(self.as<SharedMappingObject>()->size)); }

const std::string& path_arg(Value v, const char* function) {
  if (type_of(v) != types().str && !isinstance(v, types().str))
    raise_type_error(std::string(function) + "() argument 'path' must be str, not " + type_name(v));
  const std::string& text = v.as<Str>()->data;
  if (text.find('\0') != std::string::npos) raise_value_error("embedded null character");
  return text;
}

// shm_open(path, flags, mode=0o777) -> fd (close-on-exec, as CPython's).
Value mp_shm_open(const CallArgs& a) {
  ArgParser p(a, "shm_open", {"path", "flags", "mode"}, 2, false);
  std::string path = path_arg(p.get(0), "shm_open");
  int flags = static_cast<int>(index_value(p.get(1)));
  int mode = static_cast<int>(index_value(p.get(2, make_int(0777))));
  int fd;
  do {
    fd = ::shm_open(path.c_str(), flags | O_CLOEXEC, static_cast<mode_t>(mode));
  } while (fd < 0 && errno == EINTR);
  int err = errno;
  if (fd < 0) raise_os_error_errno(err, p.get(0));
  return make_int(static_cast<int64_t>(fd));
}

// shm_unlink(path): removes the name; mappings stay valid until closed.
Value mp_shm_unlink(const CallArgs& a) {
  ArgParser p(a, "shm_unlink", {"path"}, 1, false);
  std::string path = path_arg(p.get(0), "shm_unlink");
  if (::shm_unlink(path.c_str()) != 0) {
    int err = errno;
    raise_os_error_errno(err, p.get(0));
  }
  return Value::none();
}

}  // namespace

void add_shared_memory(Module* m) {
  if (mapping_type == nullptr) {
    mapping_type = new_builtin_type("SharedMapping", types().object, mapping_construct);
    add_type_attr(mapping_type, "__module__", intern("_multiprocessing"));
    register_buffer_type(mapping_type, mapping_buffer);
    add_method(mapping_type, "close", mapping_close);
    add_getset(mapping_type, "closed", mapping_closed);
    add_getset(mapping_type, "size", mapping_size);
  }
  m->dict()->table.set(intern("SharedMapping"), mapping_type);
  add_function(m, "shm_open", mp_shm_open);
  add_function(m, "shm_unlink", mp_shm_unlink);
}

}  // namespace gilvm
