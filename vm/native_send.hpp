// What the interpreter's SEND (await / yield from) does with a native
// awaitable iterator, such as asyncio's FutureIter (stdlib/asyncio/), in
// place of calling its send()/__next__: a finished await then costs no
// StopIteration (a C++ throw). At most a few types register, at start-up
// or module import (GIL held), never unregister.
//
// A step returns 1 with the value to yield in *out, or 0 with the await's
// result in *out; an exception propagates as from any native.
#pragma once

#include "vm/object.hpp"

namespace gilvm {

using SendStepFn = int (*)(Object* iterator, Value sent, Value* out);

struct NativeSendTable {
  static constexpr int kMax = 4;
  Type* types[kMax] = {};
  SendStepFn steps[kMax] = {};
  int count = 0;
};
inline NativeSendTable g_native_send_table;

inline void register_send_step(Type* type, SendStepFn step) {
  NativeSendTable& t = g_native_send_table;
  if (t.count < NativeSendTable::kMax) {
    t.types[t.count] = type;
    t.steps[t.count] = step;
    ++t.count;
  }
}

inline SendStepFn send_step_for(const Type* type) {
  const NativeSendTable& t = g_native_send_table;
  for (int i = 0; i < t.count; ++i)
    if (t.types[i] == type) return t.steps[i];
  return nullptr;
}

}  // namespace gilvm
