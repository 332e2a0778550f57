// What calling a class does: `C(args)` makes the instance with the class's
// construct function (or a Python-level __new__), then runs __init__ if the
// result is an instance of C. object's construct allocates a plain instance
// and rejects arguments unless __init__ or __new__ is overridden, with
// CPython's message.
#include "vm/errors.hpp"
#include "vm/heap/finalizers.hpp"
#include "vm/heap/heap.hpp"
#include "vm/interp.hpp"
#include "vm/names.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/slots.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

bool overrides(Type* type, Str* name) {
  Value found = lookup_in_mro(type, name);
  Value base = types().object->dict()->table.get_str(name);
  return !found.is_null() && !found.is(base);
}

}  // namespace

Value object_construct(Type* type, const CallArgs& args) {
  if ((args.count != 0 || args.kw_count() != 0) && !overrides(type, names().__init__))
    raise_type_error(type->name + "() takes no arguments");
  return new_plain_instance(type);
}

// The construct function a class inherits: its nearest base that has one.
static ConstructFn inherited_construct(Type* type) {
  for (Type* t : type->mro)
    if (t->construct != nullptr) return t->construct;
  return object_construct;
}

Value type_call(Type* type, const CallArgs& args) {
  if (type == types().type && args.count == 1 && args.kw_count() == 0) return type_of(args.args[0]);
  Value instance;
  Value user_new = lookup_in_mro(type, names().__new__);
  if (!user_new.is_null() && type_of(user_new) == types().staticmethod) {
    instance = call_with_self(user_new.as<StaticMethod>()->function, type, args);
  } else if (!user_new.is_null() && type_of(user_new) == types().function) {
    instance = call_with_self(user_new, type, args);
  } else {
    ConstructFn construct = inherited_construct(type);
    if (type->is_builtin && construct == object_construct && type != types().object)
      raise_type_error("cannot create '" + type->name + "' instances");
    instance = construct(type, args);
  }
  if (!isinstance(instance, type)) return instance;
  note_new_instance(type_of(instance), instance);
  Value init = lookup_in_mro(type_of(instance), names().__init__);
  if (!init.is_null() && type_of(init) != types().native_function) {
    Value result = call_with_self(init, instance, args);
    if (!result.is_none()) raise_type_error("__init__() should return None, not '" + type_name(result) + "'");
  }
  return instance;
}

}  // namespace gilvm
