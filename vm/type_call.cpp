// What calling a class does: `C(args)` makes the instance with the class's
// construct function (or a Python-level __new__), then runs __init__ if the
// result is an instance of C. object's construct allocates a plain instance
// and rejects arguments unless __init__ or __new__ is overridden, with
// CPython's message.
//
// Also `X.__new__(S, ...)` called directly (object.__new__, int.__new__,
// super().__new__ in a subclass): every built-in type with a construct
// function has a `__new__` of its own, so that the call knows which type's
// construction was asked for, and refuses one that would skip what S's
// real type needs, as CPython does ("object.__new__(int) is not safe, use
// int.__new__()").
#include "vm/current_native.hpp"
#include "vm/native.hpp"
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

namespace {

bool installed_news = false;

// The construction `X.__new__` stands for: X's construct function, null for
// a built-in type that cannot be instantiated (it inherits object's).
ConstructFn construction_of(Type* type) {
  ConstructFn c = inherited_construct(type);
  if (c == object_construct && type->is_builtin && type != types().object) return nullptr;
  return c;
}

bool has_python_new(Type* type) {
  Value n = lookup_in_mro(type, names().__new__);
  return !n.is_null() && (type_of(n) == types().function || type_of(n) == types().staticmethod);
}

Value builtin_type_new(const CallArgs& a) {
  Type* owner = current_native_function()->owner;
  Type* target = checked_new_target(owner, a);
  return owner->construct(target, CallArgs{a.args + 1, a.count - 1, a.kwnames});
}

}  // namespace

// CPython's tp_new_wrapper rule: S must be a type and a subtype of X, and
// S's nearest base without a Python-level __new__ (S itself, usually) must
// be constructed as X is.
Type* checked_new_target(Type* owner, const CallArgs& a) {
  std::string who = owner->name + ".__new__";
  if (a.count < 1) raise_type_error(who + "(): not enough arguments");
  if (!a[0].is_object() || !a[0].object()->type->is_subtype_of(types().type))
    raise_type_error(who + "(X): X is not a type object (" + type_name(a[0]) + ")");
  Type* target = a[0].as<Type>();
  if (!target->is_subtype_of(owner))
    raise_type_error(who + "(" + target->name + "): " + target->name + " is not a subtype of " + owner->name);
  Type* static_base = target;
  while (static_base->base != nullptr && has_python_new(static_base)) static_base = static_base->base;
  if (construction_of(static_base) != construction_of(owner))
    raise_type_error(who + "(" + target->name + ") is not safe, use " + static_base->name + ".__new__()");
  return target;
}

void give_builtin_type_its_new(Type* type) {
  if (type == types().object || type->construct == nullptr) return;
  if (!type->dict()->table.get_str(names().__new__).is_null()) return;
  add_static_method(type, "__new__", builtin_type_new);
}

void install_builtin_type_news(const std::vector<Type*>& builtin_types) {
  for (Type* t : builtin_types) give_builtin_type_its_new(t);
  installed_news = true;
}

bool builtin_type_news_installed() { return installed_news; }

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
