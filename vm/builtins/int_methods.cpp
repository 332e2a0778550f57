#include "vm/builtins/install.hpp"

namespace gilvm {

void install_int_methods() {}

}  // namespace gilvm
