#include "vm/builtins/install.hpp"

namespace gilvm {

void install_str_methods() {}

}  // namespace gilvm
