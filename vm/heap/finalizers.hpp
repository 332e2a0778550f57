// The interpreter's side of finalization: what the heap calls for an
// unreachable object that has a finalizer, and which objects have one.
//
// Contract
// --------
// * An instance of a Python class whose MRO defines `__del__` is registered
//   with the heap when `type_call` creates it (a `__del__` added to the class
//   later is not seen for instances that already exist).
// * The heap runs each registered object's finalizer at most once, at a
//   safepoint after the collection that found it unreachable, or at exit
//   for those still alive then (vm/heap/heap.hpp).
// * `__del__` runs with the object intact; an exception escaping it is
//   printed as CPython prints it ("Exception ignored in: <function
//   C.__del__ at 0x...>" and the traceback) and goes no further.
#pragma once

#include "vm/object.hpp"

namespace gilvm {

// Registers a new instance of `type` for finalization if its class has a `__del__`.
void note_new_instance(Type* type, Value instance);

// Installs the heap's finalizer runner (at VM start).
void install_finalizer_runner();

}  // namespace gilvm
