#include "vm/builtins/install.hpp"

namespace gilvm {

void install_exception_methods() {}

}  // namespace gilvm
