// Warnings issued by native code, as CPython's PyErr_WarnEx: the warnings
// module's warn(message, category) runs with the innermost Python frame as
// the warning's location, so -W options and filters apply to it as to any
// other warning; under the "error" action the warning is raised from the
// native (the call throws PyException).
//
// The -b level (CPython's bytes_warning flag) lives here: 0 issues no
// BytesWarning, 1 or more makes bytes/bytearray warn on str() and on
// comparison with str (and bytes with int), as CPython does.
#pragma once

#include <string>

namespace gilvm {

// `category` names a built-in warning class ("BytesWarning").
void warn_from_native(const char* category, const std::string& message);

void set_bytes_warning_level(int level);
int bytes_warning_level();

}  // namespace gilvm
