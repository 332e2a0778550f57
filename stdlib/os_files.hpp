// The file-system half of the posix module (stdlib/os_files.cpp): stat and
// its result type, directory listing for scandir, links, permissions, times,
// descriptors opened by path, and the environment's C side (putenv/unsetenv).
// os_module.cpp adds them; the Python module os (stdlib/py/os.py) builds
// scandir, walk, environ and makedirs on top.
#pragma once

#include <string>

#include "vm/value.hpp"

namespace gilvm {

struct Module;

void add_file_functions(Module* posix_module);

// A path argument as the OS takes it: a str, bytes or an os.PathLike whose
// __fspath__ gives one. TypeErrors are CPython's: "FUNCTION: PARAM should be
// string, bytes or os.PathLike, not T" (", os.PathLike or integer" when the
// call also takes a descriptor). `converted`, when given, receives the str or
// bytes object (the filename an OSError names).
std::string os_path_arg(Value v, const char* function, const char* param = "path", Value* converted = nullptr,
                        bool allows_fd = false);

}  // namespace gilvm
