// What the embedding API's sources share: the bridge between handles
// (api::Object) and the VM's Values, and the wrapper every API entry point
// runs its body in.
//
// Contract
// --------
// * `with_gil(body)` makes sure the calling thread holds the GIL (taking it,
//   with a thread state made on first use, when it does not) and turns a
//   Python exception escaping `body` into api::Error. Every public function
//   that reads or makes a Value runs inside one.
// * `handle_value` reads a handle's Value; call it with the GIL held (the
//   value may be collected otherwise only if no handle holds it, which the
//   caller's handle rules out, but the object's contents may change).
// * Values never leave these sources: the public headers see handles only.
#pragma once

#include <new>
#include <string>
#include <utility>

#define GILVM_IMPLEMENTATION 1
#include "vm/errors.hpp"
#include "vm/value.hpp"

namespace gilvm {
using VmObject = Object;  // the heap object base, before api::Object exists
}  // namespace gilvm

#include "gilvm/gilvm.hpp"

namespace gilvm::embed {

uint32_t new_handle(Value v);
Value handle_value(uint32_t slot);
inline Value value_of(const api::Object& o) { return handle_value(o.slot()); }
inline api::Object object_of(Value v) { return api::Object::adopt_slot(new_handle(v)); }

// Registers the handle table with the collector (once, at start-up).
void register_handle_roots();

// Whether an interpreter is running (between its construction and its
// destruction): API calls outside that window throw api::Error.
bool interpreter_running();
void set_interpreter_running(bool running);

// The calling thread's state, made (and registered) on first use for a
// host thread, and the count of guards that took the GIL on it (see
// handles.cpp). leave_host_thread returns true when the thread leaves the
// interpreter altogether: release the GIL with gil().drop(nullptr) then.
ThreadState* host_thread_state();
void enter_host_thread(ThreadState* ts);
bool leave_host_thread(ThreadState* ts);

// An api::Error for a Python exception object.
api::Error error_from_exception(Value exception);

template <class F>
decltype(auto) with_gil(F&& body) {
  api::GilAcquire gil;
  try {
    return body();
  } catch (PyException&) {
    throw error_from_exception(take_current_exception());
  } catch (const NativeError& e) {
    set_exception_from_native(e);
    throw error_from_exception(take_current_exception());
  }
}

}  // namespace gilvm::embed
