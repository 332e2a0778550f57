// Standard-library modules written in Python, embedded as source.
//
// Each stdlib/py/NAME.py becomes an entry of kFrozenModules at build time
// (see CMakeLists.txt); `register_frozen_modules` makes each importable
// under NAME, compiled and run the first time it is imported.
#pragma once

namespace gilvm {

struct FrozenModule {
  const char* name;
  const char* source;
};

extern const FrozenModule kFrozenModules[];  // ends with {nullptr, nullptr}

void register_frozen_modules();

}  // namespace gilvm
