// object and type: the defaults every class inherits (repr, str, equality,
// hash, attribute access for super() calls, format) and the attributes of
// classes (__name__, __mro__, ...). Also the other small built-in types:
// NoneType, NotImplementedType, ellipsis, bool.
#include <cstdio>

#include "vm/builtins/install.hpp"
#include "vm/class_builder.hpp"
#include "vm/errors.hpp"
#include "vm/frame.hpp"
#include "vm/heap/heap.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/interp.hpp"
#include "vm/objects/instance_values.hpp"
#include "vm/objects/slots.hpp"
#include "vm/objects/mapping_proxy.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

std::string address_of(Value v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v.raw()));
  return buf;
}

std::string module_prefix(Type* t) {
  // Built-in types live in builtins unless they name their module (as
  // _thread.lock and _io.TextIOWrapper do).
  Value m = t->dict()->table.get_str(names().__module__);
  if (m.is_null() || type_of(m) != types().str) return "";
  std::string name = m.as<Str>()->data;
  return name == "builtins" ? "" : name + ".";
}

Value object_repr(const CallArgs& a) {
  Type* t = type_of(a[0]);
  return new_str("<" + module_prefix(t) + t->qualname + " object at " + address_of(a[0]) + ">");
}
Value object_str(const CallArgs& a) { return repr(a[0]); }
Value object_eq(const CallArgs& a) {
  check_arg_count(a, "__eq__", 2, 2);
  return a[0].is(a[1]) ? Value::true_value() : not_implemented();
}
Value object_ne(const CallArgs& a) {
  check_arg_count(a, "__ne__", 2, 2);
  // Inverts __eq__ unless it is NotImplemented.
  Value eq = lookup_in_mro(type_of(a[0]), names().__eq__);
  Value r = eq.is_null() ? not_implemented() : call_object(eq, CallArgs{a.args, 2});
  if (r.is(not_implemented())) return r;
  return Value::boolean(!is_truthy(r));
}
Value object_not_implemented_compare(const CallArgs&) { return not_implemented(); }
Value object_hash(const CallArgs& a) {
  return Value::small_int(static_cast<int64_t>(a[0].raw() >> 4));
}
Value object_init(const CallArgs&) { return Value::none(); }
Value object_new(const CallArgs& a) {
  // Only for types constructed as object is (checked_new_target refuses
  // the rest): a plain instance.
  return new_plain_instance(checked_new_target(types().object, a));
}
Value object_format(const CallArgs& a) {
  check_arg_count(a, "__format__", 2, 2);
  if (type_of(a[1]) != types().str) raise_type_error("__format__() argument must be str, not " + type_name(a[1]));
  if (!a[1].as<Str>()->data.empty())
    raise_type_error("unsupported format string passed to " + type_name(a[0]) + ".__format__");
  return to_str(a[0]);
}
Value object_getattribute(const CallArgs& a) {
  check_arg_count(a, "__getattribute__", 2, 2);
  // The generic lookup, without the class's own __getattribute__ hook.
  Type* t = type_of(a[0]);
  bool saved = t->has_getattr_hook;
  t->has_getattr_hook = false;
  try {
    Value v = get_attr(a[0], attribute_name(a[1]));
    t->has_getattr_hook = saved;
    return v;
  } catch (...) {
    t->has_getattr_hook = saved;
    throw;
  }
}
Value object_setattr(const CallArgs& a) {
  check_arg_count(a, "__setattr__", 3, 3);
  Type* t = type_of(a[0]);
  bool saved = t->has_setattr_hook;
  t->has_setattr_hook = false;
  try {
    set_attr(a[0], attribute_name(a[1]), a[2]);
  } catch (...) {
    t->has_setattr_hook = saved;
    throw;
  }
  t->has_setattr_hook = saved;
  return Value::none();
}
Value object_delattr(const CallArgs& a) {
  check_arg_count(a, "__delattr__", 2, 2);
  Type* t = type_of(a[0]);
  bool saved = t->has_setattr_hook;
  t->has_setattr_hook = false;
  try {
    del_attr(a[0], attribute_name(a[1]));
  } catch (...) {
    t->has_setattr_hook = saved;
    throw;
  }
  t->has_setattr_hook = saved;
  return Value::none();
}
// object.__init_subclass__(cls): the end of the chain, which accepts no
// class keywords.
Value object_init_subclass(const CallArgs& a) {
  if (a.kw_count() > 0 || a.count > 1) {
    std::string owner = a.count > 0 && isinstance(a[0], types().type) ? a[0].as<Type>()->name + "." : "";
    raise_type_error(owner + "__init_subclass__() takes no keyword arguments");
  }
  return Value::none();
}
Value object_get_class(Value self) { return type_of(self); }

// The built-in type whose memory layout instances of `t` share.
Type* solid_base(Type* t) {
  while (!t->is_builtin && t->base != nullptr) t = t->base;
  return t;
}

// CPython's variable-size instances (int, str, bytes, tuple) never allow
// __class__ assignment, even between two subclasses of the same one.
bool is_variable_size(Type* base) {
  CoreTypes& t = types();
  return base == t.int_ || base == t.bool_ || base == t.str || base == t.bytes || base == t.tuple;
}

// obj.__class__ = cls: allowed between classes defined in Python whose
// instances are laid out alike (same built-in base), as in CPython. Cached
// attribute lookups key on the object's type, so they follow the change.
void object_set_class(Value self, Value value) {
  if (!value.is_object() || !value.object()->type->is_subtype_of(types().type))
    raise_type_error("__class__ must be set to a class, not '" + type_name(value) + "' object");
  Type* new_type = value.as<Type>();
  Type* old_type = type_of(self);
  bool both_modules = new_type->is_subtype_of(types().module) && old_type->is_subtype_of(types().module);
  if (!both_modules && (new_type->is_builtin || old_type->is_builtin))
    raise_type_error("__class__ assignment only supported for mutable types or ModuleType subclasses");
  if (solid_base(new_type) != solid_base(old_type) || is_variable_size(solid_base(new_type)) ||
      new_type->instances_have_dict != old_type->instances_have_dict || !same_slot_layout(new_type, old_type))
    raise_type_error("__class__ assignment: '" + new_type->name + "' object layout differs from '" + old_type->name +
                     "'");
  // Inline values are named by the old class's shared keys.
  if (has_inline_values(self.object())) materialize_instance_dict(self.object());
  self.object()->type = new_type;
}
Value object_get_dict(Value self) {
  if (!self.is_object()) raise_attribute_error("'" + type_name(self) + "' object has no attribute '__dict__'");
  Object* o = self.object();
  if (has_inline_values(o)) return materialize_instance_dict(o);
  // A slotted class over list or dict keeps its slots in attrs, yet has no __dict__.
  if (o->attrs == nullptr || (!o->type->is_builtin && !o->type->instances_have_dict)) {
    if (!o->type->instances_have_dict)
      raise_attribute_error("'" + o->type->name + "' object has no attribute '__dict__'");
    o->attrs = new_dict();
  }
  return o->attrs;
}

// obj.__dict__ = d makes d the instance's namespace (shared, not copied).
void object_set_dict(Value self, Value value) {
  if (!self.is_object() || !self.object()->type->instances_have_dict)
    raise_attribute_error("'" + type_name(self) + "' object has no attribute '__dict__'");
  if (self.object()->type->is_subtype_of(types().module)) raise_attribute_error("readonly attribute");
  if (!isinstance(value, types().dict))
    raise_type_error("__dict__ must be set to a dictionary, not a '" + type_name(value) + "'");
  drop_inline_values(self.object());
  self.object()->attrs = value.as<Dict>();
}

// --- type ---------------------------------------------------------------------

Type* self_type(Value v) { return v.as<Type>(); }
Value type_repr(const CallArgs& a) {
  Type* t = self_type(a[0]);
  return new_str("<class '" + module_prefix(t) + t->qualname + "'>");
}
Value type_get_name(Value self) { return new_str(self_type(self)->name); }
void type_set_name(Value self, Value v) {
  if (type_of(v) != types().str) raise_type_error("can only assign string to " + self_type(self)->name + ".__name__, not '" + type_name(v) + "'");
  self_type(self)->name = v.as<Str>()->data;
}
Value type_get_qualname(Value self) { return new_str(self_type(self)->qualname); }
void type_set_qualname(Value self, Value v) {
  if (type_of(v) != types().str)
    raise_type_error("can only assign string to " + self_type(self)->name + ".__qualname__, not '" + type_name(v) + "'");
  self_type(self)->qualname = v.as<Str>()->data;
}
Value type_get_module(Value self) {
  Type* t = self_type(self);
  Value m = t->dict()->table.get_str(names().__module__);
  if (!m.is_null()) return m;
  return intern("builtins");
}
Value type_get_mro(Value self) {
  ValueVector items(self_type(self)->mro.begin(), self_type(self)->mro.end());
  return new_tuple(std::move(items));
}
Value type_get_bases(Value self) {
  ValueVector items(self_type(self)->bases.begin(), self_type(self)->bases.end());
  return new_tuple(std::move(items));
}
Value type_get_base(Value self) {
  Type* b = self_type(self)->base;
  return b == nullptr ? Value::none() : Value(b);
}
// A read-only view: class changes must go through setattr (see
// vm/objects/mapping_proxy.hpp).
Value type_get_dict(Value self) { return new_mapping_proxy(self_type(self)->dict()); }
Value type_get_doc(Value self) {
  Value d = self_type(self)->dict()->table.get_str(names().__doc__);
  return d.is_null() ? Value::none() : d;
}
Value type_mro(const CallArgs& a) {
  ValueVector items(self_type(a[0])->mro.begin(), self_type(a[0])->mro.end());
  return new_list(std::move(items));
}
// type.__call__(cls, ...): __new__ then __init__. Called straight (not
// through call_object), so a metaclass __call__ that delegates here with
// super().__call__() does not find itself again.
Value type_call_method(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], types().type))
    raise_type_error("descriptor '__call__' requires a 'type' object");
  return type_call(a[0].as<Type>(), CallArgs{a.args + 1, a.count - 1, a.kwnames});
}
Value type_construct(Type* meta, const CallArgs& args) {
  if (args.count == 1 && args.kw_count() == 0) return type_of(args[0]);
  if (args.count != 3) raise_type_error("type() takes 1 or 3 arguments");
  if (type_of(args[0]) != types().str) raise_type_error("type.__new__() argument 1 must be str, not " + type_name(args[0]));
  if (type_of(args[1]) != types().tuple) raise_type_error("type.__new__() argument 2 must be tuple, not " + type_name(args[1]));
  if (!isinstance(args[2], types().dict)) raise_type_error("type.__new__() argument 3 must be dict, not " + type_name(args[2]));
  std::vector<Type*> bases;
  for (Value b : args[1].as<Tuple>()->items) {
    if (!isinstance(b, types().type)) raise_type_error("bases must be types");
    bases.push_back(b.as<Type>());
  }
  Dict* ns = args[2].as<Dict>();
  Root keep_ns(ns);
  if (ns->table.get_str(names().__module__).is_null()) {
    // type() called directly: the module of the Python code calling it, as
    // CPython does. The caller's dict itself stays as it was.
    Frame* caller = current_thread_state()->current_frame;
    Value module_name = caller != nullptr && caller->globals != nullptr
                            ? caller->globals->table.get_str(names().__name__)
                            : Value::null();
    Dict* copy = new_dict();
    const DictTable& t = ns->table;
    for (size_t i = 0; i < t.entry_capacity(); ++i) {
      const DictEntry& e = t.entry_at(i);
      if (!e.key.is_null()) copy->table.set(e.key, e.value);
    }
    if (!module_name.is_null()) copy->table.set(names().__module__, module_name);
    ns = copy;
  }
  Root keep_copy(ns);
  // Keywords (type.__new__(mcs, name, bases, ns, **kw) from a metaclass)
  // go on to __init_subclass__.
  return create_class(meta, args[0].as<Str>()->data, bases, ns, CallArgs{args.args + args.count, 0, args.kwnames});
}
Value type_subclasscheck(const CallArgs& a) {
  check_arg_count(a, "__subclasscheck__", 2, 2);
  return Value::boolean(isinstance(a[1], types().type) && a[1].as<Type>()->is_subtype_of(self_type(a[0])));
}
Value type_instancecheck(const CallArgs& a) {
  check_arg_count(a, "__instancecheck__", 2, 2);
  return Value::boolean(isinstance(a[1], self_type(a[0])));
}

// --- None, NotImplemented, Ellipsis, bool -------------------------------------------

Value none_repr(const CallArgs&) { return intern("None"); }
Value none_bool(const CallArgs&) { return Value::false_value(); }
Value none_construct(Type*, const CallArgs& a) {
  if (a.count != 0) raise_type_error("NoneType takes no arguments");
  return Value::none();
}
Value not_implemented_repr(const CallArgs&) { return intern("NotImplemented"); }
Value ellipsis_repr(const CallArgs&) { return intern("Ellipsis"); }
Value bool_repr(const CallArgs& a) { return intern(is_truthy(a[0]) ? "True" : "False"); }
Value bool_construct(Type*, const CallArgs& a) {
  no_keywords(a, "bool");
  check_arg_count(a, "bool", 0, 1);
  return Value::boolean(a.count == 1 && is_truthy(a[0]));
}

}  // namespace

void install_object_methods() {
  Type* o = types().object;
  add_method(o, "__repr__", object_repr);
  add_method(o, "__str__", object_str);
  add_method(o, "__eq__", object_eq);
  add_method(o, "__ne__", object_ne);
  for (const char* n : {"__lt__", "__le__", "__gt__", "__ge__"}) add_method(o, n, object_not_implemented_compare);
  add_method(o, "__hash__", object_hash);
  add_method(o, "__init__", object_init);
  add_static_method(o, "__new__", object_new);
  add_method(o, "__format__", object_format);
  add_method(o, "__getattribute__", object_getattribute);
  add_method(o, "__setattr__", object_setattr);
  add_method(o, "__delattr__", object_delattr);
  add_class_method(o, "__init_subclass__", object_init_subclass);
  add_getset(o, "__class__", object_get_class, object_set_class);
  add_getset(o, "__dict__", object_get_dict, object_set_dict);

  Type* t = types().type;
  t->construct = type_construct;
  add_method(t, "__repr__", type_repr);
  add_method(t, "mro", type_mro);
  add_method(t, "__call__", type_call_method);
  add_method(t, "__subclasscheck__", type_subclasscheck);
  add_method(t, "__instancecheck__", type_instancecheck);
  add_getset(t, "__name__", type_get_name, type_set_name);
  add_getset(t, "__qualname__", type_get_qualname, type_set_qualname);
  add_getset(t, "__module__", type_get_module);
  add_getset(t, "__mro__", type_get_mro);
  add_getset(t, "__bases__", type_get_bases);
  add_getset(t, "__base__", type_get_base);
  add_getset(t, "__dict__", type_get_dict);
  add_getset(t, "__doc__", type_get_doc);

  add_method(types().none, "__repr__", none_repr);
  add_method(types().none, "__bool__", none_bool);
  types().none->construct = none_construct;
  add_method(types().not_implemented, "__repr__", not_implemented_repr);
  add_method(types().ellipsis, "__repr__", ellipsis_repr);
  add_method(types().bool_, "__repr__", bool_repr);
  types().bool_->construct = bool_construct;
  install_super_type();
}

}  // namespace gilvm
