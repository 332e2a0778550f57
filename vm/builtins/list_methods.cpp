// list and tuple: construction, indexing and slicing, the sequence
// operators, comparisons, repr, and the list methods (sort is
// vm/builtins/sort.cpp's).
#include <span>
#include <algorithm>
#include <iterator>

#include "vm/builtins/container_ops.hpp"
#include "vm/builtins/install.hpp"
#include "vm/builtins/sort.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

List* self_list(const CallArgs& a, const char* name) {
  if (a.count == 0 || !isinstance(a[0], types().list))
    raise_type_error(std::string("descriptor '") + name + "' requires a 'list' object");
  return a[0].as<List>();
}
Tuple* self_tuple(const CallArgs& a, const char* name) {
  if (a.count == 0 || !isinstance(a[0], types().tuple))
    raise_type_error(std::string("descriptor '") + name + "' requires a 'tuple' object");
  return a[0].as<Tuple>();
}
std::vector<Value>& items_of(Value v) {
  return isinstance(v, types().list) ? v.as<List>()->items : v.as<Tuple>()->items;
}

}  // namespace

// list[slice] = value. The bounds are taken first, as CPython does (their
// __index__ may run Python); then the new items. An exact list or tuple
// other than the target lends its items as they are; anything else is
// collected first, which may run Python code that changes the list, so the
// bounds are clamped again afterwards.
void list_assign_slice(List* l, const Slice* slice, Value value) {
  auto& items = l->items;
  SliceBounds b = slice_bounds(slice, static_cast<int64_t>(items.size()));
  Type* vt = type_of(value);
  ValueVector collected;
  std::span<const Value> values;
  if (vt == types().tuple) {
    values = value.as<Tuple>()->items;
  } else if (vt == types().list && value.as<List>() != l) {
    values = value.as<List>()->items;
  } else {
    collected = collect_iterable(value);
    values = collected;
  }
  int64_t size = static_cast<int64_t>(items.size());
  auto count = static_cast<int64_t>(values.size());
  if (b.step == 1) {
    int64_t start = std::min(b.start, size);
    int64_t stop = std::min(std::max(b.start, b.stop), size);
    if (stop - start == count) {
      std::copy(values.begin(), values.end(), items.begin() + start);
      return;
    }
    items.erase(items.begin() + start, items.begin() + stop);
    items.insert(items.begin() + start, values.begin(), values.end());
    return;
  }
  if (count != b.count)
    raise_value_error("attempt to assign sequence of size " + std::to_string(values.size()) +
                      " to extended slice of size " + std::to_string(b.count));
  for (int64_t i = 0; i < b.count; ++i) {
    int64_t at = b.at(i);
    if (at >= 0 && at < static_cast<int64_t>(items.size())) items[at] = values[i];
  }
}

std::vector<Value> concatenated(std::span<const Value> a, std::span<const Value> b) {
  std::vector<Value> out;
  out.reserve(a.size() + b.size());
  out.insert(out.end(), a.begin(), a.end());
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

// Items of a sequence for a slice, or one item.
Value sequence_getitem(Value self, const std::vector<Value>& items, Value key, bool is_list) {
  if (type_of(key) == types().slice) {
    SliceBounds b = slice_bounds(key.as<Slice>(), static_cast<int64_t>(items.size()));
    // A plain vector is enough: nothing runs between filling it and handing
    // it to the new object (slice_bounds above may call __index__, not this).
    std::vector<Value> out;
    if (b.count > 0 && b.step == 1) {
      out.assign(items.begin() + b.start, items.begin() + b.start + b.count);
    } else if (b.count > 0 && b.step == -1) {  // a[::-1], a[k::-1]
      auto after_first = items.begin() + b.start + 1;
      out.assign(std::make_reverse_iterator(after_first), std::make_reverse_iterator(after_first - b.count));
    } else {
      out.reserve(static_cast<size_t>(b.count));
      for (int64_t i = 0; i < b.count; ++i) out.push_back(items[b.at(i)]);
    }
    (void)self;
    return is_list ? Value(new_list(std::move(out))) : Value(new_tuple(std::move(out)));
  }
  if (!has_index(key))
    raise_type_error(std::string(is_list ? "list" : "tuple") + " indices must be integers or slices, not " +
                     type_name(key));
  return items[normalize_index(key, static_cast<int64_t>(items.size()), is_list ? "list index" : "tuple index")];
}

namespace {

Value list_construct(Type* type, const CallArgs& args) {
  if (init_takes_arguments(type, types().list)) return gc_new<List>(type);
  no_keywords(args, "list");
  check_arg_count(args, "list", 0, 1);
  List* l = gc_new<List>(type);
  if (args.count == 1) extend_list(l, args[0]);
  return l;
}
Value list_init(const CallArgs& a) {
  List* l = self_list(a, "__init__");
  if (a.count > 2) raise_type_error("list expected at most 1 argument, got " + std::to_string(a.count - 1));
  l->items.clear();
  if (a.count == 2) extend_list(l, a[1]);
  return Value::none();
}
Value tuple_construct(Type* type, const CallArgs& args) {
  no_keywords(args, "tuple");
  check_arg_count(args, "tuple", 0, 1);
  if (args.count == 0) return type == types().tuple ? new_tuple() : gc_new<Tuple>(type);
  Tuple* items = tuple_of_iterable(args[0]);
  if (type == types().tuple) return items;
  return gc_new<Tuple>(type, items->items);
}

Value list_len(const CallArgs& a) { return make_int(static_cast<int64_t>(self_list(a, "__len__")->items.size())); }
Value tuple_len(const CallArgs& a) { return make_int(static_cast<int64_t>(self_tuple(a, "__len__")->items.size())); }
Value list_iter(const CallArgs& a) { return make_iterator(SeqIterator::Kind::List, self_list(a, "__iter__")); }
Value tuple_iter(const CallArgs& a) { return make_iterator(SeqIterator::Kind::Tuple, self_tuple(a, "__iter__")); }
Value list_reversed(const CallArgs& a) {
  return make_iterator(SeqIterator::Kind::ListReversed, self_list(a, "__reversed__"));
}
Value list_getitem(const CallArgs& a) {
  List* l = self_list(a, "__getitem__");
  return sequence_getitem(l, l->items, a[1], true);
}
Value tuple_getitem(const CallArgs& a) {
  Tuple* t = self_tuple(a, "__getitem__");
  return sequence_getitem(t, t->items, a[1], false);
}

Value list_setitem(const CallArgs& a) {
  List* l = self_list(a, "__setitem__");
  check_arg_count(a, "__setitem__", 3, 3);
  if (type_of(a[1]) == types().slice) {
    list_assign_slice(l, a[1].as<Slice>(), a[2]);
    return Value::none();
  }
  if (!has_index(a[1])) raise_type_error("list indices must be integers or slices, not " + type_name(a[1]));
  auto& items = l->items;
  items[normalize_index(a[1], static_cast<int64_t>(items.size()), "list assignment index")] = a[2];
  return Value::none();
}

Value list_delitem(const CallArgs& a) {
  List* l = self_list(a, "__delitem__");
  auto& items = l->items;
  if (type_of(a[1]) == types().slice) {
    SliceBounds b = slice_bounds(a[1].as<Slice>(), static_cast<int64_t>(items.size()));
    if (b.count == 0) return Value::none();
    std::vector<bool> drop(items.size(), false);
    for (int64_t i = 0; i < b.count; ++i) drop[b.at(i)] = true;
    std::vector<Value> kept;
    for (size_t i = 0; i < items.size(); ++i)
      if (!drop[i]) kept.push_back(items[i]);
    items.swap(kept);
    return Value::none();
  }
  if (!has_index(a[1])) raise_type_error("list indices must be integers or slices, not " + type_name(a[1]));
  items.erase(items.begin() + normalize_index(a[1], static_cast<int64_t>(items.size()), "list assignment index"));
  return Value::none();
}

Value seq_contains(const CallArgs& a) {
  for (Value v : items_of(a[0]))
    if (v.is(a[1]) || values_equal(v, a[1])) return Value::true_value();
  return Value::false_value();
}

Value list_add(const CallArgs& a) {
  List* l = self_list(a, "__add__");
  if (!isinstance(a[1], types().list))
    raise_type_error("can only concatenate list (not \"" + type_name(a[1]) + "\") to list");
  return new_list(concatenated(l->items, a[1].as<List>()->items));
}
Value list_iadd(const CallArgs& a) {
  List* l = self_list(a, "__iadd__");
  extend_list(l, a[1]);
  return l;
}
Value tuple_add(const CallArgs& a) {
  Tuple* t = self_tuple(a, "__add__");
  if (!isinstance(a[1], types().tuple))
    raise_type_error("can only concatenate tuple (not \"" + type_name(a[1]) + "\") to tuple");
  return new_tuple(concatenated(t->items, a[1].as<Tuple>()->items));
}
// Plain vectors are enough for these two: no Python code runs while they
// are filled (index_value may call __index__, but before).
std::vector<Value> repeat(std::span<const Value> items, Value count) {
  if (!has_index(count)) raise_type_error("can't multiply sequence by non-int of type '" + type_name(count) + "'");
  int64_t n = index_value(count);
  std::vector<Value> out;
  if (n <= 0 || items.empty()) return out;
  check_allocation_size(static_cast<double>(items.size()) * static_cast<double>(n) * sizeof(Value));
  out.reserve(items.size() * static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
  heap().note_allocation(out.size() * sizeof(Value));
  return out;
}
Value list_mul(const CallArgs& a) {
  if (!has_index(a[1])) return not_implemented();
  return new_list(repeat(self_list(a, "__mul__")->items, a[1]));
}
Value list_imul(const CallArgs& a) {
  List* l = self_list(a, "__imul__");
  l->items = repeat(l->items, a[1]);
  return l;
}
Value tuple_mul(const CallArgs& a) {
  if (!has_index(a[1])) return not_implemented();
  return new_tuple(repeat(self_tuple(a, "__mul__")->items, a[1]));
}

template <uint32_t Op>
Value list_compare(const CallArgs& a) {
  if (!isinstance(a[1], types().list)) return not_implemented();
  return sequence_compare(a[0].as<List>()->items, a[1].as<List>()->items, Op);
}
template <uint32_t Op>
Value tuple_compare(const CallArgs& a) {
  if (!isinstance(a[1], types().tuple)) return not_implemented();
  return sequence_compare(a[0].as<Tuple>()->items, a[1].as<Tuple>()->items, Op);
}

Value list_repr(const CallArgs& a) {
  List* l = self_list(a, "__repr__");
  return new_str(items_repr(l, l->items, "[", "]"));
}
Value tuple_repr(const CallArgs& a) {
  Tuple* t = self_tuple(a, "__repr__");
  if (t->items.size() == 1) return new_str(items_repr(t, t->items, "(", ",)"));
  return new_str(items_repr(t, t->items, "(", ")"));
}
Value tuple_hash(const CallArgs& a) {
  Tuple* t = self_tuple(a, "__hash__");
  if (t->hash == -1) t->hash = tuple_hash_of(t->items);
  return make_int(t->hash);
}

Value list_append(const CallArgs& a) {
  check_arg_count(a, "append", 2, 2);
  self_list(a, "append")->items.push_back(a[1]);
  return Value::none();
}
Value list_extend(const CallArgs& a) {
  check_arg_count(a, "extend", 2, 2);
  List* l = self_list(a, "extend");
  extend_list(l, a[1]);
  return Value::none();
}
Value list_insert(const CallArgs& a) {
  check_arg_count(a, "insert", 3, 3);
  List* l = self_list(a, "insert");
  int64_t n = static_cast<int64_t>(l->items.size());
  int64_t i = index_value(a[1]);
  if (i < 0) i = std::max<int64_t>(0, i + n);
  if (i > n) i = n;
  l->items.insert(l->items.begin() + i, a[2]);
  return Value::none();
}
Value list_pop(const CallArgs& a) {
  check_arg_count(a, "pop", 1, 2);
  List* l = self_list(a, "pop");
  if (l->items.empty()) raise_index_error("pop from empty list");
  int64_t n = static_cast<int64_t>(l->items.size());
  int64_t i = a.count == 2 ? index_value(a[1]) : n - 1;
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise_index_error("pop index out of range");
  Value v = l->items[i];
  l->items.erase(l->items.begin() + i);
  return v;
}
Value list_remove(const CallArgs& a) {
  check_arg_count(a, "remove", 2, 2);
  List* l = self_list(a, "remove");
  for (size_t i = 0; i < l->items.size(); ++i) {
    if (l->items[i].is(a[1]) || values_equal(l->items[i], a[1])) {
      l->items.erase(l->items.begin() + static_cast<int64_t>(i));
      return Value::none();
    }
  }
  raise_value_error("list.remove(x): x not in list");
}
Value seq_index(const CallArgs& a) {
  check_arg_count(a, "index", 2, 4);
  const auto& items = items_of(a[0]);
  int64_t n = static_cast<int64_t>(items.size());
  SearchRange r = search_range(a, 2, n, false);
  for (int64_t i = r.start; i < r.stop && i < static_cast<int64_t>(items.size()); ++i)
    if (items[i].is(a[1]) || values_equal(items[i], a[1])) return make_int(i);
  if (isinstance(a[0], types().list)) raise_value_error(repr_string(a[1]) + " is not in list");
  raise_value_error("tuple.index(x): x not in tuple");
}
Value seq_count(const CallArgs& a) {
  check_arg_count(a, "count", 2, 2);
  int64_t c = 0;
  for (Value v : items_of(a[0]))
    if (v.is(a[1]) || values_equal(v, a[1])) ++c;
  return make_int(c);
}
Value list_reverse(const CallArgs& a) {
  List* l = self_list(a, "reverse");
  std::reverse(l->items.begin(), l->items.end());
  return Value::none();
}
Value list_clear(const CallArgs& a) {
  self_list(a, "clear")->items.clear();
  return Value::none();
}
Value list_copy(const CallArgs& a) { return new_list(self_list(a, "copy")->items); }

Value list_sort(const CallArgs& a) {
  ArgParser p(a, "sort", {"key", "reverse"}, 0, true, 0);
  List* l = self_list(a, "sort");
  Value key = p.get(0, Value::none());
  bool reverse = is_truthy(p.get(1, Value::false_value()));
  // As in CPython, the list is empty while it sorts: key functions and
  // comparisons that look at it see [], and a change they make is reported
  // once the sorted items are back. Meanwhile the items (and their keys)
  // live only here, in ValueVectors the collector sees.
  ValueVector items(l->items.begin(), l->items.end());
  l->items.clear();
  auto put_back = [&](const ValueVector& result) {
    bool modified = !l->items.empty();
    l->items.assign(result.begin(), result.end());
    return modified;
  };
  try {
    if (key.is_none()) {
      sort_by_keys(items, std::span<const Value>(items.data(), items.size()), reverse);
    } else {
      ValueVector keys;
      keys.reserve(items.size());
      for (Value v : items) keys.push_back(call_object(key, CallArgs{&v, 1}));
      sort_by_keys(items, std::span<const Value>(keys.data(), keys.size()), reverse);
    }
  } catch (...) {
    put_back(items);
    throw;
  }
  const ValueVector& sorted = items;
  if (put_back(sorted)) raise_value_error("list modified during sort");
  return Value::none();
}

}  // namespace

void install_list_methods() {
  Type* l = types().list;
  l->construct = list_construct;
  add_method(l, "__init__", list_init);
  add_method(l, "__len__", list_len);
  add_method(l, "__iter__", list_iter);
  add_method(l, "__reversed__", list_reversed);
  add_method(l, "__getitem__", list_getitem);
  add_method(l, "__setitem__", list_setitem);
  add_method(l, "__delitem__", list_delitem);
  add_method(l, "__contains__", seq_contains);
  add_method(l, "__add__", list_add);
  add_method(l, "__iadd__", list_iadd);
  add_method(l, "__mul__", list_mul);
  add_method(l, "__rmul__", list_mul);
  add_method(l, "__imul__", list_imul);
  add_method(l, "__repr__", list_repr);
  add_method(l, "__lt__", list_compare<kLt>);
  add_method(l, "__le__", list_compare<kLe>);
  add_method(l, "__eq__", list_compare<kEq>);
  add_method(l, "__ne__", list_compare<kNe>);
  add_method(l, "__gt__", list_compare<kGt>);
  add_method(l, "__ge__", list_compare<kGe>);
  add_method(l, "append", list_append);
  add_method(l, "extend", list_extend);
  add_method(l, "insert", list_insert);
  add_method(l, "pop", list_pop);
  add_method(l, "remove", list_remove);
  add_method(l, "index", seq_index);
  add_method(l, "count", seq_count);
  add_method(l, "reverse", list_reverse);
  add_method(l, "clear", list_clear);
  add_method(l, "copy", list_copy);
  add_method(l, "sort", list_sort);
  l->instances_have_dict = false;

  Type* t = types().tuple;
  t->construct = tuple_construct;
  add_method(t, "__len__", tuple_len);
  add_method(t, "__iter__", tuple_iter);
  add_method(t, "__getitem__", tuple_getitem);
  add_method(t, "__contains__", seq_contains);
  add_method(t, "__add__", tuple_add);
  add_method(t, "__mul__", tuple_mul);
  add_method(t, "__rmul__", tuple_mul);
  add_method(t, "__repr__", tuple_repr);
  add_method(t, "__hash__", tuple_hash);
  add_method(t, "__lt__", tuple_compare<kLt>);
  add_method(t, "__le__", tuple_compare<kLe>);
  add_method(t, "__eq__", tuple_compare<kEq>);
  add_method(t, "__ne__", tuple_compare<kNe>);
  add_method(t, "__gt__", tuple_compare<kGt>);
  add_method(t, "__ge__", tuple_compare<kGe>);
  add_method(t, "index", seq_index);
  add_method(t, "count", seq_count);
}

}  // namespace gilvm
