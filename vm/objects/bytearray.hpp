// bytearray: a mutable sequence of bytes.
//
// The contents are a plain std::string, as in Bytes, so that the read-only
// methods the two types share (vm/builtins/bytes_text_methods.cpp) work on
// either through the same `data` field. `exports` counts the memoryviews
// that pin the storage (vm/objects/buffer.hpp): every operation that
// changes the size calls bytearray_check_resizable first.
#pragma once

#include <cstdint>
#include <string>

#include "vm/object.hpp"

namespace gilvm {

struct ByteArray : Object {
  std::string data;
  uint32_t exports = 0;
  ByteArray(Type* t, std::string d) : Object(t), data(std::move(d)) {}
};

ByteArray* new_bytearray(std::string data);
// BufferError "Existing exports of data: object cannot be re-sized" while a
// memoryview exports b.
void bytearray_check_resizable(ByteArray* b);

}  // namespace gilvm
