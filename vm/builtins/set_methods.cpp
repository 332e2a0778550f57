// set and frozenset. Results of the set algebra are built in the order
// CPython builds them (see each function), because that order shows when a
// script prints a set.
#include "vm/builtins/container_ops.hpp"
#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/set.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

Set* self_set(const CallArgs& a, const char* name) {
  if (a.count == 0 || !is_set_like(a[0]))
    raise_type_error(std::string("descriptor '") + name + "' requires a 'set' object");
  return a[0].as<Set>();
}
bool is_frozen(Value v) { return isinstance(v, types().frozenset); }

Set* make_like(Value prototype) { return is_frozen(prototype) ? new_frozenset() : new_set(); }

void add_all(Set* target, Value iterable) {
  if (is_set_like(iterable)) {
    target->table.merge(iterable.as<Set>()->table);
    return;
  }
  update_set(target, iterable);
}

// A set from an arbitrary iterable argument (for methods that accept any iterable).
Set* as_set(Value v) {
  if (is_set_like(v)) return v.as<Set>();
  Set* s = new_set();
  add_all(s, v);
  return s;
}

Value set_construct(Type* type, const CallArgs& args) {
  if (init_takes_arguments(type, types().set)) return gc_new<Set>(type);
  no_keywords(args, type->name.c_str());
  check_arg_count(args, type->name.c_str(), 0, 1);
  if (type == types().frozenset && args.count == 1 && type_of(args[0]) == types().frozenset) return args[0];
  Set* s = gc_new<Set>(type);
  if (args.count == 1) add_all(s, args[0]);
  return s;
}
Value set_init(const CallArgs& a) {
  Set* s = self_set(a, "__init__");
  if (is_frozen(a[0])) return Value::none();
  s->table.clear();
  if (a.count == 2) add_all(s, a[1]);
  return Value::none();
}

Value set_len(const CallArgs& a) { return make_int(static_cast<int64_t>(self_set(a, "__len__")->size())); }
Value set_iter(const CallArgs& a) { return make_iterator(SeqIterator::Kind::Set, self_set(a, "__iter__")); }
Value set_contains(const CallArgs& a) {
  Set* s = self_set(a, "__contains__");
  Value key = a[1];
  if (isinstance(key, types().set) && !is_frozen(key)) {
    // A set is looked up as the equivalent frozenset, as CPython does.
    Set* f = new_frozenset();
    f->table.merge(key.as<Set>()->table);
    key = f;
  }
  return Value::boolean(s->table.contains(key));
}
ValueVector set_items(Set* s) {
  ValueVector out;
  for (size_t i = 0; i < s->table.capacity(); ++i)
    if (s->table.occupied(i)) out.push_back(s->table.key_at(i));
  return out;
}
Value set_repr(const CallArgs& a) {
  Set* s = self_set(a, "__repr__");
  bool frozen = is_frozen(a[0]);
  std::string name = s->type->name;
  if (s->size() == 0) return new_str(name + "()");
  std::string inner = items_repr(s, set_items(s), "{", "}");
  if (frozen || s->type != types().set) return new_str(name + "(" + inner + ")");
  return new_str(inner);
}

Value set_add(const CallArgs& a) {
  check_arg_count(a, "add", 2, 2);
  self_set(a, "add")->table.add(a[1]);
  return Value::none();
}
Value set_discard(const CallArgs& a) {
  check_arg_count(a, "discard", 2, 2);
  self_set(a, "discard")->table.discard(a[1]);
  return Value::none();
}
Value set_remove(const CallArgs& a) {
  check_arg_count(a, "remove", 2, 2);
  if (!self_set(a, "remove")->table.discard(a[1])) raise_key_error(a[1]);
  return Value::none();
}
Value set_pop(const CallArgs& a) {
  Set* s = self_set(a, "pop");
  for (size_t i = 0; i < s->table.capacity(); ++i) {
    if (!s->table.occupied(i)) continue;
    Value k = s->table.key_at(i);
    s->table.discard(k);
    return k;
  }
  raise_error(exc().KeyError, "pop from an empty set");
}
Value set_clear(const CallArgs& a) {
  self_set(a, "clear")->table.clear();
  return Value::none();
}
Value set_copy(const CallArgs& a) {
  Set* s = self_set(a, "copy");
  Set* out = make_like(a[0]);
  out->table.merge(s->table);
  return out;
}

// union: a copy of self, then each argument merged in.
Value set_union(const CallArgs& a) {
  Set* out = make_like(a[0]);
  out->table.merge(self_set(a, "union")->table);
  for (size_t i = 1; i < a.count; ++i) add_all(out, a[i]);
  return out;
}
// intersection: iterate the smaller set (the argument when sizes tie) and
// keep what the other contains.
Set* intersect(Value self, Set* a, Set* b) {
  Set* out = make_like(self);
  if (b->size() > a->size()) std::swap(a, b);
  for (Value k : set_items(b))
    if (a->table.contains(k)) out->table.add(k);
  return out;
}
Value set_intersection(const CallArgs& a) {
  Value result = a[0];
  Set* current = self_set(a, "intersection");
  if (a.count == 1) {
    Set* out = make_like(a[0]);
    out->table.merge(current->table);
    return out;
  }
  for (size_t i = 1; i < a.count; ++i) {
    current = intersect(a[0], current, as_set(a[i]));
    result = current;
  }
  return result;
}
// difference: items of self not in the other, in self's order; when self is
// much larger, a copy of self with the other's items discarded.
Set* subtract(Value self, Set* a, Set* b) {
  Set* out = make_like(self);
  if ((a->size() >> 2) > b->size()) {
    out->table.merge(a->table);
    for (Value k : set_items(b)) out->table.discard(k);
    return out;
  }
  for (Value k : set_items(a))
    if (!b->table.contains(k)) out->table.add(k);
  return out;
}
Value set_difference(const CallArgs& a) {
  Set* current = self_set(a, "difference");
  Value result = a[0];
  if (a.count == 1) {
    Set* out = make_like(a[0]);
    out->table.merge(current->table);
    return out;
  }
  for (size_t i = 1; i < a.count; ++i) {
    current = subtract(a[0], current, as_set(a[i]));
    result = current;
  }
  return result;
}
// symmetric difference: a copy of the OTHER set, then each item of self
// toggled (that is how CPython builds it, and the order shows).
Set* symmetric(Value self, Set* a, Set* b) {
  Set* out = make_like(self);
  out->table.merge(b->table);
  for (Value k : set_items(a))
    if (!out->table.discard(k)) out->table.add(k);
  return out;
}
Value set_symmetric_difference(const CallArgs& a) {
  check_arg_count(a, "symmetric_difference", 2, 2);
  return symmetric(a[0], self_set(a, "symmetric_difference"), as_set(a[1]));
}

template <char Op>
Value set_operator(const CallArgs& a) {
  if (!is_set_like(a[1])) return not_implemented();
  Set* x = self_set(a, "operator");
  Set* y = a[1].as<Set>();
  switch (Op) {
    case '|': {
      Set* out = make_like(a[0]);
      out->table.merge(x->table);
      out->table.merge(y->table);
      return out;
    }
    case '&': return intersect(a[0], x, y);
    case '-': return subtract(a[0], x, y);
    default: return symmetric(a[0], x, y);
  }
}
template <char Op>
Value set_inplace(const CallArgs& a) {
  if (!is_set_like(a[1])) return not_implemented();
  Set* x = self_set(a, "operator");
  Set* y = a[1].as<Set>();
  Set* result;
  switch (Op) {
    case '|': x->table.merge(y->table); return x;
    case '&': result = intersect(a[0], x, y); break;
    case '-': result = subtract(a[0], x, y); break;
    default: result = symmetric(a[0], x, y); break;
  }
  x->table.clear();
  x->table.merge(result->table);
  return x;
}
Value set_update(const CallArgs& a) {
  Set* s = self_set(a, "update");
  for (size_t i = 1; i < a.count; ++i) add_all(s, a[i]);
  return Value::none();
}
Value set_intersection_update(const CallArgs& a) {
  Value r = set_intersection(a);
  Set* s = a[0].as<Set>();
  Set* rs = r.as<Set>();
  if (rs != s) {
    s->table.clear();
    s->table.merge(rs->table);
  }
  return Value::none();
}
Value set_difference_update(const CallArgs& a) {
  Set* s = self_set(a, "difference_update");
  for (size_t i = 1; i < a.count; ++i)
    for (Value k : collect_iterable(a[i])) s->table.discard(k);
  return Value::none();
}
Value set_symmetric_difference_update(const CallArgs& a) {
  Set* s = self_set(a, "symmetric_difference_update");
  Set* other = as_set(a[1]);
  for (Value k : set_items(other))
    if (!s->table.discard(k)) s->table.add(k);
  return Value::none();
}
bool subset(Set* a, Set* b) {
  if (a->size() > b->size()) return false;
  for (Value k : set_items(a))
    if (!b->table.contains(k)) return false;
  return true;
}
Value set_issubset(const CallArgs& a) { return Value::boolean(subset(self_set(a, "issubset"), as_set(a[1]))); }
Value set_issuperset(const CallArgs& a) { return Value::boolean(subset(as_set(a[1]), self_set(a, "issuperset"))); }
Value set_isdisjoint(const CallArgs& a) {
  Set* s = self_set(a, "isdisjoint");
  for (Value k : collect_iterable(a[1]))
    if (s->table.contains(k)) return Value::false_value();
  return Value::true_value();
}
template <uint32_t Op>
Value set_compare(const CallArgs& a) {
  if (!is_set_like(a[1])) return not_implemented();
  Set* x = a[0].as<Set>();
  Set* y = a[1].as<Set>();
  switch (Op) {
    case kEq: return Value::boolean(x->size() == y->size() && subset(x, y));
    case kNe: return Value::boolean(!(x->size() == y->size() && subset(x, y)));
    case kLe: return Value::boolean(subset(x, y));
    case kLt: return Value::boolean(x->size() < y->size() && subset(x, y));
    case kGe: return Value::boolean(subset(y, x));
    default: return Value::boolean(x->size() > y->size() && subset(y, x));
  }
}
// CPython's frozenset hash: a shuffled xor of the element hashes.
Value frozenset_hash(const CallArgs& a) {
  Set* s = self_set(a, "__hash__");
  if (s->hash != -1) return make_int(s->hash);
  uint64_t hash = 0;
  for (Value k : set_items(s)) {
    uint64_t h = static_cast<uint64_t>(hash_value(k));
    hash ^= ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull;
  }
  hash ^= (static_cast<uint64_t>(s->size()) + 1) * 1927868237ull;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069u + 907133923ull;
  int64_t result = static_cast<int64_t>(hash);
  if (result == -1) result = 590923713;
  s->hash = result;
  return make_int(result);
}

void install_common(Type* t, bool mutable_set) {
  t->construct = set_construct;
  add_method(t, "__len__", set_len);
  add_method(t, "__iter__", set_iter);
  add_method(t, "__contains__", set_contains);
  add_method(t, "__repr__", set_repr);
  add_method(t, "__or__", set_operator<'|'>);
  add_method(t, "__and__", set_operator<'&'>);
  add_method(t, "__sub__", set_operator<'-'>);
  add_method(t, "__xor__", set_operator<'^'>);
  add_method(t, "__eq__", set_compare<kEq>);
  add_method(t, "__ne__", set_compare<kNe>);
  add_method(t, "__le__", set_compare<kLe>);
  add_method(t, "__lt__", set_compare<kLt>);
  add_method(t, "__ge__", set_compare<kGe>);
  add_method(t, "__gt__", set_compare<kGt>);
  add_method(t, "copy", set_copy);
  add_method(t, "union", set_union);
  add_method(t, "intersection", set_intersection);
  add_method(t, "difference", set_difference);
  add_method(t, "symmetric_difference", set_symmetric_difference);
  add_method(t, "issubset", set_issubset);
  add_method(t, "issuperset", set_issuperset);
  add_method(t, "isdisjoint", set_isdisjoint);
  if (!mutable_set) {
    add_method(t, "__hash__", frozenset_hash);
    return;
  }
  add_method(t, "__init__", set_init);
  add_method(t, "__ior__", set_inplace<'|'>);
  add_method(t, "__iand__", set_inplace<'&'>);
  add_method(t, "__isub__", set_inplace<'-'>);
  add_method(t, "__ixor__", set_inplace<'^'>);
  add_method(t, "add", set_add);
  add_method(t, "discard", set_discard);
  add_method(t, "remove", set_remove);
  add_method(t, "pop", set_pop);
  add_method(t, "clear", set_clear);
  add_method(t, "update", set_update);
  add_method(t, "intersection_update", set_intersection_update);
  add_method(t, "difference_update", set_difference_update);
  add_method(t, "symmetric_difference_update", set_symmetric_difference_update);
}

}  // namespace

void install_set_methods() {
  install_common(types().set, true);
  install_common(types().frozenset, false);
}

}  // namespace gilvm
