#include "vm/builtins/install.hpp"

namespace gilvm {

void install_generator_methods() {}

}  // namespace gilvm
