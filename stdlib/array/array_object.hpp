// array.array's object layout and item codec, shared by the files of the
// array module (stdlib/array/).
//
// An array keeps its items as raw machine values (native byte order) in one
// byte vector, `kind->size` bytes each. Typecodes b B h H i I l L q Q f d
// (CPython's, on LP64 Linux); 'u' is not provided. Storing an item converts
// a Python value with CPython's errors (OverflowError "unsigned byte integer
// is greater than maximum", TypeError "must be real number, not str", ...);
// the conversion may run Python code (__index__, __float__), so callers
// convert before they take pointers into the byte vector.
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

#include "vm/object.hpp"

namespace gilvm {

struct ArrayKind {
  char code;
  uint8_t size;
  bool is_float;
};

// The kind of typecode c, or null.
const ArrayKind* array_kind(char c);

struct ArrayObject : Object {
  const ArrayKind* kind;
  std::vector<unsigned char> bytes;
  uint32_t exports = 0;  // memoryviews pinning `bytes` (vm/objects/buffer.hpp)
  ArrayObject(Type* t, const ArrayKind* k) : Object(t), kind(k) {}
  size_t length() const { return bytes.size() / kind->size; }
  unsigned char* at(size_t i) { return bytes.data() + i * kind->size; }
  const unsigned char* at(size_t i) const { return bytes.data() + i * kind->size; }
};

// BufferError "cannot resize an array that is exporting buffers" while a
// memoryview exports a; every change of size calls it first.
void array_check_resizable(ArrayObject* a);
struct BufferView;
// The array's buffer provider (registered with the type).
bool array_buffer(Object* o, BufferView* out);

// The array type (set when the module is first imported).
extern Type* array_type;

// The Python value of the item stored at p.
Value array_load(const ArrayKind* kind, const unsigned char* p);
// Converts v for kind and stores it at out (kind->size bytes); raises
// CPython's TypeError / OverflowError without writing when v does not fit.
void array_store(const ArrayKind* kind, Value v, unsigned char* out);
// Item i of a as a double, for comparing float arrays without boxing.
double array_load_double(const ArrayKind* kind, const unsigned char* p);

}  // namespace gilvm
