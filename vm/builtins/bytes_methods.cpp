#include "vm/builtins/install.hpp"

namespace gilvm {

void install_bytes_methods() {}

}  // namespace gilvm
