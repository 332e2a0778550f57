// _multiprocessing.SharedBlock: memory that processes forked after its
// creation share (MAP_SHARED), read and written as typed items.
// multiprocessing.sharedctypes builds Array on it, and Value on its
// subclass SharedValue (below). A block made with shareable=True (for a
// spawn or forkserver context) lives in a memfd whose descriptor is
// `handle`, so a child that receives it maps the same memory with
// _rebuild_block(handle, size); otherwise the memory is anonymous and
// `handle` is -1.
//
// Items use array.array's codec (stdlib/array/array_object.hpp), so the
// typecodes b B h H i I l L q Q f d convert with array's errors; 'c' and
// 'u' are handled in Python for Array, natively for SharedValue, as 'B'
// and 'I' items. Offsets are checked here, so a script cannot reach
// outside the block. Accesses are not atomic: Value and Array guard them
// with a SemLock, as CPython does.
#include <sys/mman.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "stdlib/array/array_object.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/multiprocessing/mp_natives.hpp"
#include "stdlib/multiprocessing/shared_slots.hpp"
#include "vm/builtins_core.hpp"
#include "vm/call.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

struct SharedBlockObject : Object {
  unsigned char* data = nullptr;
  size_t size = 0;
  int fd = -1;
  explicit SharedBlockObject(Type* t) : Object(t) {}
  ~SharedBlockObject() override {
    if (data != nullptr) ::munmap(data, size == 0 ? 1 : size);
    if (fd >= 0) ::close(fd);
  }
};

Type* block_type = nullptr;

SharedBlockObject* self_block(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], block_type)) raise_type_error("descriptor requires a 'SharedBlock' object");
  return a[0].as<SharedBlockObject>();
}

Value block_construct(Type* type, const CallArgs& a) {
  ArgParser p(a, "SharedBlock", {"size", "shareable"}, 1, false);
  int64_t size = index_value(p.get(0));
  if (size < 0) raise_value_error("negative size");
  bool shareable = is_truthy(p.get(1, Value::false_value()));
  int fd = -1;
  void* mem = map_shared(static_cast<size_t>(size), shareable, &fd);
  auto* b = gc_new<SharedBlockObject>(type);
  b->data = static_cast<unsigned char*>(mem);  // zero-filled by the kernel
  b->size = static_cast<size_t>(size);
  b->fd = fd;
  return b;
}

// _rebuild_block(handle, size): a spawn child's view of a shareable block
// whose descriptor it inherited; the block owns the descriptor.
Value block_rebuild(const CallArgs& a) {
  ArgParser p(a, "_rebuild_block", {"handle", "size"}, 2, false);
  int fd = static_cast<int>(index_value(p.get(0)));
  int64_t size = index_value(p.get(1));
  if (size < 0) raise_value_error("negative size");
  void* mem = map_shared_fd(fd, static_cast<size_t>(size));
  auto* b = gc_new<SharedBlockObject>(block_type);
  b->data = static_cast<unsigned char*>(mem);
  b->size = static_cast<size_t>(size);
  b->fd = fd;
  return b;
}

const ArrayKind* kind_arg(Value v) {
  if (type_of(v) != types().str || v.as<Str>()->data.size() != 1) raise_type_error("typecode must be a one-character str");
  const ArrayKind* kind = array_kind(v.as<Str>()->data[0]);
  if (kind == nullptr) raise_value_error("bad typecode");
  return kind;
}

// The address of item `index` of `kind` items starting at byte `offset`.
unsigned char* item_at(SharedBlockObject* b, const ArrayKind* kind, Value offset, Value index) {
  int64_t off = index_value(offset);
  int64_t i = index_value(index);
  if (off < 0 || i < 0 || static_cast<uint64_t>(off) + (static_cast<uint64_t>(i) + 1) * kind->size > b->size)
    raise_index_error("shared memory index out of range");
  return b->data + off + i * kind->size;
}

// load(typecode, offset, index): the item's value.
Value block_load(const CallArgs& a) {
  ArgParser p(a, "load", {"typecode", "offset", "index"}, 3);
  SharedBlockObject* b = self_block(a);
  const ArrayKind* kind = kind_arg(p.get(0));
  return array_load(kind, item_at(b, kind, p.get(1), p.get(2)));
}

// store(typecode, offset, index, value). The value is converted before the
// address is taken, as the conversion may run Python code.
Value block_store(const CallArgs& a) {
  ArgParser p(a, "store", {"typecode", "offset", "index", "value"}, 4);
  SharedBlockObject* b = self_block(a);
  const ArrayKind* kind = kind_arg(p.get(0));
  unsigned char item[16];
  array_store(kind, p.get(3), item);
  std::memcpy(item_at(b, kind, p.get(1), p.get(2)), item, kind->size);
  return Value::none();
}

// read(offset, length) -> bytes; write(offset, data).
Value block_read(const CallArgs& a) {
  ArgParser p(a, "read", {"offset", "length"}, 2);
  SharedBlockObject* b = self_block(a);
  int64_t off = index_value(p.get(0));
  int64_t n = index_value(p.get(1));
  if (off < 0 || n < 0 || static_cast<uint64_t>(off + n) > b->size) raise_index_error("shared memory range out of range");
  return new_bytes(std::string(reinterpret_cast<const char*>(b->data + off), static_cast<size_t>(n)));
}
Value block_write(const CallArgs& a) {
  ArgParser p(a, "write", {"offset", "data"}, 2);
  SharedBlockObject* b = self_block(a);
  int64_t off = index_value(p.get(0));
  std::string data(buffer_or_raise(p.get(1)).bytes());
  if (off < 0 || static_cast<uint64_t>(off) + data.size() > b->size) raise_index_error("shared memory range out of range");
  std::memcpy(b->data + off, data.data(), data.size());
  return Value::none();
}
Value block_size(Value self) { return make_int(static_cast<int64_t>(self.as<SharedBlockObject>()->size)); }
Value block_handle(Value self) { return make_int(static_cast<int64_t>(self.as<SharedBlockObject>()->fd)); }

// SharedValue(typecode, *, shareable=False): a block holding one item of
// `typecode` (any of sharedctypes' codes, 'c' and 'u' included), read and
// written through the `value` attribute. sharedctypes' RawValue subclasses
// it, so `v.value` is one native call instead of a Python property over
// load()/store() (a Value incremented under its lock reads and writes it
// every time).
// A fork-context item lives in a shared slot (shared_slots.hpp), not a
// mapping of its own: a script making many Values would otherwise slow
// every fork. A shareable one (spawn or forkserver) takes a memfd page as
// a shareable SharedBlock does, `handle` being its descriptor, and a child
// rebuilds it with _rebuild_value(cls, typecode, handle).
struct SharedValueObject : SharedBlockObject {
  char typecode = 'i';
  const ArrayKind* kind = nullptr;  // the storage kind ('B' for 'c', 'I' for 'u')
  SharedSlot slot;                  // empty when the item is in a memfd page
  explicit SharedValueObject(Type* t) : SharedBlockObject(t) {}
  ~SharedValueObject() override {
    if (slot.memory == nullptr) return;  // a mapping: the base unmaps it
    data = nullptr;                      // a slot: the base must not unmap it
    shared_slot_free(slot);
  }
};

Type* value_type = nullptr;

// The typecode argument, checked as sharedctypes does, in its words: a
// str, and a known code.
char value_typecode(Value code) {
  if (!isinstance(code, types().str))
    raise_type_error("gilvm's sharedctypes take a typecode string, not " + type_name(code));
  const std::string& text = code.as<Str>()->data;
  static const std::string known = "bBhHiIlLqQfdcu";
  if (text.size() != 1 || known.find(text[0]) == std::string::npos) raise_key_error(code);
  return text[0];
}

const ArrayKind* value_storage(char c) { return array_kind(c == 'c' ? 'B' : c == 'u' ? 'I' : c); }

Value value_construct(Type* type, const CallArgs& a) {
  if (a.count == 0) raise_type_error("SharedValue() missing required argument 'typecode' (pos 1)");
  ArgParser p(a, "SharedValue", {"typecode", "shareable"}, 1, false, 1);
  char c = value_typecode(p.get(0));
  bool shareable = is_truthy(p.get(1, Value::false_value()));
  const ArrayKind* kind = value_storage(c);
  SharedSlot slot;
  int fd = -1;
  void* memory = nullptr;  // zeroed either way
  if (shareable) {
    memory = map_shared(kind->size, true, &fd);
  } else {
    slot = shared_slot_alloc();
    memory = slot.memory;
  }
  auto* v = gc_new<SharedValueObject>(type);
  v->slot = slot;
  v->fd = fd;
  v->data = static_cast<unsigned char*>(memory);
  v->size = kind->size;
  v->typecode = c;
  v->kind = kind;
  return v;
}

// _rebuild_value(cls, typecode, handle): a child's SharedValue (of the
// SharedValue subclass cls, created without calling __init__) over the
// memfd of an inherited handle; it owns the descriptor from then on.
Value value_rebuild(const CallArgs& a) {
  ArgParser p(a, "_rebuild_value", {"cls", "typecode", "handle"}, 3, false);
  Value cls = p.get(0);
  if (!isinstance(cls, types().type) || !cls.as<Type>()->is_subtype_of(value_type))
    raise_type_error("_rebuild_value() argument 1 must be a subtype of SharedValue");
  char c = value_typecode(p.get(1));
  int fd = static_cast<int>(index_value(p.get(2)));
  const ArrayKind* kind = value_storage(c);
  void* memory = map_shared_fd(fd, kind->size);
  auto* v = gc_new<SharedValueObject>(cls.as<Type>());
  v->fd = fd;
  v->data = static_cast<unsigned char*>(memory);
  v->size = kind->size;
  v->typecode = c;
  v->kind = kind;
  return v;
}

Value value_get(Value self) {
  auto* v = self.as<SharedValueObject>();
  Value raw = array_load(v->kind, v->data);
  if (v->typecode == 'c') return new_bytes(std::string(1, static_cast<char>(v->data[0])));
  if (v->typecode == 'u') return call(builtins_dict()->table.get_str(intern("chr")), {raw});
  return raw;
}

void value_set(Value self, Value value) {
  if (value.is_null()) raise_attribute_error("can't delete attribute");
  auto* v = self.as<SharedValueObject>();
  if (v->typecode == 'c') {
    if (!isinstance(value, types().bytes) && !isinstance(value, types().bytearray))
      raise_type_error("one character bytes, bytearray or integer expected");
    std::string data(buffer_or_raise(value).bytes());
    if (data.size() != 1) raise_type_error("one character bytes, bytearray or integer expected");
    v->data[0] = static_cast<unsigned char>(data[0]);
    return;
  }
  if (v->typecode == 'u') {
    if (!isinstance(value, types().str) || value.as<Str>()->length != 1)
      raise_type_error("unicode string expected instead of " + type_name(value) + " instance");
    value = call(builtins_dict()->table.get_str(intern("ord")), {value});
  }
  // Converted first (it may raise, or run Python), then written.
  unsigned char item[16];
  array_store(v->kind, value, item);
  std::memcpy(v->data, item, v->kind->size);
}

}  // namespace

void add_shared_block(Module* m) {
  if (block_type == nullptr) {
    block_type = new_builtin_type("SharedBlock", types().object, block_construct);
    add_type_attr(block_type, "__module__", intern("_multiprocessing"));
    add_method(block_type, "load", block_load);
    add_method(block_type, "store", block_store);
    add_method(block_type, "read", block_read);
    add_method(block_type, "write", block_write);
    add_getset(block_type, "size", block_size);
    add_getset(block_type, "handle", block_handle);
  }
  if (value_type == nullptr) {
    value_type = new_builtin_type("SharedValue", block_type, value_construct);
    add_type_attr(value_type, "__module__", intern("_multiprocessing"));
    add_getset(value_type, "value", value_get, value_set);
  }
  m->dict()->table.set(intern("SharedBlock"), block_type);
  add_function(m, "_rebuild_block", block_rebuild);
  m->dict()->table.set(intern("SharedValue"), value_type);
  add_function(m, "_rebuild_value", value_rebuild);
}

}  // namespace gilvm
