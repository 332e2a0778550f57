// collections.deque: the ring buffer (see deque.hpp) and the type's
// methods, with CPython 3.11's behaviour, reprs and error messages.
//
// Methods that compare items (count, index, remove, __contains__, ==)
// run Python code between reads, which may mutate the deque: they read
// it by position again after every comparison and check `state`, as
// CPython does, never holding a reference into the ring across a call.
#include "stdlib/collections/deque.hpp"

#include "stdlib/builtins/common.hpp"
#include "stdlib/native_iterator.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/builtins/container_ops.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/opcodes.hpp"
#include "vm/objects/module.hpp"

namespace gilvm::deque_impl {

Type* deque_type = nullptr;

// ---------------------------------------------------------------- the ring buffer

void Deque::trace(Tracer& t) {
  for (size_t i = 0; i < size; ++i) t.visit(at(i));
}

void Deque::grow() {
  std::vector<Value> bigger(ring.empty() ? 8 : ring.size() * 2);
  for (size_t i = 0; i < size; ++i) bigger[i] = at(i);
  ring.swap(bigger);
  head = 0;
}

void Deque::push_back(Value v) {
  if (size == ring.size()) grow();
  at(size) = v;
  ++size;
  ++state;
}

void Deque::push_front(Value v) {
  if (size == ring.size()) grow();
  head = (head - 1) & mask();
  ring[head] = v;
  ++size;
  ++state;
}

Value Deque::pop_back() {
  Value& slot = at(size - 1);
  Value v = slot;
  slot = Value::null();
  --size;
  ++state;
  return v;
}

Value Deque::pop_front() {
  Value v = ring[head];
  ring[head] = Value::null();
  head = (head + 1) & mask();
  --size;
  ++state;
  return v;
}

void Deque::clear() {
  std::vector<Value>().swap(ring);
  head = 0;
  size = 0;
  ++state;
}

void Deque::append(Value v) {
  if (maxlen == 0) return;
  if (maxlen > 0 && size >= static_cast<size_t>(maxlen)) pop_front();
  push_back(v);
}

void Deque::append_left(Value v) {
  if (maxlen == 0) return;
  if (maxlen > 0 && size >= static_cast<size_t>(maxlen)) pop_back();
  push_front(v);
}

void Deque::rotate(int64_t n) {
  ++state;
  if (size <= 1) return;
  const auto len = static_cast<int64_t>(size);
  n %= len;
  if (n < 0) n += len;
  if (n == 0) return;
  if (size == ring.size()) {
    // A full ring rotates by moving its head.
    head = (head + ring.size() - static_cast<size_t>(n)) & mask();
    return;
  }
  // Otherwise move the shorter stretch from one end to the other.
  if (n <= len / 2) {
    for (int64_t i = 0; i < n; ++i) {
      Value v = at(size - 1);
      at(size - 1) = Value::null();
      head = (head - 1) & mask();
      ring[head] = v;
    }
  } else {
    for (int64_t i = 0; i < len - n; ++i) {
      Value v = ring[head];
      ring[head] = Value::null();
      head = (head + 1) & mask();
      at(size - 1) = v;
    }
  }
}

void Deque::insert_at(size_t i, Value v) {
  push_back(v);
  for (size_t j = size - 1; j > i; --j) std::swap(at(j), at(j - 1));
}

void Deque::erase_at(size_t i) {
  for (size_t j = i; j + 1 < size; ++j) at(j) = at(j + 1);
  pop_back();
}

bool is_deque(Value v) { return isinstance(v, deque_type); }
Deque* as_deque(Value v) { return v.as<Deque>(); }

namespace {

using builtins_impl::kw_count;

Deque* self_deque(const CallArgs& a, const char* method) {
  return builtins_impl::self_as<Deque>(a, deque_type, method);
}

// Arguments after self: "deque.f() takes exactly one argument (2 given)" etc.
void check_method_args(const CallArgs& a, const char* name, size_t min, size_t max) {
  std::string qualified = std::string("deque.") + name;
  if (kw_count(a) != 0) raise_type_error(qualified + "() takes no keyword arguments");
  size_t n = a.count - 1;
  if (n >= min && n <= max) return;
  if (min == max && min == 1)
    raise_type_error(qualified + "() takes exactly one argument (" + std::to_string(n) + " given)");
  if (min == max && min == 0)
    raise_type_error(qualified + "() takes no arguments (" + std::to_string(n) + " given)");
  builtins_impl::check_positional(CallArgs{a.args + 1, n, nullptr}, name, min, max);
}

bool same_or_equal(Value x, Value y) { return x.is(y) || values_equal(x, y); }

// ---------------------------------------------------------------- construction

// The items as a new list (held by the caller's local while Python runs).
List* snapshot(const Deque* d) {
  std::vector<Value> items(d->size);
  for (size_t i = 0; i < d->size; ++i) items[i] = d->at(i);
  return new_list(std::move(items));
}


void extend_deque(Deque* d, Value iterable, bool left);

void initialize(Deque* d, Value iterable, Value maxlen) {
  int64_t limit = -1;
  if (!maxlen.is_null() && !maxlen.is_none()) {
    if (!isinstance(maxlen, types().int_)) raise_type_error("an integer is required");
    limit = index_value(maxlen);
    if (limit < 0) raise_value_error("maxlen must be non-negative");
  }
  d->maxlen = limit;
  if (d->size > 0) d->clear();
  if (!iterable.is_null()) extend_deque(d, iterable, false);
}

Value deque_construct(Type* type, const CallArgs& a) {
  auto* d = gc_new<Deque>(type);
  // A subclass's Python __init__ receives the arguments (and may call
  // deque.__init__ itself), as with list.
  if (init_takes_arguments(type, deque_type)) return d;
  Value args[2];
  builtins_impl::parse_args(a, "deque", {"iterable", "maxlen"}, 0, args);
  initialize(d, args[0], args[1]);
  return d;
}

Value deque_init(const CallArgs& a) {
  Deque* d = self_deque(a, "__init__");
  Value args[2];
  builtins_impl::parse_args(CallArgs{a.args + 1, a.count - 1, a.kwnames}, "deque", {"iterable", "maxlen"}, 0, args);
  initialize(d, args[0], args[1]);
  return Value::none();
}

// ---------------------------------------------------------------- ends

void extend_deque(Deque* d, Value iterable, bool left) {
  // d.extend(d) reads a snapshot, as CPython does.
  if (iterable.is(Value(d))) iterable = snapshot(d);
  Value it = get_iter(iterable);
  if (d->maxlen == 0) {
    // Nothing is kept, but the iterable is still consumed.
    while (!iter_next(it).is_null()) {
    }
    return;
  }
  for (Value item = iter_next(it); !item.is_null(); item = iter_next(it)) {
    if (left) d->append_left(item);
    else d->append(item);
  }
}

Value deque_append(const CallArgs& a) {
  Deque* d = self_deque(a, "append");
  check_method_args(a, "append", 1, 1);
  d->append(a[1]);
  return Value::none();
}

Value deque_appendleft(const CallArgs& a) {
  Deque* d = self_deque(a, "appendleft");
  check_method_args(a, "appendleft", 1, 1);
  d->append_left(a[1]);
  return Value::none();
}

Value deque_pop(const CallArgs& a) {
  Deque* d = self_deque(a, "pop");
  check_method_args(a, "pop", 0, 0);
  if (d->size == 0) raise_index_error("pop from an empty deque");
  return d->pop_back();
}

Value deque_popleft(const CallArgs& a) {
  Deque* d = self_deque(a, "popleft");
  check_method_args(a, "popleft", 0, 0);
  if (d->size == 0) raise_index_error("pop from an empty deque");
  return d->pop_front();
}

Value deque_extend(const CallArgs& a) {
  Deque* d = self_deque(a, "extend");
  check_method_args(a, "extend", 1, 1);
  extend_deque(d, a[1], false);
  return Value::none();
}

Value deque_extendleft(const CallArgs& a) {
  Deque* d = self_deque(a, "extendleft");
  check_method_args(a, "extendleft", 1, 1);
  extend_deque(d, a[1], true);
  return Value::none();
}

Value deque_clear(const CallArgs& a) {
  Deque* d = self_deque(a, "clear");
  check_method_args(a, "clear", 0, 0);
  d->clear();
  return Value::none();
}

Value deque_rotate(const CallArgs& a) {
  Deque* d = self_deque(a, "rotate");
  check_method_args(a, "rotate", 0, 1);
  int64_t n = a.count > 1 ? index_value(a[1]) : 1;
  d->rotate(n);
  return Value::none();
}

Value deque_reverse(const CallArgs& a) {
  Deque* d = self_deque(a, "reverse");
  check_method_args(a, "reverse", 0, 0);
  for (size_t i = 0, j = d->size; i + 1 < j; ++i, --j) std::swap(d->at(i), d->at(j - 1));
  return Value::none();
}

// ---------------------------------------------------------------- copies

// A copy of the same type: exact deques directly, subclasses through
// their constructor with (items, maxlen), as CPython.
Value copy_of(Deque* d) {
  if (type_of(d) == deque_type) {
    auto* copy = gc_new<Deque>(deque_type);
    copy->maxlen = d->maxlen;
    for (size_t i = 0; i < d->size; ++i) copy->push_back(d->at(i));
    return copy;
  }
  if (d->maxlen < 0) return call(Value(type_of(d)), {Value(d)});
  return call(Value(type_of(d)), {Value(d), make_int(d->maxlen)});
}

Value deque_copy(const CallArgs& a) {
  Deque* d = self_deque(a, "copy");
  check_method_args(a, "copy", 0, 0);
  return copy_of(d);
}

// The repetition `d *= n`: the items n times over, keeping only the
// newest maxlen of them.
void repeat_in_place(Deque* d, Value count) {
  if (!has_index(count))
    raise_type_error("can't multiply sequence by non-int of type '" + type_name(count) + "'");
  int64_t n = index_value_clamped(count);
  if (n <= 0 || d->size == 0) {
    d->clear();
    return;
  }
  if (n == 1) return;
  const size_t size = d->size;
  if (d->maxlen < 0 && static_cast<uint64_t>(n) > (uint64_t(1) << 40) / size) raise_error(exc().MemoryError, "");
  List* items = snapshot(d);
  int64_t total = static_cast<int64_t>(size) * (n - 1);
  if (d->maxlen >= 0 && total > d->maxlen) total = d->maxlen;  // more would be dropped anyway
  // Append the tail of the repetition: item k of the added run is items[k % size]
  // with the run aligned so that it ends on the last item.
  int64_t skip = static_cast<int64_t>(size) * (n - 1) - total;
  for (int64_t k = 0; k < total; ++k) d->append(items->items[static_cast<size_t>((skip + k) % size)]);
}

Value deque_mul(const CallArgs& a) {
  Deque* d = self_deque(a, "__mul__");
  Value copy = copy_of(d);
  repeat_in_place(as_deque(copy), a[1]);
  return copy;
}

Value deque_imul(const CallArgs& a) {
  Deque* d = self_deque(a, "__imul__");
  repeat_in_place(d, a[1]);
  return d;
}

Value deque_add(const CallArgs& a) {
  Deque* d = self_deque(a, "__add__");
  Value other = a[1];
  if (!is_deque(other))
    raise_type_error("can only concatenate deque (not \"" + type_name(other) + "\") to deque");
  Value copy = copy_of(d);
  extend_deque(as_deque(copy), other, false);
  return copy;
}

Value deque_iadd(const CallArgs& a) {
  Deque* d = self_deque(a, "__iadd__");
  extend_deque(d, a[1], false);
  return d;
}

// (type, (), state, iterator) or (type, ((), maxlen), state, iterator).
Value deque_reduce(const CallArgs& a) {
  Deque* d = self_deque(a, "__reduce__");
  Value state = d->attrs != nullptr ? Value(d->attrs) : Value::none();
  Value args = d->maxlen < 0 ? Value(empty_tuple()) : Value(new_tuple({Value(empty_tuple()), make_int(d->maxlen)}));
  Value it = new_deque_iterator(d, false);
  return new_tuple({Value(type_of(d)), args, state, it});
}

// ---------------------------------------------------------------- searching

// Scans for items equal to x from `start` to `stop`; calls `found` with
// each match's position until it returns false. RuntimeError (or
// `mutated_type`) if a comparison mutates the deque.
template <class F>
void scan(Deque* d, Value x, size_t start, size_t stop, Type* mutated_type, const char* mutated_message, F found) {
  const uint64_t state = d->state;
  for (size_t i = start; i < stop && i < d->size; ++i) {
    Value item = d->at(i);
    bool equal = same_or_equal(item, x);
    if (d->state != state) raise_error(mutated_type, mutated_message);
    if (equal && !found(i)) return;
  }
}

Value deque_count(const CallArgs& a) {
  Deque* d = self_deque(a, "count");
  check_method_args(a, "count", 1, 1);
  int64_t n = 0;
  scan(d, a[1], 0, d->size, exc().RuntimeError, "deque mutated during iteration", [&](size_t) {
    ++n;
    return true;
  });
  return make_int(n);
}

// start/stop as slice indexes: negative counts from the end, then clamped.
size_t slice_index(Value v, size_t size) {
  int64_t i = index_value_clamped(v);
  auto n = static_cast<int64_t>(size);
  if (i < 0) i = std::max<int64_t>(i + n, 0);
  return static_cast<size_t>(std::min(i, n));
}

Value deque_index(const CallArgs& a) {
  Deque* d = self_deque(a, "index");
  check_method_args(a, "index", 1, 3);
  size_t start = a.count > 2 ? slice_index(a[2], d->size) : 0;
  size_t stop = a.count > 3 ? slice_index(a[3], d->size) : d->size;
  int64_t result = -1;
  scan(d, a[1], start, stop, exc().RuntimeError, "deque mutated during iteration", [&](size_t i) {
    result = static_cast<int64_t>(i);
    return false;
  });
  if (result < 0) raise_value_error(repr_string(a[1]) + " is not in deque");
  return make_int(result);
}

Value deque_remove(const CallArgs& a) {
  Deque* d = self_deque(a, "remove");
  check_method_args(a, "remove", 1, 1);
  int64_t found = -1;
  scan(d, a[1], 0, d->size, exc().IndexError, "deque mutated during remove().", [&](size_t i) {
    found = static_cast<int64_t>(i);
    return false;
  });
  if (found < 0) raise_value_error(repr_string(a[1]) + " is not in deque");
  d->erase_at(static_cast<size_t>(found));
  return Value::none();
}

Value deque_contains(const CallArgs& a) {
  Deque* d = self_deque(a, "__contains__");
  bool found = false;
  scan(d, a[1], 0, d->size, exc().RuntimeError, "deque mutated during iteration", [&](size_t) {
    found = true;
    return false;
  });
  return Value::boolean(found);
}

Value deque_insert(const CallArgs& a) {
  Deque* d = self_deque(a, "insert");
  check_method_args(a, "insert", 2, 2);
  int64_t i = index_value_clamped(a[1]);
  if (d->maxlen >= 0 && d->size >= static_cast<size_t>(d->maxlen))
    raise_index_error("deque already at its maximum size");
  auto n = static_cast<int64_t>(d->size);
  if (i < 0) i = std::max<int64_t>(i + n, 0);
  if (i > n) i = n;
  d->insert_at(static_cast<size_t>(i), a[2]);
  return Value::none();
}

// ---------------------------------------------------------------- indexing

size_t item_index(Deque* d, Value key) {
  if (!has_index(key)) raise_type_error("sequence index must be integer, not '" + type_name(key) + "'");
  int64_t i = index_value(key);
  auto n = static_cast<int64_t>(d->size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise_index_error("deque index out of range");
  return static_cast<size_t>(i);
}

Value deque_getitem(const CallArgs& a) {
  Deque* d = self_deque(a, "__getitem__");
  return d->at(item_index(d, a[1]));
}

Value deque_setitem(const CallArgs& a) {
  Deque* d = self_deque(a, "__setitem__");
  d->at(item_index(d, a[1])) = a[2];
  return Value::none();
}

Value deque_delitem(const CallArgs& a) {
  Deque* d = self_deque(a, "__delitem__");
  d->erase_at(item_index(d, a[1]));
  return Value::none();
}

Value deque_len(const CallArgs& a) { return make_int(static_cast<int64_t>(self_deque(a, "__len__")->size)); }

Value deque_iter(const CallArgs& a) { return new_deque_iterator(self_deque(a, "__iter__"), false); }
Value deque_reversed(const CallArgs& a) { return new_deque_iterator(self_deque(a, "__reversed__"), true); }

Value deque_maxlen(Value self) {
  Deque* d = as_deque(self);
  return d->maxlen < 0 ? Value::none() : make_int(d->maxlen);
}

// ---------------------------------------------------------------- repr, comparison

Value deque_repr(const CallArgs& a) {
  Deque* d = self_deque(a, "__repr__");
  List* items = snapshot(d);
  // Inside its own repr the deque shows as [...], as in CPython. Probing
  // the guard with no items tells a recursive visit ("(...)") apart.
  if (items_repr(Value(d), {}, "(", ")") != "()") return new_str("[...]");
  std::string inner = items_repr(Value(d), items->items, "[", "]");
  std::string name = type_of(d)->name;
  if (d->maxlen < 0) return new_str(name + "(" + inner + ")");
  return new_str(name + "(" + inner + ", maxlen=" + std::to_string(d->maxlen) + ")");
}

template <uint32_t op>
Value deque_compare(const CallArgs& a) {
  Deque* d = self_deque(a, "__eq__");
  Value other = a[1];
  if (!is_deque(other)) return not_implemented();
  Deque* e = as_deque(other);
  if ((op == kEq || op == kNe) && d->size != e->size) return Value::boolean(op == kNe);
  List* left = snapshot(d);
  List* right = snapshot(e);
  return sequence_compare(left->items, right->items, op);
}

// deque[int]: a types.GenericAlias, made by the type that list[...] makes.
Value deque_class_getitem(const CallArgs& a) {
  if (a.count != 2) raise_type_error("deque.__class_getitem__() takes exactly one argument");
  Value sample = call_method(Value(types().list), "__class_getitem__", {Value(types().int_)});
  return call(Value(type_of(sample)), {a[0], a[1]});
}

}  // namespace

void install_deque(Module* m) {
  if (deque_type == nullptr) {
    Type* t = new_builtin_type("deque", types().object, deque_construct);
    deque_type = t;
    add_type_attr(t, "__module__", intern("collections"));
    add_type_attr(t, "__hash__", Value::none());
    add_method(t, "__init__", deque_init);
    add_method(t, "append", deque_append);
    add_method(t, "appendleft", deque_appendleft);
    add_method(t, "pop", deque_pop);
    add_method(t, "popleft", deque_popleft);
    add_method(t, "extend", deque_extend);
    add_method(t, "extendleft", deque_extendleft);
    add_method(t, "clear", deque_clear);
    add_method(t, "rotate", deque_rotate);
    add_method(t, "reverse", deque_reverse);
    add_method(t, "copy", deque_copy);
    add_method(t, "__copy__", deque_copy);
    add_method(t, "count", deque_count);
    add_method(t, "index", deque_index);
    add_method(t, "insert", deque_insert);
    add_method(t, "remove", deque_remove);
    add_method(t, "__contains__", deque_contains);
    add_method(t, "__getitem__", deque_getitem);
    add_method(t, "__setitem__", deque_setitem);
    add_method(t, "__delitem__", deque_delitem);
    add_method(t, "__len__", deque_len);
    add_method(t, "__iter__", deque_iter);
    add_method(t, "__reversed__", deque_reversed);
    add_method(t, "__repr__", deque_repr);
    add_method(t, "__add__", deque_add);
    add_method(t, "__iadd__", deque_iadd);
    add_method(t, "__mul__", deque_mul);
    add_method(t, "__rmul__", deque_mul);
    add_method(t, "__imul__", deque_imul);
    add_method(t, "__reduce__", deque_reduce);
    add_method(t, "__eq__", deque_compare<kEq>);
    add_method(t, "__ne__", deque_compare<kNe>);
    add_method(t, "__lt__", deque_compare<kLt>);
    add_method(t, "__le__", deque_compare<kLe>);
    add_method(t, "__gt__", deque_compare<kGt>);
    add_method(t, "__ge__", deque_compare<kGe>);
    add_getset(t, "maxlen", deque_maxlen);
    add_class_method(t, "__class_getitem__", deque_class_getitem);
    install_deque_iterators();
  }
  m->dict()->table.set(intern("deque"), deque_type);
}

}  // namespace gilvm::deque_impl
