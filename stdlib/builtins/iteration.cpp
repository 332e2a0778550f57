// Iteration built-ins: enumerate, zip, map, filter, reversed (types, as in
// CPython), iter (and its callable_iterator), next, sorted, min, max, sum,
// any, all.
#include <span>
#include <vector>

#include "stdlib/builtins/common.hpp"
#include "stdlib/native_iterator.hpp"
#include "vm/builtins/sort.hpp"
#include "vm/heap/heap.hpp"
#include "vm/opcodes.hpp"

namespace gilvm::builtins_impl {
namespace {

Type* enumerate_type;
Type* zip_type;
Type* map_type;
Type* filter_type;
Type* reversed_type;
Type* callable_iterator_type;

// ---------------------------------------------------------------- enumerate

struct EnumerateObject : Object {
  Value iterator;
  Value count;  // the next index (any int)
  explicit EnumerateObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    t.visit(iterator);
    t.visit(count);
  }
};

Value enumerate_construct(Type* type, const CallArgs& a) {
  const size_t nkw = kw_count(a);
  if (a.count + nkw > 2)
    raise_type_error("enumerate() takes at most 2 arguments (" + std::to_string(a.count + nkw) + " given)");
  Value iterable = a.count > 0 ? a[0] : Value::null();
  Value start = a.count > 1 ? a[1] : Value::null();
  for (size_t k = 0; k < nkw; ++k) {
    if (kw_is(a, k, "iterable") && iterable.is_null()) {
      iterable = a.kw_value(k);
    } else if (kw_is(a, k, "start") && start.is_null()) {
      start = a.kw_value(k);
    } else {
      raise_invalid_keyword(kw_name(a, k), "enumerate");
    }
  }
  if (iterable.is_null()) raise_type_error("enumerate() missing required argument 'iterable'");
  Value it = get_iter(iterable);
  Value count = start.is_null() ? Value::small_int(0) : to_int_index(start);
  auto* e = gc_new<EnumerateObject>(type);
  e->iterator = it;
  e->count = count;
  return Value(e);
}

// The iterators below step through a function that returns null when
// exhausted (Type::iter_step); their __next__ is native_iterator::next_method, which
// raises StopIteration then.
int enumerate_pair(Object* self, Value* index, Value* item) {
  auto* e = static_cast<EnumerateObject*>(self);
  *item = iter_next(e->iterator);
  if (item->is_null()) return 0;
  *index = e->count;
  if (index->is_small_int() && index->small_int_value() < Value::kSmallIntMax) {
    e->count = Value::small_int(index->small_int_value() + 1);
  } else {
    e->count = binary_op(*index, Value::small_int(1), kAdd);
  }
  return 1;
}
Value enumerate_step(Object* self) {
  Value index, item;
  if (enumerate_pair(self, &index, &item) == 0) return Value::null();
  return Value(new_tuple({index, item}));
}

// ---------------------------------------------------------------- zip

struct ZipObject : Object {
  std::vector<Value> iterators;
  bool strict = false;
  bool done = false;
  explicit ZipObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override { t.visit_all(iterators); }
};

Value zip_construct(Type* type, const CallArgs& a) {
  const size_t nkw = kw_count(a);
  bool strict = false;
  if (nkw > 1) raise_type_error("zip() takes at most 1 keyword argument (" + std::to_string(nkw) + " given)");
  if (nkw == 1) {
    if (!kw_is(a, 0, "strict")) raise_invalid_keyword(kw_name(a, 0), "zip");
    strict = is_truthy(a.kw_value(0));
  }
  ValueVector iterators;
  iterators.reserve(a.count);
  for (size_t i = 0; i < a.count; ++i) iterators.push_back(get_iter(a[i]));
  auto* z = gc_new<ZipObject>(type);
  z->iterators = std::move(iterators);
  z->strict = strict;
  return Value(z);
}

std::string zip_range(size_t i) {  // "argument 1" or "arguments 1-3"
  return i == 1 ? "argument 1" : "arguments 1-" + std::to_string(i);
}

// The next items of every iterator into `items`; false when one is
// exhausted (after the strict checks).
bool zip_items(ZipObject* z, Value* items) {
  const size_t n = z->iterators.size();
  if (n == 0 || z->done) return false;
  for (size_t i = 0; i < n; ++i) {
    Value item = iter_next(z->iterators[i]);
    if (item.is_null()) {
      z->done = true;
      if (z->strict) {
        if (i > 0)
          raise_value_error("zip() argument " + std::to_string(i + 1) + " is shorter than " + zip_range(i));
        for (size_t j = 1; j < n; ++j) {
          if (!iter_next(z->iterators[j]).is_null())
            raise_value_error("zip() argument " + std::to_string(j + 1) + " is longer than " + zip_range(j));
        }
      }
      return false;
    }
    items[i] = item;
  }
  return true;
}
Value zip_step(Object* self) {
  auto* z = static_cast<ZipObject*>(self);
  // Nothing else holds the items while later iterators run Python code, so
  // they wait on the C++ stack (which the collector scans), or in a rooted
  // vector when there are many.
  const size_t n = z->iterators.size();
  Value few[8];
  ValueVector many;
  Value* items = few;
  if (n > 8) {
    many.resize(n);
    items = many.data();
  }
  if (!zip_items(z, items)) return Value::null();
  return Value(new_tuple(std::vector<Value>(items, items + n)));
}
int zip_pair(Object* self, Value* first, Value* second) {
  auto* z = static_cast<ZipObject*>(self);
  if (z->iterators.size() != 2) return -1;
  Value items[2];  // on the C++ stack: seen by the conservative scan
  if (!zip_items(z, items)) return 0;
  *first = items[0];
  *second = items[1];
  return 1;
}

// ---------------------------------------------------------------- map

struct MapObject : Object {
  Value function;
  std::vector<Value> iterators;
  explicit MapObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    t.visit(function);
    t.visit_all(iterators);
  }
};

Value map_construct(Type* type, const CallArgs& a) {
  if (kw_count(a) != 0) raise_no_keywords("map");
  if (a.count < 2) raise_type_error("map() must have at least two arguments.");
  ValueVector iterators;
  for (size_t i = 1; i < a.count; ++i) iterators.push_back(get_iter(a[i]));
  auto* m = gc_new<MapObject>(type);
  m->function = a[0];
  m->iterators = std::move(iterators);
  return Value(m);
}

Value map_step(Object* self) {
  auto* m = static_cast<MapObject*>(self);
  const size_t n = m->iterators.size();
  ValueVector args;
  args.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    Value item = iter_next(m->iterators[i]);
    if (item.is_null()) return Value::null();
    args.push_back(item);
  }
  return call_object(m->function, CallArgs{args.data(), args.size()});
}

// ---------------------------------------------------------------- filter

struct FilterObject : Object {
  Value function;  // None or bool: keep truthy items
  Value iterator;
  explicit FilterObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    t.visit(function);
    t.visit(iterator);
  }
};

Value filter_construct(Type* type, const CallArgs& a) {
  check_positional(a, "filter", 2, 2);
  Value it = get_iter(a[1]);
  auto* f = gc_new<FilterObject>(type);
  f->function = a[0];
  f->iterator = it;
  return Value(f);
}

Value filter_step(Object* self) {
  auto* f = static_cast<FilterObject*>(self);
  const bool plain = f->function.is_none() || f->function == Value(types().bool_);
  for (;;) {
    Value item = iter_next(f->iterator);
    if (item.is_null()) return Value::null();
    bool keep = plain ? is_truthy(item) : is_truthy(call(f->function, {item}));
    if (keep) return item;
  }
}

// ---------------------------------------------------------------- reversed

struct ReversedObject : Object {
  Value sequence;     // null once exhausted
  int64_t index = -1; // the next index to fetch
  explicit ReversedObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override { t.visit(sequence); }
};

Value reversed_construct(Type* type, const CallArgs& a) {
  check_positional(a, "reversed", 1, 1);
  Value seq = a[0];
  Value method = lookup_special(seq, "__reversed__");
  if (!method.is_null()) {
    if (method.is_none()) raise_type_error("'" + type_name(seq) + "' object is not reversible");
    return call(bind_descriptor(method, seq, type_of(seq)), {});
  }
  Type* t = type_of(seq);
  if (t == types().range) {
    const auto* r = seq.as<Range>();
    int64_t last = r->start + (r->length - 1) * r->step;
    return get_iter(Value(gc_new<Range>(types().range, last, r->start - r->step, -r->step)));
  }
  bool sequence_like = t == types().list || t == types().tuple || t == types().str;
  if (!sequence_like) {
    sequence_like = !isinstance(seq, types().dict) && !lookup_special(seq, "__getitem__").is_null() &&
                    !lookup_special(seq, "__len__").is_null();
  }
  if (!sequence_like) raise_type_error("'" + type_name(seq) + "' object is not reversible");
  int64_t n = length(seq);
  auto* r = gc_new<ReversedObject>(type);
  r->sequence = seq;
  r->index = n - 1;
  return Value(r);
}

Value reversed_step(Object* self) {
  auto* r = static_cast<ReversedObject*>(self);
  if (r->sequence.is_null() || r->index < 0) {
    r->sequence = Value::null();
    return Value::null();
  }
  int64_t i = r->index--;
  Value seq = r->sequence;
  if (type_of(seq) == types().list) {
    auto* list = seq.as<List>();
    if (static_cast<size_t>(i) < list->items.size()) return list->items[i];
    r->sequence = Value::null();
    return Value::null();
  }
  if (type_of(seq) == types().tuple) return seq.as<Tuple>()->items[i];
  try {
    return get_item(seq, make_int(i));
  } catch (PyException&) {
    if (exception_matches(exc().IndexError) || exception_matches(exc().StopIteration)) {
      take_current_exception();
      r->sequence = Value::null();
      return Value::null();
    }
    throw;
  }
}

Value reversed_length_hint(const CallArgs& a) {
  auto* r = self_as<ReversedObject>(a, reversed_type, "__length_hint__");
  if (r->sequence.is_null() || r->index < 0) return Value::small_int(0);
  return make_int(r->index + 1);
}

// ---------------------------------------------------------------- iter, next

struct CallableIterator : Object {
  Value callable;  // null once exhausted
  Value sentinel;
  explicit CallableIterator(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    t.visit(callable);
    t.visit(sentinel);
  }
};

Value callable_iterator_step(Object* self) {
  auto* c = static_cast<CallableIterator*>(self);
  if (c->callable.is_null()) return end_silently();
  Value result;
  try {
    result = call(c->callable, {});
  } catch (PyException&) {
    // The callable's StopIteration ends the iteration for good, as in CPython.
    if (!exception_matches(exc().StopIteration)) throw;
    take_current_exception();
    c->callable = Value::null();
    return end_silently();
  }
  if (result.is(c->sentinel) || values_equal(result, c->sentinel)) {
    c->callable = Value::null();
    return end_silently();
  }
  return result;
}

Value builtin_iter(const CallArgs& a) {
  check_positional(a, "iter", 1, 2);
  if (a.count == 1) return get_iter(a[0]);
  if (!is_callable(a[0])) raise_type_error("iter(v, w): v must be callable");
  auto* c = gc_new<CallableIterator>(callable_iterator_type);
  c->callable = a[0];
  c->sentinel = a[1];
  return Value(c);
}

Value builtin_next(const CallArgs& a) {
  check_positional(a, "next", 1, 2);
  Value it = a[0];
  if (lookup_special(it, "__next__").is_null())
    raise_type_error("'" + type_name(it) + "' object is not an iterator");
  // Call __next__ directly so that its StopIteration (with a generator's
  // return value) propagates unchanged when there is no default.
  if (a.count == 1) return call_method(it, "__next__", {});
  Value item = iter_next(it);
  if (!item.is_null()) return item;
  return a[1];
}

// ---------------------------------------------------------------- sorted

Value builtin_sorted(const CallArgs& a) {
  if (a.count != 1) raise_type_error("sorted expected 1 argument, got " + std::to_string(a.count));
  Value key = Value::none();
  bool reverse = false;
  for (size_t k = 0; k < kw_count(a); ++k) {
    if (kw_is(a, k, "key")) {
      key = a.kw_value(k);
    } else if (kw_is(a, k, "reverse")) {
      Value r = to_int_index(a.kw_value(k));
      reverse = !(r.is_small_int() && r.small_int_value() == 0);
    } else {
      raise_invalid_keyword(kw_name(a, k), "sort");
    }
  }
  ValueVector items = collect_iterable(a[0]);
  if (key.is_none()) {
    sort_by_keys(items, std::span<const Value>(items.data(), items.size()), reverse);
  } else {
    ValueVector keys;
    keys.reserve(items.size());
    for (Value item : items) keys.push_back(call(key, {item}));
    sort_by_keys(items, std::span<const Value>(keys.data(), keys.size()), reverse);
  }
  return Value(new_list(std::move(items)));
}

// ---------------------------------------------------------------- min, max

Value min_max(const CallArgs& a, bool is_max) {
  const char* fname = is_max ? "max" : "min";
  if (a.count == 0) raise_type_error(std::string(fname) + " expected at least 1 argument, got 0");
  const size_t nkw = kw_count(a);
  if (nkw > 2) raise_type_error(std::string(fname) + "() takes at most 2 keyword arguments (" + std::to_string(nkw) + " given)");
  Value key = Value::none();
  Value fallback = Value::null();
  for (size_t k = 0; k < nkw; ++k) {
    if (kw_is(a, k, "key")) key = a.kw_value(k);
    else if (kw_is(a, k, "default")) fallback = a.kw_value(k);
    else raise_invalid_keyword(kw_name(a, k), fname);
  }
  if (a.count > 1 && !fallback.is_null())
    raise_type_error(std::string("Cannot specify a default for ") + fname + "() with multiple positional arguments");
  const uint32_t op = is_max ? kGt : kLt;
  Value best = Value::null(), best_key = Value::null();
  auto consider = [&](Value item) {
    Value item_key = key.is_none() ? item : call(key, {item});
    if (best.is_null()) {
      best = item;
      best_key = item_key;
    } else if (compare_bool(item_key, best_key, op)) {
      best = item;
      best_key = item_key;
    }
  };
  if (a.count == 1) {
    Value it = get_iter(a[0]);
    for (Value item = iter_next(it); !item.is_null(); item = iter_next(it)) consider(item);
  } else {
    for (size_t i = 0; i < a.count; ++i) consider(a[i]);
  }
  if (best.is_null()) {
    if (!fallback.is_null()) return fallback;
    raise_value_error(std::string(fname) + "() arg is an empty sequence");
  }
  return best;
}

Value builtin_max(const CallArgs& a) { return min_max(a, true); }
Value builtin_min(const CallArgs& a) { return min_max(a, false); }

// ---------------------------------------------------------------- sum, any, all

Value builtin_sum(const CallArgs& a) {
  Value args[2];
  parse_args(a, "sum", {"iterable", "start"}, 1, args, 1);
  Value total = args[1].is_null() ? Value::small_int(0) : args[1];
  if (is_str(total)) raise_type_error("sum() can't sum strings [use ''.join(seq) instead]");
  if (isinstance(total, types().bytes)) raise_type_error("sum() can't sum bytes [use b''.join(seq) instead]");
  if (isinstance(total, types().bytearray))
    raise_type_error("sum() can't sum bytearray [use b''.join(seq) instead]");
  Value it = get_iter(args[0]);
  for (Value item = iter_next(it); !item.is_null(); item = iter_next(it)) {
    if (total.is_small_int() && item.is_small_int()) {
      int64_t r;
      if (!__builtin_add_overflow(total.small_int_value(), item.small_int_value(), &r) && Value::fits_small_int(r)) {
        total = Value::small_int(r);
        continue;
      }
    } else if (type_of(total) == types().float_ && type_of(item) == types().float_) {
      total = make_float(float_value(total) + float_value(item));
      continue;
    }
    total = binary_op(total, item, kAdd);
  }
  return total;
}

Value builtin_any(const CallArgs& a) {
  check_one_arg(a, "any");
  Value it = get_iter(a[0]);
  for (Value item = iter_next(it); !item.is_null(); item = iter_next(it))
    if (is_truthy(item)) return Value::true_value();
  return Value::false_value();
}

Value builtin_all(const CallArgs& a) {
  check_one_arg(a, "all");
  Value it = get_iter(a[0]);
  for (Value item = iter_next(it); !item.is_null(); item = iter_next(it))
    if (!is_truthy(item)) return Value::false_value();
  return Value::true_value();
}

// A built-in iterator type, bound in builtins (unless null); __next__ is
// the shared one of stdlib/native_iterator.hpp.
template <class T, Type** type, Value (*step)(Object*)>
Type* iterator_type(Dict* builtins, const char* name, ConstructFn construct) {
  Type* t = new_builtin_type(name, types().object, construct);
  add_method(t, "__iter__", iter_self);
  add_method(t, "__next__", native_iterator::next_method<T, type, step>);
  t->iter_step = step;
  if (builtins != nullptr) dict_set(builtins, name, Value(t));
  return t;
}

}  // namespace

void install_iteration_functions(Dict* builtins) {
  enumerate_type =
      iterator_type<EnumerateObject, &enumerate_type, enumerate_step>(builtins, "enumerate", enumerate_construct);
  enumerate_type->pair_step = enumerate_pair;
  zip_type = iterator_type<ZipObject, &zip_type, zip_step>(builtins, "zip", zip_construct);
  zip_type->pair_step = zip_pair;
  map_type = iterator_type<MapObject, &map_type, map_step>(builtins, "map", map_construct);
  filter_type = iterator_type<FilterObject, &filter_type, filter_step>(builtins, "filter", filter_construct);
  reversed_type = iterator_type<ReversedObject, &reversed_type, reversed_step>(builtins, "reversed", reversed_construct);
  add_method(reversed_type, "__length_hint__", reversed_length_hint);
  callable_iterator_type = iterator_type<CallableIterator, &callable_iterator_type, callable_iterator_step>(
      nullptr, "callable_iterator", native_iterator::no_construct);
  add_function(builtins, "iter", builtin_iter);
  add_function(builtins, "next", builtin_next);
  add_function(builtins, "sorted", builtin_sorted);
  add_function(builtins, "max", builtin_max);
  add_function(builtins, "min", builtin_min);
  add_function(builtins, "sum", builtin_sum);
  add_function(builtins, "any", builtin_any);
  add_function(builtins, "all", builtin_all);
}

}  // namespace gilvm::builtins_impl
