#include "vm/builtins/install.hpp"

namespace gilvm {

void install_list_methods() {}

}  // namespace gilvm
