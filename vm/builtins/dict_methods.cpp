#include "vm/builtins/install.hpp"

namespace gilvm {

void install_dict_methods() {}

}  // namespace gilvm
