// CPython 3.11's location markers under a traceback's source line (PEP 657):
//
//     return a + b          result = d["key"]        f(1, None)
//            ~~^~~                   ~^^^^^^^        ^^^^^^^^^^
#pragma once

#include <string>

#include "vm/objects/function.hpp"

namespace gilvm {

// The marker line for the instruction at `pos` on source line `line` (text
// as in the file, without its newline), newline included; "" when CPython
// would print none (the span is unknown or covers the whole line).
std::string traceback_marker_line(const std::string& source, int line, const SourcePos& pos);

}  // namespace gilvm
