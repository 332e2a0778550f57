// The itertools that transform or filter other iterators one item at a
// time: accumulate, chain (and chain.from_iterable), compress, dropwhile,
// takewhile, filterfalse, islice, pairwise, starmap and zip_longest.
#include "stdlib/itertools/itertools.hpp"

namespace gilvm::itertools_impl {

namespace {

Type* accumulate_type = nullptr;
Type* chain_type = nullptr;
Type* compress_type = nullptr;
Type* dropwhile_type = nullptr;
Type* takewhile_type = nullptr;
Type* filterfalse_type = nullptr;
Type* islice_type = nullptr;
Type* pairwise_type = nullptr;
Type* starmap_type = nullptr;
Type* zip_longest_type = nullptr;

// An iterator over one source with an optional function: the shape of
// dropwhile, takewhile, filterfalse and starmap.
struct FunctionIterator : Object {
  Value function;
  Value iterator;  // null once exhausted (or, for takewhile, stopped)
  bool flag = false;  // dropwhile: done dropping
  explicit FunctionIterator(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    t.visit(function);
    t.visit(iterator);
  }
};

Value function_iterator(Type* type, const CallArgs& a, const char* name) {
  check_positional(a, name, 2, 2);
  Value it = get_iter(a[1]);
  auto* f = gc_new<FunctionIterator>(type);
  f->function = a[0];
  f->iterator = it;
  return f;
}

// ---------------------------------------------------------------- accumulate

struct AccumulateObject : Object {
  Value iterator;
  Value function;  // None: `+`
  Value total;     // null before the first item
  Value initial;   // null once produced (or when not given)
  explicit AccumulateObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    t.visit(iterator);
    t.visit(function);
    t.visit(total);
    t.visit(initial);
  }
};

Value accumulate_construct(Type* type, const CallArgs& a) {
  Value args[3];
  parse_args(a, "accumulate", {"iterable", "func", "initial"}, 1, args, 0, 2);
  Value it = get_iter(args[0]);
  auto* acc = gc_new<AccumulateObject>(type);
  acc->iterator = it;
  acc->function = args[1].is_null() ? Value::none() : args[1];
  acc->initial = args[2].is_null() || args[2].is_none() ? Value::null() : args[2];
  return acc;
}

Value accumulate_step(Object* self) {
  auto* acc = static_cast<AccumulateObject*>(self);
  if (!acc->initial.is_null()) {
    acc->total = acc->initial;
    acc->initial = Value::null();
    return acc->total;
  }
  Value item = iter_next(acc->iterator);
  if (item.is_null()) return Value::null();
  if (acc->total.is_null()) {
    acc->total = item;
  } else {
    Value total = acc->total;
    int64_t sum;
    // Running sums of small ints add in place, as count() does.
    if (acc->function.is_none() && total.is_small_int() && item.is_small_int() &&
        !__builtin_add_overflow(total.small_int_value(), item.small_int_value(), &sum) && Value::fits_small_int(sum)) {
      acc->total = Value::small_int(sum);
    } else {
      acc->total = acc->function.is_none() ? binary_op(total, item, kAdd) : call(acc->function, {total, item});
    }
  }
  return acc->total;
}

// ---------------------------------------------------------------- chain

struct ChainObject : Object {
  Value sources;  // an iterator over the iterables; null once exhausted
  Value current;  // the iterator of the iterable being read, or null
  explicit ChainObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    t.visit(sources);
    t.visit(current);
  }
};

Value chain_construct(Type* type, const CallArgs& a) {
  if (kw_count(a) != 0) raise_no_keywords("chain");
  Value sources = get_iter(new_tuple(std::vector<Value>(a.args, a.args + a.count)));
  auto* c = gc_new<ChainObject>(type);
  c->sources = sources;
  return c;
}

Value chain_from_iterable(const CallArgs& a) {
  // a[0] is the class (a class method).
  if (kw_count(a) != 0) raise_no_keywords("chain.from_iterable");
  if (a.count != 2)
    raise_type_error("chain.from_iterable() takes exactly one argument (" + std::to_string(a.count - 1) + " given)");
  Value sources = get_iter(a[1]);
  auto* c = gc_new<ChainObject>(a[0].as<Type>());
  c->sources = sources;
  return c;
}

Value chain_step(Object* self) {
  auto* c = static_cast<ChainObject*>(self);
  for (;;) {
    if (!c->current.is_null()) {
      Value item = iter_next(c->current);
      if (!item.is_null()) return item;
      c->current = Value::null();
    }
    if (c->sources.is_null()) return Value::null();
    Value iterable = iter_next(c->sources);
    if (iterable.is_null()) {
      c->sources = Value::null();
      return Value::null();
    }
    c->current = get_iter(iterable);
  }
}

// ---------------------------------------------------------------- compress

struct CompressObject : Object {
  Value data;
  Value selectors;
  explicit CompressObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    t.visit(data);
    t.visit(selectors);
  }
};

Value compress_construct(Type* type, const CallArgs& a) {
  Value args[2];
  parse_args(a, "compress", {"data", "selectors"}, 2, args);
  Value data = get_iter(args[0]);
  Value selectors = get_iter(args[1]);
  auto* c = gc_new<CompressObject>(type);
  c->data = data;
  c->selectors = selectors;
  return c;
}

Value compress_step(Object* self) {
  auto* c = static_cast<CompressObject*>(self);
  for (;;) {
    Value item = iter_next(c->data);
    if (item.is_null()) return Value::null();
    Value selector = iter_next(c->selectors);
    if (selector.is_null()) return Value::null();
    if (is_truthy(selector)) return item;
  }
}

// ---------------------------------------------------------------- dropwhile, takewhile, filterfalse, starmap

Value dropwhile_construct(Type* type, const CallArgs& a) { return function_iterator(type, a, "dropwhile"); }
Value takewhile_construct(Type* type, const CallArgs& a) { return function_iterator(type, a, "takewhile"); }
Value filterfalse_construct(Type* type, const CallArgs& a) { return function_iterator(type, a, "filterfalse"); }
Value starmap_construct(Type* type, const CallArgs& a) { return function_iterator(type, a, "starmap"); }

Value dropwhile_step(Object* self) {
  auto* f = static_cast<FunctionIterator*>(self);
  for (;;) {
    Value item = iter_next(f->iterator);
    if (item.is_null()) return Value::null();
    if (f->flag) return item;
    if (!is_truthy(call(f->function, {item}))) {
      f->flag = true;
      return item;
    }
  }
}

Value takewhile_step(Object* self) {
  auto* f = static_cast<FunctionIterator*>(self);
  if (f->flag) return Value::null();
  Value item = iter_next(f->iterator);
  if (item.is_null()) return Value::null();
  if (is_truthy(call(f->function, {item}))) return item;
  f->flag = true;  // stopped for good, even if the source goes on
  return Value::null();
}

Value filterfalse_step(Object* self) {
  auto* f = static_cast<FunctionIterator*>(self);
  const bool plain = f->function.is_none() || f->function == Value(types().bool_);
  for (;;) {
    Value item = iter_next(f->iterator);
    if (item.is_null()) return Value::null();
    bool truth = plain ? is_truthy(item) : is_truthy(call(f->function, {item}));
    if (!truth) return item;
  }
}

Value starmap_step(Object* self) {
  auto* f = static_cast<FunctionIterator*>(self);
  Value args = iter_next(f->iterator);
  if (args.is_null()) return Value::null();
  if (type_of(args) != types().tuple) args = tuple_of_iterable(args);
  const std::vector<Value>& items = args.as<Tuple>()->items;
  return call_object(f->function, CallArgs{items.data(), items.size()});
}

// ---------------------------------------------------------------- islice

struct IsliceObject : Object {
  Value iterator;     // null once exhausted
  int64_t next = 0;   // index of the next item to produce
  int64_t stop = -1;  // -1: no stop
  int64_t step = 1;
  int64_t count = 0;  // items consumed from the source
  explicit IsliceObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override { t.visit(iterator); }
};

// An islice bound: None, or an int 0 <= x <= sys.maxsize; -1 when absent
// or None; -2 when invalid (the caller raises its own ValueError).
int64_t islice_bound(Value v) {
  if (v.is_none()) return -1;
  if (!has_index(v)) return -2;
  int64_t n = index_value_clamped(v);
  return n < 0 ? -2 : n;
}

Value islice_construct(Type* type, const CallArgs& a) {
  if (kw_count(a) != 0) raise_no_keywords("islice");
  check_positional(a, "islice", 2, 4);
  int64_t start = 0, stop = -1, step = 1;
  static const char* const kStopError =
      "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  static const char* const kIndexError =
      "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  if (a.count == 2) {
    stop = islice_bound(a[1]);
    if (stop == -2) raise_value_error(kStopError);
  } else {
    start = islice_bound(a[1]);
    stop = islice_bound(a[2]);
    if (start == -2 || stop == -2) raise_value_error(kIndexError);
    if (start == -1) start = 0;
    if (a.count == 4 && !a[3].is_none()) {
      step = has_index(a[3]) ? index_value_clamped(a[3]) : -1;
      if (step < 1) raise_value_error("Step for islice() must be a positive integer or None.");
    }
  }
  Value it = get_iter(a[0]);
  auto* s = gc_new<IsliceObject>(type);
  s->iterator = it;
  s->next = start;
  s->stop = stop;
  s->step = step;
  return s;
}

Value islice_step(Object* self) {
  auto* s = static_cast<IsliceObject*>(self);
  if (s->iterator.is_null()) return Value::null();
  // Skip up to the wanted index, then take one item.
  while (s->count < s->next) {
    if (iter_next(s->iterator).is_null()) {
      s->iterator = Value::null();
      return Value::null();
    }
    ++s->count;
  }
  if (s->stop != -1 && s->count >= s->stop) {
    s->iterator = Value::null();
    return Value::null();
  }
  Value item = iter_next(s->iterator);
  if (item.is_null()) {
    s->iterator = Value::null();
    return Value::null();
  }
  ++s->count;
  int64_t next;
  if (__builtin_add_overflow(s->next, s->step, &next) || (s->stop != -1 && next > s->stop)) next = s->stop;
  s->next = next;
  return item;
}

// ---------------------------------------------------------------- pairwise

struct PairwiseObject : Object {
  Value iterator;  // null once exhausted
  Value previous;  // null before the first item
  explicit PairwiseObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    t.visit(iterator);
    t.visit(previous);
  }
};

Value pairwise_construct(Type* type, const CallArgs& a) {
  check_positional(a, "pairwise", 1, 1);
  Value it = get_iter(a[0]);
  auto* p = gc_new<PairwiseObject>(type);
  p->iterator = it;
  return p;
}

int pairwise_pair(Object* self, Value* first, Value* second) {
  auto* p = static_cast<PairwiseObject*>(self);
  if (p->iterator.is_null()) return 0;
  if (p->previous.is_null()) {
    Value item = iter_next(p->iterator);
    if (item.is_null()) {
      p->iterator = Value::null();
      return 0;
    }
    p->previous = item;
  }
  Value item = iter_next(p->iterator);
  if (item.is_null()) {
    p->iterator = Value::null();
    p->previous = Value::null();
    return 0;
  }
  *first = p->previous;
  *second = item;
  p->previous = item;
  return 1;
}

Value pairwise_step(Object* self) {
  Value first, second;
  if (pairwise_pair(self, &first, &second) == 0) return Value::null();
  return new_tuple({first, second});
}

// ---------------------------------------------------------------- zip_longest

struct ZipLongestObject : Object {
  std::vector<Value> iterators;  // null entries are exhausted
  size_t active = 0;
  Value fill;
  explicit ZipLongestObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    t.visit_all(iterators);
    t.visit(fill);
  }
};

Value zip_longest_construct(Type* type, const CallArgs& a) {
  Value fill = Value::none();
  const size_t nkw = kw_count(a);
  if (nkw > 0) {
    if (nkw > 1 || !builtins_impl::kw_is(a, 0, "fillvalue"))
      raise_type_error("zip_longest() got an unexpected keyword argument");
    fill = a.kw_value(0);
  }
  ValueVector iterators;
  iterators.reserve(a.count);
  for (size_t i = 0; i < a.count; ++i) iterators.push_back(get_iter(a[i]));
  auto* z = gc_new<ZipLongestObject>(type);
  z->iterators.assign(iterators.begin(), iterators.end());
  z->active = iterators.size();
  z->fill = fill;
  return z;
}

Value zip_longest_step(Object* self) {
  auto* z = static_cast<ZipLongestObject*>(self);
  const size_t n = z->iterators.size();
  if (n == 0 || z->active == 0) return end_silently();
  ValueVector items;
  items.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    Value it = z->iterators[i];
    Value item = it.is_null() ? Value::null() : iter_next(it);
    if (item.is_null()) {
      if (!it.is_null()) {
        z->iterators[i] = Value::null();
        if (--z->active == 0) return end_silently();
      }
      item = z->fill;
    }
    items.push_back(item);
  }
  return new_tuple(items);
}

}  // namespace

void install_filtering(Module* m) {
  using native_iterator::define;
  if (accumulate_type == nullptr) {
    define<AccumulateObject, &accumulate_type, accumulate_step>("accumulate", "itertools", accumulate_construct);
    define<ChainObject, &chain_type, chain_step>("chain", "itertools", chain_construct);
    add_class_method(chain_type, "from_iterable", chain_from_iterable);
    define<CompressObject, &compress_type, compress_step>("compress", "itertools", compress_construct);
    define<FunctionIterator, &dropwhile_type, dropwhile_step>("dropwhile", "itertools", dropwhile_construct);
    define<FunctionIterator, &takewhile_type, takewhile_step>("takewhile", "itertools", takewhile_construct);
    define<FunctionIterator, &filterfalse_type, filterfalse_step>("filterfalse", "itertools", filterfalse_construct);
    define<FunctionIterator, &starmap_type, starmap_step>("starmap", "itertools", starmap_construct);
    define<IsliceObject, &islice_type, islice_step>("islice", "itertools", islice_construct);
    define<PairwiseObject, &pairwise_type, pairwise_step>("pairwise", "itertools", pairwise_construct);
    pairwise_type->pair_step = pairwise_pair;
    define<ZipLongestObject, &zip_longest_type, zip_longest_step>("zip_longest", "itertools", zip_longest_construct);
  }
  for (Type* t : {accumulate_type, chain_type, compress_type, dropwhile_type, takewhile_type, filterfalse_type,
                  starmap_type, islice_type, pairwise_type, zip_longest_type})
    add_type(m, t);
}

}  // namespace gilvm::itertools_impl
