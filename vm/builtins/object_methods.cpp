#include "vm/builtins/install.hpp"

namespace gilvm {

void install_object_methods() {}

}  // namespace gilvm
