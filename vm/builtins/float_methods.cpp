#include "vm/builtins/install.hpp"

namespace gilvm {

void install_float_methods() {}

}  // namespace gilvm
