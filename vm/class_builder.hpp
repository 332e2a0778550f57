// Creating classes: `class` statements (__build_class__), type(name,
// bases, dict), the C3 method resolution order, and super().
#pragma once

#include <vector>

#include "vm/objects/function.hpp"

namespace gilvm {

struct Dict;

// type(name, bases, namespace) for the metatype `meta`.
// `class_keywords` holds the class statement's keywords other than
// metaclass (no positional arguments), for __init_subclass__.
Type* create_class(Type* meta, const std::string& name, const std::vector<Type*>& bases, Dict* ns,
                   const CallArgs& class_keywords = CallArgs{nullptr, 0});
// C3 linearization; TypeError when no consistent order exists.
std::vector<Type*> compute_mro(Type* cls, const std::vector<Type*>& bases);

Value builtin_build_class(const CallArgs& args);

struct Super : Object {
  Type* start;     // look after this class in the MRO...
  Value instance;  // ...of this object (or class)
  Type* instance_type;
  Super(Type* t, Type* s, Value i, Type* it) : Object(t), start(s), instance(i), instance_type(it) {}
  void trace(Tracer& t) override {
    t.visit(start);
    t.visit(instance);
    t.visit(instance_type);
  }
};
Value super_get_attr(Super* s, Str* name);  // null if absent
void install_super_type();

}  // namespace gilvm
