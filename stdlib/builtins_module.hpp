// The `builtins` module's functions (print, len, sorted, open, ...) and the
// file objects that open() returns and that back sys.stdout/stderr/stdin.
//
// The built-in types (int, str, list, ...) are put into the builtins namespace
// by the core; install_builtin_functions adds everything else, including the
// iterator types map, filter, zip, enumerate and reversed.
#pragma once

#include "vm/value.hpp"

namespace gilvm {

struct Dict;

// Fills `builtins` with the built-in functions. Called once at start-up.
void install_builtin_functions(Dict* builtins);

// A file object wrapping a standard descriptor (0, 1 or 2), e.g.
// make_std_stream(1, "<stdout>", "w"). One object per descriptor: later calls
// with the same fd return the first one. stdout is line-buffered when it is a
// terminal and block-buffered otherwise; stderr is line-buffered; the fd is
// never closed.
Value make_std_stream(int fd, const char* name, const char* mode);

// `gilvm -u` / PYTHONUNBUFFERED: stdout and stderr write through at once
// (their `write_through` is True). Call before the streams are made.
void set_std_streams_unbuffered(bool unbuffered);

// Raises the OSError subclass for `err` (FileNotFoundError for ENOENT, ...)
// with errno, strerror and filename set, as CPython's I/O functions do.
[[noreturn]] void raise_os_error_from_errno(int err, Value filename = Value());

// Flushes every file object that has buffered output (sys.stdout and open
// files). The runner calls it at exit; input() calls it before reading.
void flush_std_streams();
// Collects when a file object not yet seen by such a collection holds
// unwritten data, so files a script dropped are flushed (file_object.cpp).
void finalize_dropped_files();

// Set by the sys module: returns the current value of sys.<name> for
// "stdout", "stderr" or "stdin" (which scripts may replace), or null when
// there is none. Without it, print() writes to fd 1 and input() reads fd 0.
using SysStreamLookup = Value (*)(const char* name);
void set_sys_stream_lookup(SysStreamLookup lookup);

// The current sys.<name> stream ("stdout", "stderr", "stdin"): the lookup's
// answer, or the standard stream on the matching fd when there is no lookup.
Value current_std_stream(const char* name);

}  // namespace gilvm
