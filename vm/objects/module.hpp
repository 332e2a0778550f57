// Modules: a name and a namespace dict (the module's `attrs`).
#pragma once

#include "vm/object.hpp"

namespace gilvm {

struct Module : Object {
  explicit Module(Type* t) : Object(t) {}
  bool builtin = false;  // implemented in C++ (its repr says "(built-in)")
  Dict* dict() const { return attrs; }
};

// A new module whose dict holds __name__ (and __doc__ = None).
Module* new_module(std::string_view name);

}  // namespace gilvm
