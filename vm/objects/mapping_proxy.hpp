// types.MappingProxyType: a read-only view of a mapping.
//
// A class's `__dict__` (and so `vars(cls)`) is one over the class's own
// dict, as in CPython: Python code can read the namespace but every change
// has to go through setattr/delattr on the class, which bump the type
// epoch that the method cache and the interpreter's attribute caches
// depend on (docs/architecture.md, "Attribute lookup"). C++ code keeps
// using Type::dict() directly.
//
// Over any mapping the proxy forwards reads (indexing, get, keys, values,
// items, copy, iteration, len, `in`, comparisons, `|`) and has no way to
// write: item assignment and deletion raise CPython's TypeErrors.
#pragma once

#include "vm/object.hpp"
#include "vm/value.hpp"

namespace gilvm {

struct MappingProxy : Object {
  Value mapping;
  MappingProxy(Type* t, Value m) : Object(t), mapping(m) {}
  void trace(Tracer& t) override { t.visit(mapping); }
};

Type* mapping_proxy_type();
// A new proxy over `mapping` (not checked: callers pass a dict).
Value new_mapping_proxy(Value mapping);

void install_mapping_proxy_type();

}  // namespace gilvm
