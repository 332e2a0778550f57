// dict and its keys/values/items views.
#include <algorithm>

#include "vm/builtins/container_ops.hpp"
#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/set.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

struct DictView : Object {
  Dict* dict;
  DictView(Type* t, Dict* d) : Object(t), dict(d) {}
  void trace(Tracer& tr) override { tr.visit(dict); }
};

Dict* self_dict(const CallArgs& a, const char* name) {
  if (a.count == 0 || !isinstance(a[0], types().dict))
    raise_type_error(std::string("descriptor '") + name + "' requires a 'dict' object");
  return a[0].as<Dict>();
}

// dict.update's argument: a mapping (keys() + [k]) or an iterable of pairs.
void update_from(Dict* d, Value source) {
  if (isinstance(source, types().dict)) {
    const DictTable& t = source.as<Dict>()->table;
    for (size_t i = 0; i < t.entry_capacity(); ++i) {
      const DictEntry& e = t.entry_at(i);
      if (!e.key.is_null()) d->table.set(e.key, e.hash, e.value);
    }
    return;
  }
  Value keys = get_attr_or_null(source, names().keys);
  if (!keys.is_null()) {
    for (Value k : collect_iterable(call_object(keys, CallArgs{nullptr, 0}))) d->table.set(k, get_item(source, k));
    return;
  }
  int64_t index = 0;
  for (Value item : collect_iterable(source)) {
    ValueVector pair;
    if (lookup_in_mro(type_of(item), names().__iter__).is_null())
      raise_type_error("cannot convert dictionary update sequence element #" + std::to_string(index) +
                       " to a sequence");
    pair = collect_iterable(item);
    if (pair.size() != 2)
      raise_value_error("dictionary update sequence element #" + std::to_string(index) + " has length " +
                        std::to_string(pair.size()) + "; 2 is required");
    d->table.set(pair[0], pair[1]);
    ++index;
  }
}

void update_kwargs(Dict* d, const CallArgs& a) {
  for (size_t k = 0; k < a.kw_count(); ++k) d->table.set(a.kwnames->items[k], a.kw_value(k));
}

Value dict_construct(Type* type, const CallArgs& args) {
  if (init_takes_arguments(type, types().dict)) return gc_new<Dict>(type);
  if (args.count > 1) raise_type_error("dict expected at most 1 argument, got " + std::to_string(args.count));
  Dict* d = gc_new<Dict>(type);
  if (args.count == 1) update_from(d, args[0]);
  update_kwargs(d, args);
  return d;
}
Value dict_init(const CallArgs& a) {
  Dict* d = self_dict(a, "__init__");
  if (a.count > 2) raise_type_error("dict expected at most 1 argument, got " + std::to_string(a.count - 1));
  if (a.count == 2) update_from(d, a[1]);
  update_kwargs(d, a);
  return Value::none();
}

Value dict_len(const CallArgs& a) { return make_int(static_cast<int64_t>(self_dict(a, "__len__")->size())); }
Value dict_iter(const CallArgs& a) { return make_iterator(SeqIterator::Kind::DictKeys, self_dict(a, "__iter__")); }
Value dict_getitem(const CallArgs& a) {
  Dict* d = self_dict(a, "__getitem__");
  Value v = d->table.get(a[1]);
  if (!v.is_null()) return v;
  if (d->type != types().dict) {
    Value missing = lookup_in_mro(d->type, names().__missing__);
    if (!missing.is_null()) return call_method(d, names().__missing__, {a[1]});
  }
  raise_key_error(a[1]);
}
Value dict_setitem(const CallArgs& a) {
  self_dict(a, "__setitem__")->table.set(a[1], a[2]);
  return Value::none();
}
Value dict_delitem(const CallArgs& a) {
  if (self_dict(a, "__delitem__")->table.remove(a[1]).is_null()) raise_key_error(a[1]);
  return Value::none();
}
Value dict_contains(const CallArgs& a) { return Value::boolean(self_dict(a, "__contains__")->table.contains(a[1])); }
Value dict_get(const CallArgs& a) {
  check_arg_count(a, "get", 2, 3);
  Value v = self_dict(a, "get")->table.get(a[1]);
  return v.is_null() ? (a.count == 3 ? a[2] : Value::none()) : v;
}
Value dict_pop(const CallArgs& a) {
  check_arg_count(a, "pop", 2, 3);
  Value v = self_dict(a, "pop")->table.remove(a[1]);
  if (!v.is_null()) return v;
  if (a.count == 3) return a[2];
  raise_key_error(a[1]);
}
Value dict_popitem(const CallArgs& a) {
  Dict* d = self_dict(a, "popitem");
  const DictTable& t = d->table;
  for (size_t i = t.entry_capacity(); i-- > 0;) {
    const DictEntry& e = t.entry_at(i);
    if (e.key.is_null()) continue;
    Value key = e.key, value = e.value;
    d->table.remove(key, e.hash);
    return new_tuple({key, value});
  }
  raise_error(exc().KeyError, "popitem(): dictionary is empty");
}
Value dict_setdefault(const CallArgs& a) {
  check_arg_count(a, "setdefault", 2, 3);
  Dict* d = self_dict(a, "setdefault");
  Value v = d->table.get(a[1]);
  if (!v.is_null()) return v;
  Value fallback = a.count == 3 ? a[2] : Value::none();
  d->table.set(a[1], fallback);
  return fallback;
}
Value dict_update(const CallArgs& a) {
  Dict* d = self_dict(a, "update");
  if (a.count > 2) raise_type_error("update expected at most 1 argument, got " + std::to_string(a.count - 1));
  if (a.count == 2) update_from(d, a[1]);
  update_kwargs(d, a);
  return Value::none();
}
Value dict_copy(const CallArgs& a) {
  Dict* d = self_dict(a, "copy");
  Dict* out = new_dict();
  update_from(out, d);
  return out;
}
Value dict_clear(const CallArgs& a) {
  self_dict(a, "clear")->table.clear();
  return Value::none();
}
Value dict_fromkeys(const CallArgs& a) {
  check_arg_count(a, "fromkeys", 2, 3);
  Value value = a.count == 3 ? a[2] : Value::none();
  Value result = call_object(a[0], CallArgs{nullptr, 0});
  for (Value k : collect_iterable(a[1])) set_item(result, k, value);
  return result;
}
Value dict_repr(const CallArgs& a) {
  Dict* d = self_dict(a, "__repr__");
  ValueVector parts;
  // Reuse the list repr guard by formatting "k: v" pieces ourselves.
  static thread_local std::vector<Dict*> active;
  for (Dict* x : active)
    if (x == d) return new_str("{...}");
  active.push_back(d);
  std::string out = "{";
  try {
    bool first = true;
    const DictTable& t = d->table;
    for (size_t i = 0; i < t.entry_capacity(); ++i) {
      const DictEntry& e = t.entry_at(i);
      if (e.key.is_null()) continue;
      if (!first) out += ", ";
      first = false;
      out += repr_string(e.key) + ": " + repr_string(e.value);
    }
  } catch (...) {
    active.pop_back();
    throw;
  }
  active.pop_back();
  return new_str(out + "}");
}
Value dict_eq_impl(Dict* a, Value other) {
  if (!isinstance(other, types().dict)) return not_implemented();
  Dict* b = other.as<Dict>();
  if (a->size() != b->size()) return Value::false_value();
  const DictTable& t = a->table;
  for (size_t i = 0; i < t.entry_capacity(); ++i) {
    const DictEntry& e = t.entry_at(i);
    if (e.key.is_null()) continue;
    Value v = b->table.get(e.key, e.hash);
    if (v.is_null() || !values_equal(e.value, v)) return Value::false_value();
  }
  return Value::true_value();
}
Value dict_eq(const CallArgs& a) { return dict_eq_impl(self_dict(a, "__eq__"), a[1]); }
Value dict_ne(const CallArgs& a) {
  Value r = dict_eq_impl(self_dict(a, "__ne__"), a[1]);
  return r.is(not_implemented()) ? r : Value::boolean(!r.is_true());
}
Value dict_or(const CallArgs& a) {
  if (!isinstance(a[1], types().dict)) return not_implemented();
  Dict* out = new_dict();
  update_from(out, a[0]);
  update_from(out, a[1]);
  return out;
}
Value dict_ior(const CallArgs& a) {
  update_from(self_dict(a, "__ior__"), a[1]);
  return a[0];
}

Value make_view(Type* t, const CallArgs& a, const char* name) { return gc_new<DictView>(t, self_dict(a, name)); }
Value dict_keys(const CallArgs& a) { return make_view(types().dict_keys, a, "keys"); }
Value dict_values(const CallArgs& a) { return make_view(types().dict_values, a, "values"); }
Value dict_items(const CallArgs& a) { return make_view(types().dict_items, a, "items"); }

SeqIterator::Kind view_kind(Value v) {
  Type* t = type_of(v);
  return t == types().dict_keys ? SeqIterator::Kind::DictKeys
         : t == types().dict_values ? SeqIterator::Kind::DictValues
                                    : SeqIterator::Kind::DictItems;
}
Value view_iter(const CallArgs& a) { return make_iterator(view_kind(a[0]), a[0].as<DictView>()->dict); }
Value view_len(const CallArgs& a) { return make_int(static_cast<int64_t>(a[0].as<DictView>()->dict->size())); }
ValueVector view_items(Value view) {
  ValueVector out;
  Value it = make_iterator(view_kind(view), view.as<DictView>()->dict);
  for (;;) {
    Value x = seq_iterator_next(static_cast<SeqIterator*>(it.object()));
    if (x.is_null()) break;
    out.push_back(x);
  }
  return out;
}
Value view_repr(const CallArgs& a) {
  std::string inner = items_repr(a[0], view_items(a[0]), "[", "]");
  return new_str(type_name(a[0]) + "(" + inner + ")");
}
Value view_contains(const CallArgs& a) {
  Dict* d = a[0].as<DictView>()->dict;
  Type* t = type_of(a[0]);
  if (t == types().dict_keys) return Value::boolean(d->table.contains(a[1]));
  for (Value v : view_items(a[0]))
    if (values_equal(v, a[1])) return Value::true_value();
  return Value::false_value();
}
Value view_reversed(const CallArgs& a) {
  ValueVector items = view_items(a[0]);
  std::reverse(items.begin(), items.end());
  return make_iterator(SeqIterator::Kind::List, new_list(std::move(items)));
}

// reversed(d): the keys, newest first (a snapshot, where CPython's iterator
// would notice a change of size).
Value dict_reversed(const CallArgs& a) {
  check_arg_count(a, "__reversed__", 1, 1);
  if (!isinstance(a[0], types().dict)) raise_type_error("descriptor '__reversed__' requires a 'dict' object");
  const DictTable& table = a[0].as<Dict>()->table;
  ValueVector keys;
  keys.reserve(table.size());
  for (size_t i = table.entry_capacity(); i-- > 0;)
    if (!table.entry_at(i).key.is_null()) keys.push_back(table.entry_at(i).key);
  return make_iterator(SeqIterator::Kind::List, new_list(std::move(keys)));
}

}  // namespace

void install_dict_methods() {
  Type* d = types().dict;
  d->construct = dict_construct;
  add_method(d, "__init__", dict_init);
  add_method(d, "__len__", dict_len);
  add_method(d, "__iter__", dict_iter);
  add_method(d, "__reversed__", dict_reversed);
  add_method(d, "__getitem__", dict_getitem);
  add_method(d, "__setitem__", dict_setitem);
  add_method(d, "__delitem__", dict_delitem);
  add_method(d, "__contains__", dict_contains);
  add_method(d, "__repr__", dict_repr);
  add_method(d, "__eq__", dict_eq);
  add_method(d, "__ne__", dict_ne);
  add_method(d, "__or__", dict_or);
  add_method(d, "__ior__", dict_ior);
  add_method(d, "get", dict_get);
  add_method(d, "pop", dict_pop);
  add_method(d, "popitem", dict_popitem);
  add_method(d, "setdefault", dict_setdefault);
  add_method(d, "update", dict_update);
  add_method(d, "copy", dict_copy);
  add_method(d, "clear", dict_clear);
  add_method(d, "keys", dict_keys);
  add_method(d, "values", dict_values);
  add_method(d, "items", dict_items);
  add_class_method(d, "fromkeys", dict_fromkeys);
  for (Type* v : {types().dict_keys, types().dict_values, types().dict_items}) {
    add_method(v, "__iter__", view_iter);
    add_method(v, "__len__", view_len);
    add_method(v, "__repr__", view_repr);
    add_method(v, "__contains__", view_contains);
    add_method(v, "__reversed__", view_reversed);
  }
}

}  // namespace gilvm
