#include "vm/objects/mapping_proxy.hpp"

#include <string>

#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/call.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {

Type* proxy_type = nullptr;

Value proxied(Value self) { return self.as<MappingProxy>()->mapping; }

// CPython's test: a mapping (something with __getitem__) that is not a
// list or tuple, whose __getitem__ takes indexes rather than keys.
Value mapping_proxy_construct(Type* type, const CallArgs& args) {
  ArgParser p(args, "mappingproxy", {"mapping"}, 1, false);
  Value mapping = p.get(0);
  bool is_mapping = mapping.is_object() && !lookup_in_mro(type_of(mapping), names().__getitem__).is_null() &&
                    !isinstance(mapping, types().list) && !isinstance(mapping, types().tuple);
  if (!is_mapping) raise_type_error("mappingproxy() argument must be a mapping, not " + type_name(mapping));
  return gc_new<MappingProxy>(type, mapping);
}

Value proxy_getitem(const CallArgs& a) { return get_item(proxied(a[0]), a[1]); }
Value proxy_len(const CallArgs& a) { return make_int(length(proxied(a[0]))); }
Value proxy_contains(const CallArgs& a) { return Value::boolean(contains(proxied(a[0]), a[1])); }
Value proxy_iter(const CallArgs& a) { return get_iter(proxied(a[0])); }
Value proxy_reversed(const CallArgs& a) {
  static Str* reversed_name = intern("reversed");
  return call(builtins_dict()->table.get_str(reversed_name), {proxied(a[0])});
}

Value proxy_get(const CallArgs& a) {
  if (a.count < 2 || a.count > 3) raise_type_error("get expected at most 2 arguments, got " + std::to_string(a.count - 1));
  if (a.count == 2) return call_method(proxied(a[0]), "get", {a[1]});
  return call_method(proxied(a[0]), "get", {a[1], a[2]});
}
Value proxy_keys(const CallArgs& a) { return call_method(proxied(a[0]), "keys", {}); }
Value proxy_values(const CallArgs& a) { return call_method(proxied(a[0]), "values", {}); }
Value proxy_items(const CallArgs& a) { return call_method(proxied(a[0]), "items", {}); }
Value proxy_copy(const CallArgs& a) { return call_method(proxied(a[0]), "copy", {}); }

Value proxy_repr(const CallArgs& a) { return new_str("mappingproxy(" + repr_string(proxied(a[0])) + ")"); }
Value proxy_str(const CallArgs& a) { return new_str(str_string(proxied(a[0]))); }

Value compare_with(const CallArgs& a, uint32_t op) { return compare(proxied(a[0]), a[1], op); }
Value proxy_eq(const CallArgs& a) { return compare_with(a, kEq); }
Value proxy_ne(const CallArgs& a) { return compare_with(a, kNe); }
Value proxy_lt(const CallArgs& a) { return compare_with(a, kLt); }
Value proxy_le(const CallArgs& a) { return compare_with(a, kLe); }
Value proxy_gt(const CallArgs& a) { return compare_with(a, kGt); }
Value proxy_ge(const CallArgs& a) { return compare_with(a, kGe); }

// `proxy | other` and `other | proxy` give what the mappings themselves give.
Value unwrapped(Value v) { return type_of(v) == proxy_type ? proxied(v) : v; }
Value proxy_or(const CallArgs& a) { return binary_op(unwrapped(a[0]), unwrapped(a[1]), kOr); }
Value proxy_ror(const CallArgs& a) { return binary_op(unwrapped(a[1]), unwrapped(a[0]), kOr); }
Value proxy_ior(const CallArgs& a) {
  raise_type_error("'|=' is not supported by " + type_name(a[0]) + "; use '|' instead");
}

}  // namespace

Type* mapping_proxy_type() { return proxy_type; }

Value new_mapping_proxy(Value mapping) { return gc_new<MappingProxy>(proxy_type, mapping); }

void install_mapping_proxy_type() {
  proxy_type = new_builtin_type("mappingproxy", types().object, mapping_proxy_construct);
  proxy_type->allows_subclassing = false;
  Type* t = proxy_type;
  add_method(t, "__getitem__", proxy_getitem);
  add_method(t, "__len__", proxy_len);
  add_method(t, "__contains__", proxy_contains);
  add_method(t, "__iter__", proxy_iter);
  add_method(t, "__reversed__", proxy_reversed);
  add_method(t, "get", proxy_get);
  add_method(t, "keys", proxy_keys);
  add_method(t, "values", proxy_values);
  add_method(t, "items", proxy_items);
  add_method(t, "copy", proxy_copy);
  add_method(t, "__repr__", proxy_repr);
  add_method(t, "__str__", proxy_str);
  add_method(t, "__eq__", proxy_eq);
  add_method(t, "__ne__", proxy_ne);
  add_method(t, "__lt__", proxy_lt);
  add_method(t, "__le__", proxy_le);
  add_method(t, "__gt__", proxy_gt);
  add_method(t, "__ge__", proxy_ge);
  add_method(t, "__or__", proxy_or);
  add_method(t, "__ror__", proxy_ror);
  add_method(t, "__ior__", proxy_ior);
  t->dict()->table.set(names().__hash__, Value::none());
}

}  // namespace gilvm
