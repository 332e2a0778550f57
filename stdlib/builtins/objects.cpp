// Object built-ins: isinstance, issubclass, hasattr, getattr, setattr,
// delattr, id, hash, repr, ascii, format, callable, len, vars, dir, globals,
// locals.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "stdlib/builtins/common.hpp"
#include "vm/frame.hpp"
#include "vm/interp_support.hpp"
#include "vm/objects/instance_values.hpp"
#include "vm/objects/slots.hpp"
#include "vm/objects/module.hpp"
#include "vm/thread_state.hpp"

namespace gilvm::builtins_impl {
namespace {

bool is_class(Value v) { return isinstance(v, types().type); }

// types.UnionType (int | str): its members, or null if `v` is not a union.
Tuple* union_args(Value v) {
  if (type_name(v) != "UnionType") return nullptr;
  Value args = get_attr_or_null(v, intern("__args__"));
  if (args.is_null() || !isinstance(args, types().tuple)) return nullptr;
  return args.as<Tuple>();
}

// The __instancecheck__/__subclasscheck__ of a user-defined metaclass, or null.
Value metaclass_hook(Value cls, const char* name) {
  Type* meta = type_of(cls);
  if (meta->is_builtin) return Value::null();
  return lookup_in_mro(meta, intern(name));
}

// isinstance as CPython's object_isinstance: an object whose class
// overrides __class__ (a property, as unittest.mock's spec'd mocks do) is
// also an instance of what that gives. Objects of classes that leave
// __class__ alone take the fast path only.
bool isinstance_or_claimed(Value obj, Type* cls) {
  if (isinstance(obj, cls)) return true;
  Type* t = type_of(obj);
  if (t->is_builtin) return false;
  static Str* const class_name = intern("__class__");
  Value descriptor = lookup_in_mro(t, class_name);
  if (descriptor.is_null() || type_of(descriptor) == types().getset_descriptor) return false;
  Value claimed = get_attr_or_null(obj, class_name);
  if (claimed.is_null() || !is_class(claimed) || claimed.as<Type>() == t) return false;
  return claimed.as<Type>()->is_subtype_of(cls);
}

bool instance_check(Value obj, Value cls) {
  if (is_class(cls)) {
    Value hook = metaclass_hook(cls, "__instancecheck__");
    if (!hook.is_null()) return is_truthy(call(hook, {cls, obj}));
    return isinstance_or_claimed(obj, cls.as<Type>());
  }
  Tuple* members = isinstance(cls, types().tuple) ? cls.as<Tuple>() : union_args(cls);
  if (members == nullptr) raise_type_error("isinstance() arg 2 must be a type, a tuple of types, or a union");
  for (size_t i = 0; i < members->items.size(); ++i)
    if (instance_check(obj, members->items[i])) return true;
  return false;
}

bool subclass_check(Value derived, Value cls) {
  if (is_class(cls)) {
    Value hook = metaclass_hook(cls, "__subclasscheck__");
    if (!hook.is_null()) return is_truthy(call(hook, {cls, derived}));
    if (!is_class(derived)) raise_type_error("issubclass() arg 1 must be a class");
    return derived.as<Type>()->is_subtype_of(cls.as<Type>());
  }
  Tuple* members = isinstance(cls, types().tuple) ? cls.as<Tuple>() : union_args(cls);
  if (members == nullptr) {
    if (!is_class(derived)) raise_type_error("issubclass() arg 1 must be a class");
    raise_type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union");
  }
  for (size_t i = 0; i < members->items.size(); ++i)
    if (subclass_check(derived, members->items[i])) return true;
  return false;
}

Value builtin_isinstance(const CallArgs& a) {
  check_positional(a, "isinstance", 2, 2);
  if (is_class(a[1]) && type_of(a[1]) == types().type) return Value::boolean(isinstance_or_claimed(a[0], a[1].as<Type>()));
  return Value::boolean(instance_check(a[0], a[1]));
}

Value builtin_issubclass(const CallArgs& a) {
  check_positional(a, "issubclass", 2, 2);
  return Value::boolean(subclass_check(a[0], a[1]));
}


Value builtin_hasattr(const CallArgs& a) {
  check_positional(a, "hasattr", 2, 2);
  return Value::boolean(!get_attr_or_null(a[0], attribute_name(a[1])).is_null());
}

Value builtin_getattr(const CallArgs& a) {
  check_positional(a, "getattr", 2, 3);
  Str* name = attribute_name(a[1]);
  if (a.count == 2) return get_attr(a[0], name);
  Value v = get_attr_or_null(a[0], name);
  return v.is_null() ? a[2] : v;
}

Value builtin_setattr(const CallArgs& a) {
  check_positional(a, "setattr", 3, 3);
  set_attr(a[0], attribute_name(a[1]), a[2]);
  return Value::none();
}

Value builtin_delattr(const CallArgs& a) {
  check_positional(a, "delattr", 2, 2);
  del_attr(a[0], attribute_name(a[1]));
  return Value::none();
}

Value builtin_id(const CallArgs& a) {
  check_one_arg(a, "id");
  return make_int(static_cast<int64_t>(a[0].raw()));
}

Value builtin_hash(const CallArgs& a) {
  check_one_arg(a, "hash");
  return make_int(hash_value(a[0]));
}

Value builtin_repr(const CallArgs& a) {
  check_one_arg(a, "repr");
  return Value(repr(a[0]));
}

// repr() with non-ASCII characters escaped as \xNN, \uNNNN or \UNNNNNNNN.
std::string ascii_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = p[i];
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    uint32_t cp = c & (0x3F >> extra);
    for (int k = 1; k <= extra && i + k < n; ++k) cp = (cp << 6) | (p[i + k] & 0x3F);
    i += extra + 1;
    char buf[16];
    if (cp < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", cp);
    else if (cp < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    else std::snprintf(buf, sizeof buf, "\\U%08x", cp);
    out += buf;
  }
  return out;
}

Value builtin_ascii(const CallArgs& a) {
  check_one_arg(a, "ascii");
  Str* r = repr(a[0]);
  if (r->ascii) return Value(r);
  return new_str_value(ascii_escape(r->data));
}

Value builtin_format(const CallArgs& a) {
  check_positional(a, "format", 1, 2);
  Str* spec;
  if (a.count == 2) {
    if (!is_str(a[1])) raise_type_error("format() argument 2 must be str, not " + type_name(a[1]));
    spec = as_str(a[1]);
  } else {
    spec = intern("");
  }
  return Value(format_value(a[0], spec));
}

Value builtin_callable(const CallArgs& a) {
  check_one_arg(a, "callable");
  return Value::boolean(is_callable(a[0]));
}

Value builtin_len(const CallArgs& a) {
  check_one_arg(a, "len");
  return make_int(length(a[0]));
}

// ---------------------------------------------------------------- namespaces

Frame* caller_frame() {
  ThreadState* ts = current_thread_state();
  return ts == nullptr ? nullptr : ts->current_frame;
}

Value builtin_globals(const CallArgs& a) {
  check_no_args(a, "globals");
  Frame* f = caller_frame();
  if (f == nullptr || f->globals == nullptr) return Value(new_dict());
  return Value(f->globals);
}

// The locals of a frame: its names dict (module code: its globals), or a
// new dict built from its fast locals.
Dict* frame_locals(Frame* f) {
  if (f->locals != nullptr) return f->locals;
  // Module-level code keeps its names in the globals dict.
  if (f->code->flags & kCodeUsesLocalsDict) return f->globals;
  return fast_locals_snapshot(f);
}

Dict* current_locals() {
  Frame* f = caller_frame();
  if (f == nullptr) return new_dict();
  return frame_locals(f);
}

// exec() given a mapping that is not a dict: locals() is that mapping.
Object* caller_locals_mapping() {
  Frame* f = caller_frame();
  return f == nullptr ? nullptr : f->locals_mapping;
}

Value builtin_locals(const CallArgs& a) {
  check_no_args(a, "locals");
  if (Object* mapping = caller_locals_mapping()) return Value(mapping);
  return Value(current_locals());
}

Value builtin_vars(const CallArgs& a) {
  check_positional(a, "vars", 0, 1);
  if (a.count == 0) {
    if (Object* mapping = caller_locals_mapping()) return Value(mapping);
    return Value(current_locals());
  }
  Value d = get_attr_or_null(a[0], intern("__dict__"));
  if (d.is_null() && a[0].is_object() && a[0].object()->attrs != nullptr && type_of(a[0])->is_builtin)
    d = Value(a[0].object()->attrs);
  if (d.is_null()) raise_type_error("vars() argument must have __dict__ attribute");
  return d;
}

// The keys of `d`, but the one equal to `skip` when given.
void add_dict_keys(ValueVector& names, const Dict* d, const Str* skip = nullptr) {
  if (d == nullptr) return;
  for (size_t i = 0; i < d->table.entry_capacity(); ++i) {
    const DictEntry& e = d->table.entry_at(i);
    if (e.key.is_null()) continue;
    if (skip != nullptr && is_str(e.key) && as_str(e.key)->view() == skip->view()) continue;
    names.push_back(e.key);
  }
}

Value sorted_unique_names(ValueVector names) {
  // All names are normally strs: sort by code point (UTF-8 byte order).
  bool all_str = true;
  for (Value v : names) all_str = all_str && is_str(v);
  if (all_str) {
    std::stable_sort(names.begin(), names.end(),
                     [](Value x, Value y) { return as_str(x)->view() < as_str(y)->view(); });
    names.erase(std::unique(names.begin(), names.end(),
                            [](Value x, Value y) { return as_str(x)->view() == as_str(y)->view(); }),
                names.end());
    return Value(new_list(std::move(names)));
  }
  Value list = Value(new_list(std::move(names)));
  call_method(list, "sort", {});
  return list;
}

// object's dict holds the __dict__ descriptor all gilvm instances share;
// CPython lists __dict__ only for types that give their instances one
// (classes written in Python without __slots__, exceptions, functions).
bool lists_instance_dict(Type* t) {
  for (Type* k : t->mro)
    if (!k->is_builtin) return k->instances_have_dict;
  return t->is_subtype_of(exc().BaseException) || t == types().function;
}

// The keys of a class's own dict, for dir().
void add_class_keys(ValueVector& names, Type* t) {
  add_dict_keys(names, t->dict(), t == types().object ? intern("__dict__") : nullptr);
}

Value builtin_dir(const CallArgs& a) {
  check_positional(a, "dir", 0, 1);
  ValueVector names;
  if (a.count == 0) {
    add_dict_keys(names, current_locals());
    return sorted_unique_names(std::move(names));
  }
  Value obj = a[0];
  Value method = lookup_special(obj, "__dir__");
  if (!method.is_null() && type_of(method) == types().function) {
    Value result = call(method, {obj});
    return sorted_unique_names(collect_iterable(result));
  }
  if (isinstance(obj, types().module)) {
    add_dict_keys(names, obj.object()->attrs);
  } else if (is_class(obj)) {
    for (Type* t : obj.as<Type>()->mro) add_class_keys(names, t);
    if (lists_instance_dict(obj.as<Type>())) names.push_back(intern("__dict__"));
  } else {
    if (obj.is_object() && has_inline_values(obj.object())) {
      const auto* cells = static_cast<const SlottedObject*>(obj.object());
      for (uint32_t i = 0; i < cells->inline_count; ++i) names.push_back(obj.object()->type->shared_keys[i]);
    } else if (obj.is_object()) {
      add_dict_keys(names, obj.object()->attrs);
    }
    for (Type* t : type_of(obj)->mro) add_class_keys(names, t);
    if (lists_instance_dict(type_of(obj))) names.push_back(intern("__dict__"));
  }
  return sorted_unique_names(std::move(names));
}

}  // namespace

void install_object_functions(Dict* builtins) {
  add_function(builtins, "isinstance", builtin_isinstance);
  add_function(builtins, "issubclass", builtin_issubclass);
  add_function(builtins, "hasattr", builtin_hasattr);
  add_function(builtins, "getattr", builtin_getattr);
  add_function(builtins, "setattr", builtin_setattr);
  add_function(builtins, "delattr", builtin_delattr);
  add_function(builtins, "id", builtin_id);
  add_function(builtins, "hash", builtin_hash);
  add_function(builtins, "repr", builtin_repr);
  add_function(builtins, "ascii", builtin_ascii);
  add_function(builtins, "format", builtin_format);
  add_function(builtins, "callable", builtin_callable);
  add_function(builtins, "len", builtin_len);
  add_function(builtins, "globals", builtin_globals);
  add_function(builtins, "locals", builtin_locals);
  add_function(builtins, "vars", builtin_vars);
  add_function(builtins, "dir", builtin_dir);
}

}  // namespace gilvm::builtins_impl
