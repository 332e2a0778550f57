// The bytecode interpreter loop.
//
// Not written yet: the compiler and the loop are the next step of the
// language-core issue. Until then the entry points raise SystemError, so the
// object model and its callers can be built and unit-tested on their own.
#include "vm/interp.hpp"

#include "vm/errors.hpp"

namespace gilvm {

Value call_function(Function*, const CallArgs&, bool) {
  raise_error(exc().SystemError, "the bytecode interpreter is not available in this build yet");
}

Value run_code(Code*, Dict*, Dict*, bool) {
  raise_error(exc().SystemError, "the bytecode interpreter is not available in this build yet");
}

}  // namespace gilvm
