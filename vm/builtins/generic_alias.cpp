// Type expressions that annotations are made of: `list[int]` (a
// types.GenericAlias) and `int | None` (a types.UnionType).
//
// Annotations are evaluated when a def runs, so these must exist for
// modern annotated scripts to run at all. They carry what introspection
// reads (__origin__, __args__, CPython's reprs, equality, hashing), a
// GenericAlias calls its origin (list[int]() is []), and isinstance()
// accepts a union. Both keep their fields in the instance dict, where
// attribute lookup finds them without accessors.
#include <span>
#include <string>

#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {

Type* alias_type = nullptr;
Type* union_type = nullptr;

Value field(Value self, const char* name) {
  Value v = self.object()->attrs->table.get_str(intern(name));
  return v.is_null() ? Value::none() : v;
}
std::span<const Value> args_of(Value self) { return field(self, "__args__").as<Tuple>()->items; }

Value make_alias(Value origin, Value item) {
  Tuple* args = isinstance(item, types().tuple) ? item.as<Tuple>() : new_tuple({item});
  Root keep_args(args);
  Object* alias = gc_new<Object>(alias_type);
  Root keep(alias);
  alias->attrs = new_dict();
  alias->attrs->table.set(intern("__origin__"), origin);
  alias->attrs->table.set(intern("__args__"), args);
  alias->attrs->table.set(intern("__parameters__"), new_tuple({}));
  return alias;
}

// How typing shows a member: a class by its (qualified) name, None for
// NoneType, "..." for Ellipsis, anything else by repr().
std::string member_repr(Value v) {
  if (v.is(ellipsis())) return "...";
  if (v.is(types().none) || v.is_none()) return "None";
  if (isinstance(v, types().type)) {
    Type* t = v.as<Type>();
    Value module = get_attr_or_null(v, names().__module__);
    std::string prefix = module.is_null() || !isinstance(module, types().str) ||
                                 module.as<Str>()->data == "builtins"
                             ? ""
                             : module.as<Str>()->data + ".";
    return prefix + t->qualname;
  }
  return repr_string(v);
}

// types.GenericAlias(origin, args), which classes use as their
// __class_getitem__ (queue.Queue[int]).
Value alias_construct(Type*, const CallArgs& a) {
  ArgParser p(a, "GenericAlias", {"origin", "args"}, 2, false);
  return make_alias(p.get(0), p.get(1));
}

Value alias_class_getitem(const CallArgs& a) {
  check_arg_count(a, "__class_getitem__", 2, 2);
  return make_alias(a[0], a[1]);
}

Value alias_repr(const CallArgs& a) {
  std::string out = member_repr(field(a[0], "__origin__")) + "[";
  std::span<const Value> args = args_of(a[0]);
  if (args.empty()) out += "()";
  for (size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + member_repr(args[i]);
  return new_str(out + "]");
}

Value alias_call(const CallArgs& a) {
  return call_object(field(a[0], "__origin__"), CallArgs{a.args + 1, a.count - 1, a.kwnames});
}

bool same_members(std::span<const Value> x, std::span<const Value> y) {
  if (x.size() != y.size()) return false;
  for (size_t i = 0; i < x.size(); ++i)
    if (!values_equal(x[i], y[i])) return false;
  return true;
}

Value alias_eq(const CallArgs& a) {
  check_arg_count(a, "__eq__", 2, 2);
  if (type_of(a[1]) != alias_type) return not_implemented();
  return Value::boolean(values_equal(field(a[0], "__origin__"), field(a[1], "__origin__")) &&
                        same_members(args_of(a[0]), args_of(a[1])));
}

Value alias_hash(const CallArgs& a) {
  return make_int(hash_value(field(a[0], "__origin__")) ^ hash_value(field(a[0], "__args__")));
}

// --- unions ---------------------------------------------------------------------

bool can_join_union(Value v) {
  return v.is_none() || isinstance(v, types().type) || type_of(v) == alias_type || type_of(v) == union_type;
}

void add_member(ValueVector& members, Value v) {
  if (type_of(v) == union_type) {
    for (Value m : args_of(v)) add_member(members, m);
    return;
  }
  if (v.is_none()) v = types().none;
  for (Value m : members)
    if (values_equal(m, v)) return;
  members.push_back(v);
}

// a | b for type expressions, or NotImplemented for anything else.
Value make_union(Value a, Value b) {
  if (!can_join_union(a) || !can_join_union(b)) return not_implemented();
  ValueVector members;
  add_member(members, a);
  add_member(members, b);
  if (members.size() == 1) return members[0];
  Tuple* args = new_tuple(members);
  Root keep_args(args);
  Object* u = gc_new<Object>(union_type);
  Root keep(u);
  u->attrs = new_dict();
  u->attrs->table.set(intern("__args__"), args);
  return u;
}

Value type_or(const CallArgs& a) {
  check_arg_count(a, "__or__", 2, 2);
  return make_union(a[0], a[1]);
}
Value type_ror(const CallArgs& a) {
  check_arg_count(a, "__ror__", 2, 2);
  return make_union(a[1], a[0]);
}

Value union_repr(const CallArgs& a) {
  std::string out;
  std::span<const Value> args = args_of(a[0]);
  for (size_t i = 0; i < args.size(); ++i) out += (i ? " | " : "") + member_repr(args[i]);
  return new_str(out);
}

// Unions compare as sets of members: int | str == str | int.
Value union_eq(const CallArgs& a) {
  check_arg_count(a, "__eq__", 2, 2);
  if (type_of(a[1]) != union_type) return not_implemented();
  std::span<const Value> x = args_of(a[0]);
  std::span<const Value> y = args_of(a[1]);
  if (x.size() != y.size()) return Value::false_value();
  for (Value m : x) {
    bool found = false;
    for (Value n : y) found = found || values_equal(m, n);
    if (!found) return Value::false_value();
  }
  return Value::true_value();
}

Value union_hash(const CallArgs& a) {
  int64_t h = 0x5a5a;
  for (Value m : args_of(a[0])) h ^= hash_value(m);  // order-independent, like the equality
  return make_int(h);
}

Type* make_type(const char* name) {
  Type* t = new_builtin_type(name, types().object, nullptr);
  t->instances_have_dict = true;
  t->allows_subclassing = false;
  add_type_attr(t, "__module__", new_str("types"));
  add_method(t, "__or__", type_or);
  add_method(t, "__ror__", type_ror);
  return t;
}

}  // namespace

Value new_generic_alias(Value origin, Value item) { return make_alias(origin, item); }

void install_generic_alias_methods() {
  alias_type = make_type("GenericAlias");
  alias_type->construct = alias_construct;
  add_method(alias_type, "__repr__", alias_repr);
  add_method(alias_type, "__call__", alias_call);
  add_method(alias_type, "__eq__", alias_eq);
  add_method(alias_type, "__hash__", alias_hash);
  union_type = make_type("UnionType");
  add_method(union_type, "__repr__", union_repr);
  add_method(union_type, "__eq__", union_eq);
  add_method(union_type, "__hash__", union_hash);
  CoreTypes& t = types();
  for (Type* generic : {t.list, t.dict, t.tuple, t.set, t.frozenset, t.type})
    add_class_method(generic, "__class_getitem__", alias_class_getitem);
  add_method(t.type, "__or__", type_or);
  add_method(t.type, "__ror__", type_ror);
}

}  // namespace gilvm
