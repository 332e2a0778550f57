// Bytes-like objects for the native modules (struct, array, hashlib).
//
// gilvm has no general buffer protocol yet: the bytes-like objects are
// bytes and array.array (bytearray and memoryview do not exist). These
// helpers give a native module a view of such an object's bytes. A view is
// valid only until Python code runs again (an array may be resized), so
// callers copy or finish with it before calling back into Python.
#pragma once

#include <cstddef>

#include "vm/value.hpp"

namespace gilvm {

struct ByteView {
  const unsigned char* data = nullptr;
  size_t size = 0;
};
struct WritableByteView {
  unsigned char* data = nullptr;
  size_t size = 0;
};

// True (and the view) when v is bytes-like.
bool get_bytes_like(Value v, ByteView* out);
// The view, or TypeError "a bytes-like object is required, not 'T'".
ByteView bytes_like_or_raise(Value v);
// A writable view (array.array), or TypeError
// "argument must be read-write bytes-like object, not T".
WritableByteView writable_bytes_or_raise(Value v);

}  // namespace gilvm
