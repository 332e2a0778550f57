#include "vm/names.hpp"

#include <cstring>
#include <string>

namespace gilvm {

Names g_names{};

// Member names may carry a trailing underscore to dodge C++ keywords
// (throw_ is "throw"); the interned text drops it.
void init_names() {
  auto spelled = [](const char* n) {
    std::string s(n);
    if (!s.empty() && s.back() == '_' && s.front() != '_') s.pop_back();
    return intern(s);
  };
#define GILVM_INIT_NAME(n) names().n = spelled(#n);
  GILVM_NAMES(GILVM_INIT_NAME)
#undef GILVM_INIT_NAME
}

}  // namespace gilvm
