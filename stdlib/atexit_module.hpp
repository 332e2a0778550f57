// The atexit module (stdlib/atexit_module.cpp).
#pragma once

namespace gilvm {

void register_atexit_module();
// Runs the registered callbacks, last registered first, and forgets them;
// errors are printed, never raised. The runner calls it at normal exit.
void run_atexit_callbacks();

}  // namespace gilvm
