// Which NativeFunction is running on this thread.
//
// Every call of a NativeFunction goes through call_native (vm/native.hpp),
// whose NativeCallScope records the function for the duration of its body.
// A C++ body shared by many function objects (the embedding API's natives,
// runtime/embed/natives.cpp) asks here which one was called.
#pragma once

namespace gilvm {

struct NativeFunction;

// The NativeFunction whose body is running on this thread, or null.
const NativeFunction* current_native_function();

}  // namespace gilvm
