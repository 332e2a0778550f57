// How C++ code that knows nothing of the object model reports a Python error.
//
// Pure helpers (number parsing and formatting, big-int arithmetic, the
// random generator, the lexer's literal decoding) throw NativeError with the
// kind of Python exception and CPython's message text. The interpreter turns
// it into a real exception object of that class where it catches it, so the
// helpers stay testable without a running VM.
#pragma once

#include <stdexcept>
#include <string>

namespace gilvm {

enum class ErrorKind {
  TypeError,
  ValueError,
  ZeroDivisionError,
  OverflowError,
  IndexError,
  KeyError,
  AttributeError,
  NameError,
  RuntimeError,
  RecursionError,
  MemoryError,
  NotImplementedError,
  StopIteration,
  UnicodeError,
  UnicodeDecodeError,
  UnicodeEncodeError,
  AssertionError,
  LookupError,
  OSError,
  FileNotFoundError,
  EOFError,
  ImportError,
  ModuleNotFoundError,
  SystemError,
};

struct NativeError : std::runtime_error {
  ErrorKind kind;
  NativeError(ErrorKind k, std::string message)
      : std::runtime_error(std::move(message)), kind(k) {}
};

[[noreturn]] inline void throw_native(ErrorKind kind, std::string message) {
  throw NativeError(kind, std::move(message));
}

}  // namespace gilvm
