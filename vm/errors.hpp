// Raising Python exceptions from C++.
//
// A Python exception travels through C++ as a thrown `PyException` (an empty
// marker); the exception object itself is kept in the thread state
// (ThreadState::current_exception), where the GC sees it. The interpreter
// loop catches PyException (and NativeError from pure helpers, which it turns
// into the matching exception object) and runs the frame's handlers.
#pragma once

#include <string>

#include "vm/native_error.hpp"
#include "vm/object.hpp"

namespace gilvm {

struct PyException {};

struct Tuple;
struct Code;
struct ThreadState;

struct ExceptionObject : Object {
  Tuple* args = nullptr;
  Value traceback;         // a Traceback or null
  Value cause;             // __cause__ or null
  Value context;           // __context__ or null
  bool suppress_context = false;
  explicit ExceptionObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override;
};

// One entry of a traceback: CPython's tb_next goes toward the innermost frame.
struct Traceback : Object {
  Traceback* next;
  Code* code;
  int line;
  uint32_t pc;  // the instruction that raised: its span places the markers
  // What tb_frame needs, recorded when the entry is made (the frame itself
  // is gone by the time Python asks): its globals, its names dict (module
  // and class bodies) or null, and the frame snapshot once made.
  Value globals;
  Value locals;
  Value frame;
  Traceback(Type* t, Traceback* n, Code* c, int l, uint32_t at) : Object(t), next(n), code(c), line(l), pc(at) {}
  void trace(Tracer& t) override;
};

// The exception classes scripts use, created at start-up.
struct ExceptionTypes {
#define GILVM_EXCEPTION(name, base) Type* name;
#include "vm/exceptions.def"
#undef GILVM_EXCEPTION
};
extern ExceptionTypes g_exception_types;
inline ExceptionTypes& exc() { return g_exception_types; }

// The type for a NativeError kind.
Type* exception_type_for(ErrorKind kind);

// Creates an instance of `type` with args (message,) or () for an empty message.
Value new_exception(Type* type, const std::string& message);
Value new_exception_args(Type* type, Tuple* args);

[[noreturn]] void raise_exception(Value exception);  // an instance or a class
[[noreturn]] void raise_error(Type* type, const std::string& message);
[[noreturn]] void raise_type_error(const std::string& message);
[[noreturn]] void raise_value_error(const std::string& message);
[[noreturn]] void raise_index_error(const std::string& message);
[[noreturn]] void raise_key_error(Value key);
[[noreturn]] void raise_attribute_error(const std::string& message);
[[noreturn]] void raise_overflow_error(const std::string& message);
[[noreturn]] void raise_zero_division(const std::string& message);
[[noreturn]] void raise_runtime_error(const std::string& message);
[[noreturn]] void raise_stop_iteration(Value value);

// OSError from a C errno (vm/builtins/os_error.cpp): the subclass CPython
// maps `err` to (FileNotFoundError, ConnectionRefusedError, ...), with
// errno, strerror, filename and filename2 set (null: not given).
Type* os_error_type_for_errno(int err);
Value new_os_error(int err, const std::string& message, Value filename = Value::null(), Value filename2 = Value::null());
[[noreturn]] void raise_os_error_errno(int err, Value filename = Value::null(), Value filename2 = Value::null());

// Converts a NativeError caught from a pure helper into the thread's
// current exception (does not throw).
void set_exception_from_native(const NativeError& error);

// True if the in-flight exception is an instance of `type`; consumes it (clears
// it) when `consume` is set. Used by natives that catch e.g. StopIteration.
bool exception_matches(Type* type);
Value take_current_exception();

// Counts a recursion through C++ (a comparison of nested containers, a
// repr calling repr) against the recursion limit, as CPython's
// Py_EnterRecursiveCall does: past the limit it raises RecursionError with
// "maximum recursion depth exceeded" followed by `where`. It also raises
// when the C++ stack itself runs low, whatever the limit is set to.
class NativeRecursion {
 public:
  explicit NativeRecursion(const char* where);
  ~NativeRecursion();
  NativeRecursion(const NativeRecursion&) = delete;
  NativeRecursion& operator=(const NativeRecursion&) = delete;

 private:
  ThreadState* ts_;
};

// Raises MemoryError when a result of `bytes` bytes cannot be allocated at
// all (it exceeds the machine's physical memory). Natives about to build a
// result whose size the script chose ("x" * n, s.center(n), bytes(n)) call
// it first, so an absurd request fails at once, the way CPython's failing
// malloc does, rather than through an allocator that may abort (ASan's does).
void check_allocation_size(double bytes);

// Out of memory: a std::bad_alloc caught where native code returns to the
// interpreter becomes this MemoryError. Building it (and its traceback)
// needs memory too, so it first releases a reserve held since start-up;
// keep_memory_reserve() takes the reserve again and is called when an
// exception handler starts, by which time memory has usually come back.
Value memory_error_from_bad_alloc();
void keep_memory_reserve();

// Raises RecursionError when this thread's C++ stack is nearly used up (for
// natives that recurse without counting, such as hashing nested tuples).
void check_c_stack();

bool is_exception_instance(Value v);
bool is_exception_class(Value v);

}  // namespace gilvm
