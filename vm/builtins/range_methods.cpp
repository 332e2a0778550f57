#include "vm/builtins/install.hpp"

namespace gilvm {

void install_range_methods() {}

}  // namespace gilvm
