// Helpers shared by the files that install the methods of bytes and
// bytearray.
//
// The read-only methods are written once, as templates over the self type
// (Bytes or ByteArray: both keep their contents in `std::string data`), and
// installed on both types; `self_as<Self>` checks self and `new_like<Self>`
// makes a result of self's kind, so bytearray.upper() returns a bytearray.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>

#include "vm/errors.hpp"
#include "vm/objects/bytearray.hpp"
#include "vm/objects/function.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

// args[0] as bytes, or the TypeError of a method called on something else.
Bytes* self_bytes(const CallArgs& a, const char* name);

template <class Self>
Type* kind_type() {
  if constexpr (std::is_same_v<Self, Bytes>) return types().bytes;
  else return types().bytearray;
}

template <class Self>
Self* self_as(const CallArgs& a, const char* name) {
  if (a.count == 0 || !isinstance(a[0], kind_type<Self>()))
    raise_type_error(std::string("descriptor '") + name + "' requires a '" + kind_type<Self>()->name + "' object");
  return a[0].as<Self>();
}

template <class Self>
Value new_like(std::string data) {
  if constexpr (std::is_same_v<Self, Bytes>) return new_bytes(std::move(data));
  else return new_bytearray(std::move(data));
}

class ArgParser;
// The contents of bytes(source, encoding, errors) / bytearray(...), parsed
// by `p` (source, encoding, errors); `kind` names the type in messages.
std::string bytes_from_source(const ArgParser& p, Type* kind);
// An int in range(256), or ValueError "byte must be in range(0, 256)".
unsigned char byte_value(Value v);
// bytes.decode(encoding, errors) of any bytes (encoding null: utf-8;
// errors null: strict).
Value decode_bytes(std::string_view data, Value encoding, Value errors = Value());
// Two lowercase hex digits a byte (bytes.hex()).
std::string hex_string(std::string_view data);
// The hex([sep[, bytes_per_sep]]) method of bytes, bytearray and
// memoryview, whose contents are `data` (args after self in a).
Value hex_method(std::string_view data, const CallArgs& a);

}  // namespace gilvm
