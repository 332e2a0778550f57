// The buffer protocol: one way for natives to read (and write) the bytes of
// a bytes-like object, whatever its type.
//
// Contract
// --------
// * An exporter type (bytes, bytearray, memoryview, array.array, and their
//   subclasses) registers one BufferProvider with register_buffer_type. The
//   provider fills a BufferView describing the object's contents as they
//   are now. Registering is how a stdlib type (array, in stdlib/) exports
//   without the VM knowing it.
// * A BufferView is a borrowed pointer: valid only until Python code runs
//   again (a __index__, a call, an iteration step may resize a bytearray or
//   an array and move its storage). A native takes the view, copies or
//   finishes with it, and takes it again after anything that may run Python.
// * Exports. A resizable exporter (bytearray, array.array) keeps a counter
//   of the memoryviews that pin its storage; the view reports it in
//   `exports`. Before changing its size, an exporter calls
//   check_resizable: while some live memoryview still exports it, it
//   raises BufferError with the exporter's message (CPython's). The counter
//   may overcount (a view dropped without release() is only freed by a
//   later collection), so check_resizable recounts before refusing: views
//   that no precise root reaches any more are released then, which is what
//   reference counting would have done the moment they were dropped.
// * Views are one-dimensional: `size` bytes of `itemsize`-byte items in the
//   struct-module `format` (one character: 'B' for bytes and bytearray, the
//   typecode for arrays, the cast format for memoryviews). A memoryview
//   with a step (m[::2]) is not contiguous; its provider fails, and natives
//   that need contiguous bytes see it as not bytes-like (CPython says
//   "a bytes-like object is required" there too, since they ask for a
//   contiguous buffer); memoryview itself reads such views item by item.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vm/object.hpp"

namespace gilvm {

struct BufferView {
  unsigned char* data = nullptr;
  size_t size = 0;           // bytes
  size_t itemsize = 1;
  char format = 'B';
  bool readonly = true;
  uint32_t* exports = nullptr;  // the exporter's counter; null when it cannot resize (bytes)
  Object* exporter = nullptr;   // the object that owns the memory (a memoryview's base)
  std::string_view bytes() const { return {reinterpret_cast<const char*>(data), size}; }
};

// Fills *out for object o (whose type registered the provider); false when
// o cannot export a contiguous buffer now (a released or strided view).
using BufferProvider = bool (*)(Object* o, BufferView* out);
// Copies the bytes of an object whose provider failed because its items are
// not contiguous (a strided memoryview); optional.
using BufferCopier = bool (*)(Object* o, std::string* out);
void register_buffer_type(Type* type, BufferProvider provider, BufferCopier copier = nullptr);

// True (and the view) when v exports a contiguous buffer.
bool get_buffer(Value v, BufferView* out);
// Whether v's type exports buffers at all (even if this object cannot now).
bool has_buffer_type(Value v);
// The view, or TypeError "a bytes-like object is required, not 'T'".
BufferView buffer_or_raise(Value v);
// A writable view, or TypeError "argument must be read-write bytes-like
// object, not T".
BufferView writable_buffer_or_raise(Value v);
// A copy of v's bytes, contiguous or not (bytes(m[::2])); false when v
// exports no buffer.
bool copy_buffer(Value v, std::string* out);
// copy_buffer, or TypeError as buffer_or_raise.
std::string buffer_bytes(Value v);

// Raises BufferError(message) when live memoryviews export `exporter`
// (see the contract); `exports` is its counter.
void check_resizable(Object* exporter, uint32_t* exports, const char* message);

}  // namespace gilvm
