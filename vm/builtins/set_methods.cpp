#include "vm/builtins/install.hpp"

namespace gilvm {

void install_set_methods() {}

}  // namespace gilvm
