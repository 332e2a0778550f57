#include "vm/ops.hpp"

#include <algorithm>
#include <cmath>

#include "vm/builtins/container_ops.hpp"
#include "vm/builtins/str_ops.hpp"
#include "vm/class_builder.hpp"
#include "vm/errors.hpp"
#include "vm/eval_breaker.hpp"
#include "vm/heap/heap.hpp"
#include "vm/interp.hpp"
#include "vm/iteration_end.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/number_ops.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/function.hpp"
#include "vm/objects/generator.hpp"
#include "vm/objects/instance_values.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/set.hpp"
#include "vm/objects/slots.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/text/float_format.hpp"
#include "vm/text/repr.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

// ---------------------------------------------------------------------------
// Types and lookup

bool isinstance(Value v, Type* t) { return type_of(v)->is_subtype_of(t); }

const std::string& type_name(Value v) { return type_of(v)->name; }

// The method cache: results of MRO lookups, keyed by (type, name) and
// stamped with the type-system epoch. Any change to a class namespace, any
// new class and any freed type bumps the epoch, which invalidates every
// entry at once; that is rare next to lookups, which are on the hot path of
// every attribute access and method call. Only interned names are cached
// (their pointer identifies the spelling). The hit path is inline in ops.hpp.
MethodCacheEntry method_cache[kMethodCacheSize];
uint64_t type_epoch = 1;

namespace {
Value uncached_lookup(Type* type, Str* name) {
  for (Type* t : type->mro) {
    Value v = t->dict()->table.get_str(name);
    if (!v.is_null()) return v;
  }
  return Value::null();
}
}  // namespace

void invalidate_method_cache() { ++type_epoch; }

Value lookup_in_mro_slow(Type* type, Str* name) {
  if (!name->interned) return uncached_lookup(type, name);
  MethodCacheEntry& e = method_cache[method_cache_slot(type, name)];
  Value v = uncached_lookup(type, name);
  e.type = type;
  e.name = name;
  e.epoch = type_epoch;
  e.value = v;
  return v;
}

void property_missing(Property* p, Value instance, const char* function) {
  std::string owner = repr_string(new_str(type_of(instance)->qualname));
  if (!p->name.is_null() && isinstance(p->name, types().str))
    raise_attribute_error("property " + repr_string(p->name) + " of " + owner + " object has no " + function);
  raise_attribute_error("property of " + owner + " object has no " + function);
}

namespace {

bool is_type_object(Value v) { return v.is_object() && v.object()->type->is_subtype_of(types().type); }

Value call1(Value f, Value a) { return call_object(f, CallArgs{&a, 1}); }
Value call2(Value f, Value a, Value b) {
  Value args[2] = {a, b};
  return call_object(f, CallArgs{args, 2});
}

// A property used for an access it has no function for. CPython names the
// property when it learned its name from __set_name__ (in a class body).
// A user-defined (Python-level) data descriptor: its type defines __set__ or __delete__.
bool is_user_data_descriptor(Type* dt) {
  return !dt->is_builtin && (!lookup_in_mro(dt, names().__set__).is_null() ||
                             !lookup_in_mro(dt, names().__delete__).is_null());
}

// Calls a special method found by `special` with obj as self.
Value call_special(Value method, Value self, std::initializer_list<Value> rest) {
  Value args[4];
  size_t n = 0;
  args[n++] = self;
  for (Value v : rest) args[n++] = v;
  Type* mt = type_of(method);
  if (mt == types().function || mt == types().native_function) return call_object(method, CallArgs{args, n});
  Value bound = bind_descriptor(method, self, type_of(self));
  return call_object(bound, CallArgs{args + 1, n - 1});
}

[[noreturn]] void no_attribute(Value obj, Str* name) { raise_exception(missing_attribute_error(obj, name)); }

Value type_get_attr(Type* cls, Str* name) {
  Type* meta = cls->type;
  Value meta_descr = lookup_in_mro(meta, name);
  if (!meta_descr.is_null()) {
    Type* dt = type_of(meta_descr);
    if (dt == types().getset_descriptor) return meta_descr.as<GetSetDescriptor>()->get(cls);
    if (dt == types().property) return call1(meta_descr.as<Property>()->getter, cls);
  }
  Value v = lookup_in_mro(cls, name);
  if (!v.is_null()) {
    Type* vt = type_of(v);
    if (vt == types().function) return v;
    if (vt == types().staticmethod) return v.as<StaticMethod>()->function;
    if (vt == types().classmethod) return new_bound_method(cls, v.as<ClassMethod>()->function);
    if (vt == types().native_function) {
      if (v.object()->flags & kNativeClassMethod) return new_bound_method(cls, v);
      return v;
    }
    if (vt == types().property || vt == types().getset_descriptor) return v;
    if (!vt->is_builtin) {
      Value get = lookup_in_mro(vt, names().__get__);
      if (!get.is_null()) return call_special(get, v, {Value::none(), cls});
    }
    return v;
  }
  if (!meta_descr.is_null()) return bind_descriptor(meta_descr, cls, meta);
  return Value::null();
}

}  // namespace

Value missing_attribute_error(Value obj, Str* name) {
  std::string message;
  if (is_type_object(obj)) {
    message = "type object '" + obj.as<Type>()->name + "' has no attribute '" + name->data + "'";
  } else if (type_of(obj) == types().module) {
    Value mod_name = obj.object()->attrs->table.get_str(names().__name__);
    std::string n = mod_name.is_object() && type_of(mod_name) == types().str ? mod_name.as<Str>()->data : "?";
    message = "module '" + n + "' has no attribute '" + name->data + "'";
  } else {
    message = "'" + type_name(obj) + "' object has no attribute '" + name->data + "'";
  }
  return new_exception(exc().AttributeError, message);
}

Str* attribute_name(Value name) {
  if (!isinstance(name, types().str)) raise_type_error("attribute name must be string, not '" + type_name(name) + "'");
  Str* s = name.as<Str>();
  return s->interned ? s : intern(s->view());
}

Value bind_descriptor(Value descriptor, Value instance, Type* owner) {
  Type* dt = type_of(descriptor);
  if (dt == types().function) return new_bound_method(instance, descriptor);
  if (dt == types().native_function) {
    uint32_t f = descriptor.object()->flags;
    if (f & kNativeClassMethod) return new_bound_method(owner, descriptor);
    if (f & kNativeStaticMethod) return descriptor;
    if (descriptor.as<NativeFunction>()->owner != nullptr) return new_bound_method(instance, descriptor);
    return descriptor;
  }
  if (dt == types().staticmethod) return descriptor.as<StaticMethod>()->function;
  if (dt == types().classmethod) return new_bound_method(owner, descriptor.as<ClassMethod>()->function);
  if (dt == types().property) {
    Property* p = descriptor.as<Property>();
    if (p->getter.is_null() || p->getter.is_none()) property_missing(p, instance, "getter");
    return call1(p->getter, instance);
  }
  if (dt == types().getset_descriptor) return descriptor.as<GetSetDescriptor>()->get(instance);
  if (!dt->is_builtin) {
    Value get = lookup_in_mro(dt, names().__get__);
    if (!get.is_null()) return call_special(get, descriptor, {instance, owner});
  }
  return descriptor;
}

// ---------------------------------------------------------------------------
// Attributes

static Value generic_get_attr(Value obj, Str* name, bool* found) {
  *found = true;
  if (is_type_object(obj)) {
    Value v = type_get_attr(obj.as<Type>(), name);
    if (!v.is_null()) return v;
    *found = false;
    return Value::null();
  }
  Type* t = type_of(obj);
  Value descr = lookup_in_mro(t, name);
  if (!descr.is_null()) {
    Type* dt = type_of(descr);
    if (dt == types().getset_descriptor) return descr.as<GetSetDescriptor>()->get(obj);
    if (dt == types().member_descriptor) {
      Value v = member_get(descr.as<MemberDescriptor>(), obj);
      if (v.is_null()) *found = false;
      return v;
    }
    if (dt == types().property) return bind_descriptor(descr, obj, t);
    if (!dt->is_builtin && is_user_data_descriptor(dt)) return bind_descriptor(descr, obj, t);
  }
  if (obj.is_object()) {
    Object* o = obj.object();
    Value v = o->attrs != nullptr ? o->attrs->table.get_str(name)
              : t->inline_values  ? inline_value(o, name)
                                  : Value::null();
    if (!v.is_null()) return v;
  }
  if (!descr.is_null()) return bind_descriptor(descr, obj, t);
  // A bound method reads the other attributes from its function, as
  // CPython's method_getattro does (unittest's skip and expectedFailure
  // markers are read this way).
  // A name the function lacks raises the function's AttributeError.
  if (t == types().bound_method) return get_attr(obj.as<BoundMethod>()->function, name);
  // A module's own __getattr__ answers for names it lacks (PEP 562).
  if (t == types().module) {
    Value hook = obj.as<Module>()->dict()->table.get_str(names().__getattr__);
    if (!hook.is_null()) return call(hook, {name});
  }
  *found = false;
  return Value::null();
}

Value get_attr(Value obj, Str* name) {
  Type* t = type_of(obj);
  if (t == types().super) {
    Value v = super_get_attr(obj.as<Super>(), name);
    if (!v.is_null()) return v;
  }
  if (t->has_getattr_hook) {
    Value getattribute = lookup_in_mro(t, names().__getattribute__);
    if (!getattribute.is_null() && type_of(getattribute) == types().function) {
      try {
        return call_special(getattribute, obj, {name});
      } catch (PyException&) {
        Value getattr = lookup_in_mro(t, names().__getattr__);
        if (getattr.is_null() || !exception_matches(exc().AttributeError)) throw;
        take_current_exception();
        return call_special(getattr, obj, {name});
      }
    }
  }
  Value getattr = t->has_getattr_hook ? lookup_in_mro(t, names().__getattr__) : Value::null();
  bool found;
  Value v;
  if (getattr.is_null()) {
    v = generic_get_attr(obj, name, &found);
  } else {
    // With __getattr__, any AttributeError of the normal lookup (a property
    // whose getter raises it, say) falls back to it, as in CPython.
    try {
      v = generic_get_attr(obj, name, &found);
    } catch (PyException&) {
      if (!exception_matches(exc().AttributeError)) throw;
      take_current_exception();
      found = false;
    }
  }
  if (found) return v;
  if (!getattr.is_null()) return call_special(getattr, obj, {name});
  no_attribute(obj, name);
}

Value get_attr(Value obj, const char* name) { return get_attr(obj, intern(name)); }

Value get_attr_unless_missing(Value obj, Str* name, bool* missing) {
  Type* t = type_of(obj);
  *missing = false;
  if (t->has_getattr_hook || t == types().super) return get_attr(obj, name);
  bool found;
  Value v = generic_get_attr(obj, name, &found);
  *missing = !found;
  return v;
}

Value get_attr_or_null(Value obj, Str* name) {
  Type* t = type_of(obj);
  if (!t->has_getattr_hook && t != types().super) {
    // A descriptor's getter may itself raise AttributeError: that is "absent" too.
    try {
      bool found;
      Value v = generic_get_attr(obj, name, &found);
      return found ? v : Value::null();
    } catch (PyException&) {
      if (!exception_matches(exc().AttributeError)) throw;
      take_current_exception();
      return Value::null();
    }
  }
  try {
    return get_attr(obj, name);
  } catch (PyException&) {
    if (!exception_matches(exc().AttributeError)) throw;
    take_current_exception();
    return Value::null();
  }
}

bool is_plain_native_method(Value descr) {
  return type_of(descr) == types().native_function && descr.as<NativeFunction>()->owner != nullptr &&
         (descr.object()->flags & (kNativeClassMethod | kNativeStaticMethod)) == 0;
}

bool get_method(Value obj, Str* name, Value* out) {
  Type* t = type_of(obj);
  if (!t->has_getattr_hook && !is_type_object(obj) && t != types().super) {
    Value descr = lookup_in_mro(t, name);
    if (!descr.is_null()) {
      if (type_of(descr) == types().function || is_plain_native_method(descr)) {
        // An instance attribute of the same name shadows the method.
        if (obj.is_object() && obj.object()->attrs != nullptr &&
            !obj.object()->attrs->table.get_str(name).is_null()) {
          *out = obj.object()->attrs->table.get_str(name);
          return false;
        }
        if (obj.is_object() && has_inline_values(obj.object())) {
          Value shadow = inline_value(obj.object(), name);
          if (!shadow.is_null()) {
            *out = shadow;
            return false;
          }
        }
        *out = descr;
        return true;
      }
    }
  }
  *out = get_attr(obj, name);
  return false;
}

void store_through_data_descriptor(Value descr, Value obj, Str* name, Value value) {
  if (type_of(descr) == types().property) {
    Property* p = descr.as<Property>();
    if (p->setter.is_null() || p->setter.is_none()) property_missing(p, obj, "setter");
    call2(p->setter, obj, value);
    return;
  }
  GetSetDescriptor* g = descr.as<GetSetDescriptor>();
  if (g->set == nullptr)
    raise_attribute_error("attribute '" + name->data + "' of '" + type_of(obj)->name + "' objects is not writable");
  g->set(obj, value);
}

void set_attr(Value obj, Str* name, Value value) {
  Type* t = type_of(obj);
  if (t->has_setattr_hook) {
    Value setattr = lookup_in_mro(t, names().__setattr__);
    if (!setattr.is_null() && type_of(setattr) == types().function) {
      call_special(setattr, obj, {name, value});
      return;
    }
  }
  if (is_type_object(obj)) {
    Type* cls = obj.as<Type>();
    if (cls->is_builtin)
      raise_type_error("cannot set '" + name->data + "' attribute of immutable type '" + cls->name + "'");
    // A writable attribute of the metatype (type.__name__, __qualname__)
    // sets the type itself rather than its dict.
    Value meta = lookup_in_mro(t, name);
    if (!meta.is_null() && type_of(meta) == types().getset_descriptor) {
      GetSetDescriptor* g = meta.as<GetSetDescriptor>();
      if (g->set != nullptr) {
        g->set(obj, value);
        return;
      }
    }
    cls->dict()->table.set(name, value);
    note_type_modified(cls, name);
    return;
  }
  Value descr = lookup_in_mro(t, name);
  if (!descr.is_null()) {
    Type* dt = type_of(descr);
    if (dt == types().property || dt == types().getset_descriptor) {
      store_through_data_descriptor(descr, obj, name, value);
      return;
    }
    if (dt == types().member_descriptor) {
      member_set(descr.as<MemberDescriptor>(), obj, value);
      return;
    }
    if (!dt->is_builtin) {
      Value set = lookup_in_mro(dt, names().__set__);
      if (!set.is_null()) {
        call_special(set, descr, {obj, value});
        return;
      }
    }
  }
  // (A user class without instance dicts may still have attrs: the slots of
  // one deriving from list or dict live there. Other names are refused.)
  if (obj.is_object() && (t->instances_have_dict || (obj.object()->attrs != nullptr && t->is_builtin))) {
    Object* o = obj.object();
    if (has_inline_values(o) && store_inline_value(o, name, value)) return;
    if (o->attrs == nullptr) o->attrs = new_instance_dict(t);
    o->attrs->table.set(name, value);
    return;
  }
  if (!descr.is_null())
    raise_attribute_error("'" + t->name + "' object attribute '" + name->data + "' is read-only");
  raise_attribute_error("'" + t->name + "' object has no attribute '" + name->data + "'");
}

void del_attr(Value obj, Str* name) {
  Type* t = type_of(obj);
  if (t->has_setattr_hook) {
    Value delattr = lookup_in_mro(t, names().__delattr__);
    if (!delattr.is_null() && type_of(delattr) == types().function) {
      call_special(delattr, obj, {name});
      return;
    }
  }
  if (is_type_object(obj)) {
    Type* cls = obj.as<Type>();
    if (cls->is_builtin)
      raise_type_error("cannot delete '" + name->data + "' attribute of immutable type '" + cls->name + "'");
    if (cls->dict()->table.remove(name).is_null()) no_attribute(obj, name);
    note_type_modified(cls, name);
    return;
  }
  Value descr = lookup_in_mro(t, name);
  if (!descr.is_null() && type_of(descr) == types().property) {
    Property* p = descr.as<Property>();
    if (p->deleter.is_null() || p->deleter.is_none())
      property_missing(p, obj, "deleter");
    call1(p->deleter, obj);
    return;
  }
  if (!descr.is_null() && type_of(descr) == types().member_descriptor) {
    member_delete(descr.as<MemberDescriptor>(), obj);
    return;
  }
  // A user-defined data descriptor handles deletion with __delete__; one
  // with only __set__ refuses it, as CPython's slot does.
  if (!descr.is_null() && !type_of(descr)->is_builtin) {
    Type* dt = type_of(descr);
    Value deleter = lookup_in_mro(dt, names().__delete__);
    if (!deleter.is_null()) {
      call_special(deleter, descr, {obj});
      return;
    }
    if (!lookup_in_mro(dt, names().__set__).is_null()) raise_attribute_error("__delete__");
  }
  if (obj.is_object() && has_inline_values(obj.object())) materialize_instance_dict(obj.object());
  if (obj.is_object() && obj.object()->attrs != nullptr && !obj.object()->attrs->table.remove(name).is_null())
    return;
  no_attribute(obj, name);
}

// Called when a user class's namespace changes, to keep the flags that let
// lookups skip hooks correct for the class and its subclasses.
void note_type_modified(Type* cls, Str* name) {
  ++cls->version;
  invalidate_method_cache();
  if (name == names().__getattr__ || name == names().__getattribute__) cls->has_getattr_hook = true;
  if (name == names().__setattr__ || name == names().__delattr__) cls->has_setattr_hook = true;
}

// ---------------------------------------------------------------------------
// Calls

Value call_with_self(Value function, Value self, const CallArgs& args) {
  size_t total = args.count + args.kw_count();
  // Most calls have a few arguments: those go in a buffer on the C++ stack
  // (a root like any local); longer ones in a ValueVector.
  constexpr size_t kOnStack = 8;
  Value on_stack[kOnStack];
  ValueVector on_heap;
  Value* with_self = on_stack;
  if (total + 1 > kOnStack) {
    on_heap.resize(total + 1);
    with_self = on_heap.data();
  }
  with_self[0] = self;
  std::copy(args.args, args.args + total, with_self + 1);
  return call_object(function, CallArgs{with_self, args.count + 1, args.kwnames});
}

Value call_object(Value callable, const CallArgs& args) {
  Type* t = type_of(callable);
  if (t == types().function) return call_function(callable.as<Function>(), args);
  if (t == types().native_function) return call_native(callable.as<NativeFunction>(), args);
  if (t == types().bound_method) {
    BoundMethod* m = callable.as<BoundMethod>();
    return call_with_self(m->function, m->self, args);
  }
  if (t->is_subtype_of(types().type)) {
    // A metaclass written in Python may define __call__ (a singleton
    // pattern, a registry): it runs instead of the usual __new__/__init__,
    // and reaches them itself through super().__call__().
    if (!t->is_builtin) {
      Value meta_call = lookup_in_mro(t, names().__call__);
      if (!meta_call.is_null() && type_of(meta_call) == types().function) return call_with_self(meta_call, callable, args);
    }
    return type_call(callable.as<Type>(), args);
  }
  Value call = lookup_in_mro(t, names().__call__);
  if (call.is_null()) raise_type_error("'" + t->name + "' object is not callable");
  if (type_of(call) == types().function || type_of(call) == types().native_function)
    return call_with_self(call, callable, args);
  Value bound = bind_descriptor(call, callable, t);
  return call_object(bound, args);
}

Value call(Value callable, std::initializer_list<Value> args) {
  return call_object(callable, CallArgs{args.begin(), args.size()});
}

Value call_method(Value obj, Str* name, std::initializer_list<Value> args) {
  Value method;
  if (get_method(obj, name, &method)) return call_with_self(method, obj, CallArgs{args.begin(), args.size()});
  return call_object(method, CallArgs{args.begin(), args.size()});
}

Value call_method(Value obj, const char* name, std::initializer_list<Value> args) {
  return call_method(obj, intern(name), args);
}

bool is_callable(Value v) {
  Type* t = type_of(v);
  if (t == types().function || t == types().native_function || t == types().bound_method) return true;
  if (t->is_subtype_of(types().type)) return true;
  return !lookup_in_mro(t, names().__call__).is_null();
}

// ---------------------------------------------------------------------------
// Truth, comparison, hashing

bool is_truthy(Value v) {
  if (v.is_bool()) return v.is_true();
  if (v.is_none()) return false;
  if (v.is_small_int()) return v.small_int_value() != 0;
  if (v.is_inline_float()) return v.inline_float_value() != 0.0;
  Type* t = v.object()->type;
  if (t == types().str) return v.as<Str>()->data.size() != 0;
  if (t == types().list) return !v.as<List>()->items.empty();
  if (t == types().tuple) return !v.as<Tuple>()->items.empty();
  if (t == types().dict) return v.as<Dict>()->size() != 0;
  if (t == types().float_) return float_value(v) != 0.0;
  if (t == types().int_) return mpz_sgn(v.as<Int>()->value) != 0;
  Value method = lookup_in_mro(t, names().__bool__);
  if (!method.is_null()) {
    Value r = call_special(method, v, {});
    if (!r.is_bool()) raise_type_error("__bool__ should return bool, returned " + type_name(r));
    return r.is_true();
  }
  if (!lookup_in_mro(t, names().__len__).is_null()) return length(v) != 0;  // length() checks the result
  return true;
}

namespace {
Str* compare_dunder(uint32_t op) {
  switch (op) {
    case kLt: return names().__lt__;
    case kLe: return names().__le__;
    case kEq: return names().__eq__;
    case kNe: return names().__ne__;
    case kGt: return names().__gt__;
    default: return names().__ge__;
  }
}
uint32_t swapped_compare(uint32_t op) {
  switch (op) {
    case kLt: return kGt;
    case kLe: return kGe;
    case kGt: return kLt;
    case kGe: return kLe;
    default: return op;
  }
}
const char* compare_symbol(uint32_t op) {
  static const char* symbols[] = {"<", "<=", "==", "!=", ">", ">="};
  return symbols[op];
}
bool compare_result(int c, uint32_t op) {
  if (c == 2) return op == kNe;  // unordered (NaN)
  switch (op) {
    case kLt: return c < 0;
    case kLe: return c <= 0;
    case kEq: return c == 0;
    case kNe: return c != 0;
    case kGt: return c > 0;
    default: return c >= 0;
  }
}
}  // namespace

// True when `t`'s __eq__ and __ne__ are object's own.
static bool compares_by_identity(Type* t) {
  static const Value object_eq = types().object->dict()->table.get_str(names().__eq__);
  static const Value object_ne = types().object->dict()->table.get_str(names().__ne__);
  return lookup_in_mro(t, names().__eq__).is(object_eq) && lookup_in_mro(t, names().__ne__).is(object_ne);
}

Value compare(Value a, Value b, uint32_t op) {
  if (a.is_small_int() && b.is_small_int()) return Value::boolean(compare_result(number_compare(a, b), op));
  if (a.is_inline_float() && b.is_inline_float())
    return Value::boolean(compare_machine_values(a.inline_float_value(), b.inline_float_value(), op));
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  if (ta == types().str && tb == types().str) {
    int c = a.as<Str>()->data.compare(b.as<Str>()->data);  // UTF-8 byte order is code-point order
    return Value::boolean(compare_result((c > 0) - (c < 0), op));
  }
  if (is_number(a) && is_number(b) && ta->is_builtin && tb->is_builtin)
    return Value::boolean(compare_result(number_compare(a, b), op));
  // Two exact tuples (sort keys, dict-of-tuples lookups): the item-by-item
  // comparison tuple's __lt__ & co. would make, without the method calls.
  if (ta == types().tuple && tb == types().tuple) {
    check_c_stack();
    return sequence_compare(a.as<Tuple>()->items, b.as<Tuple>()->items, op);
  }
  // == and != between objects that both keep object's identity comparison
  // (types, functions, plain instances): the protocol below would call
  // object.__eq__ both ways only to fall back to identity.
  if ((op == kEq || op == kNe) && compares_by_identity(ta) && compares_by_identity(tb))
    return Value::boolean((op == kEq) == a.is(b));
  NativeRecursion scope(" in comparison");
  // Rich comparison protocol: the reflected operation of a subclass goes first.
  Str* name = compare_dunder(op);
  Str* reflected = compare_dunder(swapped_compare(op));
  bool reflected_first = ta != tb && tb->is_subtype_of(ta);
  if (reflected_first) {
    Value m = lookup_in_mro(tb, reflected);
    if (!m.is_null()) {
      Value r = call_special(m, b, {a});
      if (!r.is(not_implemented())) return r;
    }
  }
  Value m = lookup_in_mro(ta, name);
  if (!m.is_null()) {
    Value r = call_special(m, a, {b});
    if (!r.is(not_implemented())) return r;
  }
  if (!reflected_first) {
    Value rm = lookup_in_mro(tb, reflected);
    if (!rm.is_null()) {
      Value r = call_special(rm, b, {a});
      if (!r.is(not_implemented())) return r;
    }
  }
  if (op == kEq) return Value::boolean(a.is(b));
  if (op == kNe) return Value::boolean(!a.is(b));
  raise_type_error(std::string("'") + compare_symbol(op) + "' not supported between instances of '" + ta->name +
                   "' and '" + tb->name + "'");
}

bool compare_bool(Value a, Value b, uint32_t op) {
  Value r = compare(a, b, op);
  return r.is_bool() ? r.is_true() : is_truthy(r);
}

bool values_equal(Value a, Value b) {
  if (a.is(b)) return true;
  return compare_bool(a, b, kEq);
}

int64_t hash_value(Value v) {
  if (v.is_small_int() || v.is_bool()) return number_hash(v);
  if (v.is_none()) return 0xFCA86420;  // any constant: None's hash is not specified
  if (v.is_inline_float()) return number_hash(v);
  Type* t = v.object()->type;
  if (t == types().str) return str_hash(v.as<Str>());
  if (t == types().int_ || t == types().float_) return number_hash(v);
  check_c_stack();  // a tuple hashes its items, which may be tuples
  Value method = lookup_in_mro(t, names().__hash__);
  if (method.is_null() || method.is_none()) raise_type_error("unhashable type: '" + t->name + "'");
  Value r = call_special(method, v, {});
  if (!is_int_value(r)) raise_type_error("__hash__ method should return an integer");
  int64_t h;
  if (!int_to_int64(r, &h)) h = number_hash(r);
  return h == -1 ? -2 : h;
}

// ---------------------------------------------------------------------------
// Text

Str* repr(Value v) {
  if (v.is_small_int() || v.is_bool()) return new_str(int_repr(v));
  if (v.is_none()) return intern("None");
  if (v.is_inline_float()) return new_str(text::float_repr(v.inline_float_value()));
  Type* t = v.object()->type;
  if (t == types().float_) return new_str(text::float_repr(float_value(v)));
  if (t == types().str) return new_str(text::repr_str(v.as<Str>()->data));
  if (t == types().int_) return new_str(int_repr(v));
  NativeRecursion scope(" while getting the repr of an object");
  Value method = lookup_in_mro(t, names().__repr__);
  if (method.is_null()) raise_type_error("no __repr__ for " + t->name);
  Value r = call_special(method, v, {});
  if (!isinstance(r, types().str)) raise_type_error("__repr__ returned non-string (type " + type_name(r) + ")");
  return r.as<Str>();
}

Str* to_str(Value v) {
  Type* t = type_of(v);
  if (t == types().str) return v.as<Str>();
  if (t == types().int_ || t == types().float_ || t == types().bool_ || t == types().none) return repr(v);
  Value method = lookup_in_mro(t, names().__str__);
  if (method.is_null()) return repr(v);
  Value r = call_special(method, v, {});
  if (!isinstance(r, types().str)) raise_type_error("__str__ returned non-string (type " + type_name(r) + ")");
  return r.as<Str>();
}

std::string repr_string(Value v) { return repr(v)->data; }
std::string str_string(Value v) { return to_str(v)->data; }

Str* format_value(Value v, Str* spec) {
  if (spec->data.empty()) {
    Type* t = type_of(v);
    if (t == types().str) return v.as<Str>();
    if (t == types().int_ || t == types().float_) return to_str(v);
  }
  Value method = lookup_in_mro(type_of(v), names().__format__);
  if (method.is_null()) raise_type_error("no __format__ for " + type_name(v));
  Value r = call_special(method, v, {spec});
  if (!isinstance(r, types().str))
    raise_type_error("__format__ must return a str, not " + type_name(r));
  return r.as<Str>();
}

// ---------------------------------------------------------------------------
// Arithmetic

// The interned dunder names of each BinaryOp (with or without kInplace),
// looked up once: interning on every operation hashed the name each time.
static Str* binary_op_name(uint32_t op) {
  static Str* names[2 * kInplace] = {};
  Str*& n = names[op % (2 * kInplace)];
  if (n == nullptr) n = intern(binary_op_dunder(op));
  return n;
}

static Str* binary_op_reflected_name(uint32_t op) {
  static Str* names[kInplace] = {};
  Str*& n = names[op % kInplace];
  if (n == nullptr) n = intern(binary_op_rdunder(op));
  return n;
}

// A built-in sequence concatenates through a slot CPython tries only after
// both operands' number slots, so the right operand's __radd__ runs first.
// Null when tb has none or it declines.
static Value reflected_add_before_concatenation(Value a, Value b, Type* tb) {
  Value rm = lookup_in_mro(tb, binary_op_reflected_name(kAdd));
  if (rm.is_null()) return Value::null();
  Value r = call_special(rm, b, {a});
  return r.is(not_implemented()) ? Value::null() : r;
}

Value binary_op(Value a, Value b, uint32_t op) {
  if (a.is_small_int() && b.is_small_int()) {
    Value r = int_binary_op(a, b, op);
    if (!r.is_null()) return r;
  }
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  if (ta->is_builtin && tb->is_builtin && is_number(a) && is_number(b)) {
    uint32_t plain = op & ~uint32_t(kInplace);
    if (plain != kMatMul) {
      Value r = number_binary_op(a, b, plain);
      if (!r.is_null()) return r;
    }
  }
  uint32_t plain = op & ~uint32_t(kInplace);
  if (ta == types().str) {
    // str has no in-place methods and its __add__/__mod__ come first unless
    // the right operand's type is a str subclass (which may reflect).
    if (plain == kAdd && tb == types().str) return str_concat(a.as<Str>(), b.as<Str>());
    if (plain == kAdd && !tb->is_subtype_of(ta)) {
      // str's concatenation raises rather than declining.
      Value r = reflected_add_before_concatenation(a, b, tb);
      if (!r.is_null()) return r;
      raise_type_error("can only concatenate str (not \"" + tb->name + "\") to str");
    }
    if (plain == kMod && (tb == ta || !tb->is_subtype_of(ta))) return str_mod(a.as<Str>(), b);
  }
  // The same for list, tuple, bytes and bytearray (UserList, a user
  // sequence on the right).
  if (plain == kAdd && ta != tb && !tb->is_subtype_of(ta) && !tb->is_builtin &&
      (ta == types().list || ta == types().tuple || ta == types().bytes || ta == types().bytearray)) {
    Value r = reflected_add_before_concatenation(a, b, tb);
    if (!r.is_null()) return r;
  }
  // Concatenating two exact lists or tuples: what list.__add__ and
  // tuple.__add__ do, uncalled. (`+=` on a list extends it in place.)
  if (ta == tb && (op == kAdd || (op == (kAdd | kInplace) && ta == types().tuple))) {
    if (ta == types().list) return new_list(concatenated(a.as<List>()->items, b.as<List>()->items));
    if (ta == types().tuple) return new_tuple(concatenated(a.as<Tuple>()->items, b.as<Tuple>()->items));
  }
  if (ta == types().list && tb == types().list && op == (kAdd | kInplace)) {
    extend_list(a.as<List>(), b);
    return a;
  }
  // In-place operators try __iadd__ first, then fall back to the plain protocol.
  if (op & kInplace) {
    Value im = lookup_in_mro(ta, binary_op_name(op));
    if (!im.is_null()) {
      Value r = call_special(im, a, {b});
      if (!r.is(not_implemented())) return r;
    }
  }
  Str* name = binary_op_name(plain);
  Str* rname = binary_op_reflected_name(plain);
  bool reflected_first = ta != tb && tb->is_subtype_of(ta) && !lookup_in_mro(tb, rname).is_null();
  if (reflected_first) {
    Value r = call_special(lookup_in_mro(tb, rname), b, {a});
    if (!r.is(not_implemented())) return r;
  }
  Value m = lookup_in_mro(ta, name);
  if (!m.is_null()) {
    Value r = call_special(m, a, {b});
    if (!r.is(not_implemented())) return r;
  }
  if (!reflected_first && ta != tb) {
    Value rm = lookup_in_mro(tb, rname);
    if (!rm.is_null()) {
      Value r = call_special(rm, b, {a});
      if (!r.is(not_implemented())) return r;
    }
  }
  if (plain == kPow)
    raise_type_error(std::string("unsupported operand type(s) for ") + binary_op_symbol(op) + " or pow(): '" +
                     ta->name + "' and '" + tb->name + "'");
  if (plain == kAdd && ta == types().str)
    raise_type_error("can only concatenate str (not \"" + tb->name + "\") to str");
  if (plain == kAdd && ta == types().list)
    raise_type_error("can only concatenate list (not \"" + tb->name + "\") to list");
  if (plain == kAdd && ta == types().tuple)
    raise_type_error("can only concatenate tuple (not \"" + tb->name + "\") to tuple");
  if (plain == kMul) {
    // CPython tries sequence repetition last, and names the operand that
    // is not an int: the right one when the left is a sequence.
    auto is_sequence = [](Type* t) {
      return t->is_subtype_of(types().str) || t->is_subtype_of(types().bytes) || t->is_subtype_of(types().list) ||
             t->is_subtype_of(types().tuple) || t->is_subtype_of(types().bytearray);
    };
    if (is_sequence(ta)) raise_type_error("can't multiply sequence by non-int of type '" + tb->name + "'");
    if (is_sequence(tb)) raise_type_error("can't multiply sequence by non-int of type '" + ta->name + "'");
  }
  raise_type_error(std::string("unsupported operand type(s) for ") + binary_op_symbol(op) + ": '" + ta->name +
                   "' and '" + tb->name + "'");
}

static Value unary(Value v, Str* name, const char* symbol) {
  Value m = lookup_in_mro(type_of(v), name);
  if (m.is_null()) raise_type_error(std::string("bad operand type for ") + symbol + ": '" + type_name(v) + "'");
  return call_special(m, v, {});
}

Value negate(Value v) {
  if (v.is_small_int()) return make_int(-v.small_int_value());
  if (is_int_value(v) && type_of(v)->is_builtin) return int_binary_op(Value::small_int(0), v, kSub);
  if (type_of(v) == types().float_) return make_float(-float_value(v));
  return unary(v, names().__neg__, "unary -");
}

Value positive(Value v) {
  if (v.is_small_int() || type_of(v) == types().float_ || type_of(v) == types().int_) return v;
  if (v.is_bool()) return Value::small_int(v.is_true() ? 1 : 0);
  return unary(v, names().__pos__, "unary +");
}

Value invert(Value v) {
  if (v.is_small_int()) return Value::small_int(~v.small_int_value());
  if (is_int_value(v) && type_of(v)->is_builtin) return int_binary_op(Value::small_int(-1), v, kXor);
  return unary(v, names().__invert__, "unary ~");
}

Value absolute(Value v) {
  if (v.is_small_int()) return make_int(std::abs(v.small_int_value()));
  if (type_of(v) == types().float_) return make_float(std::fabs(float_value(v)));
  if (is_int_value(v) && type_of(v)->is_builtin) {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    mpz_abs(z, z);
    Value r = make_int(z);
    mpz_clear(z);
    return r;
  }
  Value m = lookup_in_mro(type_of(v), names().__abs__);
  if (m.is_null()) raise_type_error("bad operand type for abs(): '" + type_name(v) + "'");
  return call_special(m, v, {});
}

// ---------------------------------------------------------------------------
// Containers

int64_t length(Value v) {
  Type* t = type_of(v);
  if (t == types().list) return static_cast<int64_t>(v.as<List>()->items.size());
  if (t == types().tuple) return static_cast<int64_t>(v.as<Tuple>()->items.size());
  if (t == types().str) return v.as<Str>()->length;
  if (t == types().dict) return static_cast<int64_t>(v.as<Dict>()->size());
  Value m = lookup_in_mro(t, names().__len__);
  if (m.is_null()) raise_type_error("object of type '" + t->name + "' has no len()");
  Value r = call_special(m, v, {});
  if (!is_int_value(r)) raise_type_error("'" + type_name(r) + "' object cannot be interpreted as an integer");
  int64_t n;
  if (!int_to_int64(r, &n)) raise_overflow_error("cannot fit 'int' into an index-sized integer");
  if (n < 0) raise_value_error("__len__() should return >= 0");
  return n;
}

Value get_item(Value container, Value key) {
  if (const Value* slot = sequence_item_slot(container, key, types().list, types().tuple)) return *slot;
  Type* t = type_of(container);
  if (t == types().dict) {
    Value v = container.as<Dict>()->table.get(key);
    if (!v.is_null()) return v;
    raise_key_error(key);
  }
  if (t == types().bytes && key.is_small_int()) {
    const std::string& data = container.as<Bytes>()->data;
    int64_t i = key.small_int_value();
    if (i < 0) i += static_cast<int64_t>(data.size());
    if (i < 0 || i >= static_cast<int64_t>(data.size())) raise_index_error("index out of range");
    return Value::small_int(static_cast<unsigned char>(data[static_cast<size_t>(i)]));
  }
  // Slices of exact lists and tuples: what their __getitem__ does, uncalled.
  if ((t == types().list || t == types().tuple) && type_of(key) == types().slice) {
    bool is_list = t == types().list;
    return sequence_getitem(container, is_list ? container.as<List>()->items : container.as<Tuple>()->items, key,
                            is_list);
  }
  Value m = lookup_in_mro(t, names().__getitem__);
  if (m.is_null()) {
    if (is_type_object(container)) {
      Value cg = get_attr_or_null(container, intern("__class_getitem__"));
      if (!cg.is_null()) return call1(cg, key);
      raise_type_error("type '" + container.as<Type>()->name + "' is not subscriptable");
    }
    raise_type_error("'" + t->name + "' object is not subscriptable");
  }
  return call_special(m, container, {key});
}

void set_item(Value container, Value key, Value value) {
  if (Value* slot = list_item_slot(container, key, types().list)) {
    *slot = value;
    return;
  }
  Type* t = type_of(container);
  if (t == types().dict) {
    container.as<Dict>()->table.set(key, value);
    return;
  }
  if (t == types().list && type_of(key) == types().slice) {
    list_assign_slice(container.as<List>(), key.as<Slice>(), value);
    return;
  }
  Value m = lookup_in_mro(t, names().__setitem__);
  if (m.is_null()) raise_type_error("'" + t->name + "' object does not support item assignment");
  call_special(m, container, {key, value});
}

void del_item(Value container, Value key) {
  Type* t = type_of(container);
  if (t == types().dict) {
    if (container.as<Dict>()->table.remove(key).is_null()) raise_key_error(key);
    return;
  }
  Value m = lookup_in_mro(t, names().__delitem__);
  if (m.is_null()) raise_type_error("'" + t->name + "' object does not support item deletion");
  call_special(m, container, {key});
}

bool contains(Value container, Value item) {
  Type* t = type_of(container);
  if (t == types().dict) return container.as<Dict>()->table.contains(item);
  if (t == types().list || t == types().tuple) {
    const auto& items = t == types().list ? container.as<List>()->items : container.as<Tuple>()->items;
    for (size_t i = 0; i < items.size(); ++i)
      if (values_equal(items[i], item)) return true;
    return false;
  }
  Value m = lookup_in_mro(t, names().__contains__);
  if (!m.is_null()) return is_truthy(call_special(m, container, {item}));
  // Fall back to iteration, as Python does.
  if (lookup_in_mro(t, names().__iter__).is_null() && lookup_in_mro(t, names().__getitem__).is_null())
    raise_type_error("argument of type '" + t->name + "' is not iterable");
  Root it(get_iter(container));
  for (;;) {
    Value x = iter_next(*it);
    if (x.is_null()) return false;
    if (values_equal(x, item)) return true;
  }
}

// ---------------------------------------------------------------------------
// Iteration

Value get_iter(Value iterable) {
  Type* t = type_of(iterable);
  Value m = lookup_in_mro(t, names().__iter__);
  if (!m.is_null() && !m.is_none()) {
    Value it = call_special(m, iterable, {});
    if (lookup_in_mro(type_of(it), names().__next__).is_null())
      raise_type_error("iter() returned non-iterator of type '" + type_name(it) + "'");
    return it;
  }
  if (!lookup_in_mro(t, names().__getitem__).is_null()) return make_sequence_iterator(iterable);
  raise_type_error("'" + t->name + "' object is not iterable");
}

Value iter_next(Value iterator) {
  check_c_stack();  // iterators over iterators nest natively (enumerate(enumerate(...)))
  poll_eval_breaker_in_native();  // sum(itertools.count()) stays interruptible
  // The two commonest iterators end without a StopIteration being thrown
  // (and caught just below), which costs a C++ unwind per loop: list(gen),
  // tuple(x for x in ...), set(...) and friends end through here.
  // Every end is reported to note_iteration_end (vm/iteration_end.hpp).
  if (is_seq_iterator(iterator)) {
    Value item = seq_iterator_next(static_cast<SeqIterator*>(iterator.object()));
    if (item.is_null()) note_iteration_end(Value::null());
    return item;
  }
  Type* t = type_of(iterator);
  if (t == types().generator) {
    GenResult r = generator_send(iterator.as<Generator>(), Value::none());
    if (!r.finished) return r.value;
    if (r.value.is_none() || r.value.is_null()) {
      note_iteration_end(Value::null());
    } else if (iteration_end_wanted()) {
      note_iteration_end(call_object(exc().StopIteration, CallArgs{&r.value, 1}));
    }
    return Value::null();
  }
  if (t->iter_step != nullptr) {
    // A StopIteration from below (map's function, iter()'s callable) ends
    // the iteration, as it would through __next__. A plain end was noted
    // by the step's own inner iterator.
    try {
      return t->iter_step(iterator.object());
    } catch (PyException&) {
      if (!exception_matches(exc().StopIteration)) throw;
      note_iteration_end(take_current_exception());
      return Value::null();
    }
  }
  Value m = lookup_in_mro(t, names().__next__);
  if (m.is_null()) raise_type_error("'" + t->name + "' object is not an iterator");
  if (type_of(m) == types().native_function) {
    // Natives signal exhaustion by raising StopIteration too; catching it
    // here keeps one protocol. Hot built-in iterators bypass this entirely.
    try {
      return call_native(m.as<NativeFunction>(), CallArgs{&iterator, 1});
    } catch (PyException&) {
      if (!exception_matches(exc().StopIteration)) throw;
      note_iteration_end(take_current_exception());
      return Value::null();
    }
  }
  try {
    return call_special(m, iterator, {});
  } catch (PyException&) {
    if (!exception_matches(exc().StopIteration)) throw;
    note_iteration_end(take_current_exception());
    return Value::null();
  }
}

ValueVector collect_iterable(Value iterable) {
  Type* t = type_of(iterable);
  if (t == types().list || t == types().tuple) {
    const std::vector<Value>& items = t == types().list ? iterable.as<List>()->items : iterable.as<Tuple>()->items;
    return ValueVector(items.begin(), items.end());
  }
  ValueVector out;
  Value it = get_iter(iterable);
  for (;;) {
    Value x = iter_next(it);
    if (x.is_null()) break;
    out.push_back(x);
  }
  return out;
}

// Appends in place, with no vector in between: the list is an object the
// caller holds, so what is appended stays alive while the iteration runs
// Python code (which sees the list grow, as under CPython).
void extend_list(List* list, Value iterable) {
  std::vector<Value>& out = list->items;
  Type* t = type_of(iterable);
  if (t == types().list || t == types().tuple) {
    const std::vector<Value>& items = t == types().list ? iterable.as<List>()->items : iterable.as<Tuple>()->items;
    if (&items == &out) {  // l.extend(l): insert() may not read the vector it grows
      std::vector<Value> copy(items);
      out.insert(out.end(), copy.begin(), copy.end());
    } else {
      out.insert(out.end(), items.begin(), items.end());
    }
    return;
  }
  Value it = get_iter(iterable);
  if (out.capacity() == 0) out.reserve(8);  // std::vector would grow 1, 2, 4, 8
  for (;;) {
    Value x = iter_next(it);
    if (x.is_null()) break;
    out.push_back(x);
  }
}

void update_set(Set* set, Value iterable) {
  Type* t = type_of(iterable);
  if (t == types().list || t == types().tuple) {
    // By index, the size read at every step: hashing and comparing run
    // Python code, which may shrink an exact list under us.
    const std::vector<Value>& items = t == types().list ? iterable.as<List>()->items : iterable.as<Tuple>()->items;
    for (size_t i = 0; i < items.size(); ++i) set->table.add(items[i]);
    return;
  }
  Value it = get_iter(iterable);
  for (;;) {
    Value x = iter_next(it);
    if (x.is_null()) break;
    set->table.add(x);
  }
}

Tuple* tuple_of_iterable(Value iterable) {
  Type* t = type_of(iterable);
  if (t == types().tuple) return iterable.as<Tuple>();
  if (t == types().list) return new_tuple(iterable.as<List>()->items);
  List* gathered = new_list();
  extend_list(gathered, iterable);
  return new_tuple(std::move(gathered->items));
}

// ---------------------------------------------------------------------------
// Index and number conversions

bool has_index(Value v) {
  return is_int_value(v) || !lookup_in_mro(type_of(v), names().__index__).is_null();
}

Value index_int(Value v) {
  if (is_int_value(v)) return v;
  Value m = lookup_in_mro(type_of(v), names().__index__);
  if (m.is_null()) raise_type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
  v = call_special(m, v, {});
  if (!is_int_value(v)) raise_type_error("__index__ returned non-int (type " + type_name(v) + ")");
  return v;
}

int64_t index_value(Value v) {
  if (v.is_small_int()) return v.small_int_value();
  int64_t out;
  if (!int_to_int64(index_int(v), &out))
    raise_error(exc().OverflowError, "Python int too large to convert to C ssize_t");
  return out;
}

int64_t index_value_clamped(Value v) {
  if (v.is_small_int()) return v.small_int_value();
  Value i = index_int(v);
  int64_t out;
  if (int_to_int64(i, &out)) return out;
  return int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
}

double to_double(Value v) {
  if (is_float(v)) return float_value(v);
  if (is_int_value(v)) return int_to_double(v);
  Value m = lookup_in_mro(type_of(v), names().__float__);
  if (!m.is_null()) {
    Value r = call_special(m, v, {});
    if (!is_float(r)) raise_type_error(type_name(v) + ".__float__ returned non-float (type " + type_name(r) + ")");
    return float_value(r);
  }
  m = lookup_in_mro(type_of(v), names().__index__);
  if (!m.is_null()) return int_to_double(call_special(m, v, {}));
  raise_type_error("must be real number, not " + type_name(v));
}

}  // namespace gilvm
