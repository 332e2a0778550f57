#include "vm/builtins/install.hpp"

namespace gilvm {

void install_function_methods() {}

}  // namespace gilvm
