// The combinatoric iterators: product, permutations, combinations and
// combinations_with_replacement. Each keeps its pool as a vector of
// Values and its position as machine indices, and builds one tuple per
// step (lazily, so next() on an astronomically long product is cheap).
#include "stdlib/itertools/itertools.hpp"

namespace gilvm::itertools_impl {

namespace {

Type* product_type = nullptr;
Type* permutations_type = nullptr;
Type* combinations_type = nullptr;
Type* cwr_type = nullptr;

// State shared by all four: the pools (product has several, the others
// one), the indices, and whether the first result has been produced.
struct CombinatoricObject : Object {
  std::vector<Value> pool;      // every pool's items, concatenated
  std::vector<size_t> starts;   // product: where each pool begins in `pool`, plus the end
  std::vector<size_t> indices;
  std::vector<size_t> cycles;   // permutations
  size_t r = 0;
  bool started = false;
  bool done = false;
  explicit CombinatoricObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override { t.visit_all(pool); }
};

Value tuple_of_indices(const CombinatoricObject* c, size_t offset_pool_starts) {
  std::vector<Value> items;
  items.reserve(c->indices.size());
  for (size_t i = 0; i < c->indices.size(); ++i) {
    size_t base = offset_pool_starts ? c->starts[i] : 0;
    items.push_back(c->pool[base + c->indices[i]]);
  }
  return new_tuple(std::move(items));
}

// ---------------------------------------------------------------- product

Value product_construct(Type* type, const CallArgs& a) {
  int64_t repeat = 1;
  const size_t nkw = kw_count(a);
  for (size_t k = 0; k < nkw; ++k) {
    if (!builtins_impl::kw_is(a, k, "repeat")) builtins_impl::raise_invalid_keyword(builtins_impl::kw_name(a, k), "product");
    repeat = index_value(a.kw_value(k));
    if (repeat < 0) raise_value_error("repeat argument cannot be negative");
  }
  // Every pool is read in full first, as CPython does, into a rooted buffer.
  ValueVector items;
  std::vector<size_t> sizes;
  for (size_t i = 0; i < a.count; ++i) {
    ValueVector pool = collect_iterable(a[i]);
    sizes.push_back(pool.size());
    items.insert(items.end(), pool.begin(), pool.end());
  }
  if (repeat > 0 && a.count > 0 && static_cast<uint64_t>(repeat) > (1ull << 40) / a.count)
    raise_overflow_error("repeat argument too large");
  auto* p = gc_new<CombinatoricObject>(type);
  for (int64_t r = 0; r < repeat; ++r) {
    size_t offset = 0;
    for (size_t size : sizes) {
      p->starts.push_back(p->pool.size() + offset);
      offset += size;
    }
    // The pools repeat: the same items, one copy per repetition.
    p->pool.insert(p->pool.end(), items.begin(), items.end());
  }
  p->starts.push_back(p->pool.size());
  p->indices.assign(p->starts.size() - 1, 0);
  for (size_t i = 0; i + 1 < p->starts.size(); ++i)
    if (p->starts[i] == p->starts[i + 1]) p->done = true;  // an empty pool: no products
  return p;
}

Value product_step(Object* self) {
  auto* p = static_cast<CombinatoricObject*>(self);
  if (p->done) return Value::null();
  if (!p->started) {
    p->started = true;
    return tuple_of_indices(p, 1);
  }
  // An odometer: advance the rightmost index that can move, reset those after it.
  size_t n = p->indices.size();
  size_t i = n;
  while (i > 0) {
    --i;
    size_t size = p->starts[i + 1] - p->starts[i];
    if (++p->indices[i] < size) return tuple_of_indices(p, 1);
    p->indices[i] = 0;
  }
  p->done = true;
  return Value::null();
}

// ---------------------------------------------------------------- permutations

Value permutations_construct(Type* type, const CallArgs& a) {
  Value args[2];
  parse_args(a, "permutations", {"iterable", "r"}, 1, args);
  ValueVector pool = collect_iterable(args[0]);
  int64_t r = static_cast<int64_t>(pool.size());
  if (!args[1].is_null() && !args[1].is_none()) {
    if (!isinstance(args[1], types().int_)) raise_type_error("Expected int as r");
    r = index_value(args[1]);
    if (r < 0) raise_value_error("r must be non-negative");
  }
  auto* p = gc_new<CombinatoricObject>(type);
  p->pool.assign(pool.begin(), pool.end());
  size_t n = pool.size();
  p->r = static_cast<size_t>(r);
  if (p->r > n) {
    p->done = true;
    return p;
  }
  for (size_t i = 0; i < n; ++i) p->indices.push_back(i);
  for (size_t i = 0; i < p->r; ++i) p->cycles.push_back(n - i);
  return p;
}

Value permutations_result(CombinatoricObject* p) {
  std::vector<Value> items;
  items.reserve(p->r);
  for (size_t i = 0; i < p->r; ++i) items.push_back(p->pool[p->indices[i]]);
  return new_tuple(std::move(items));
}

Value permutations_step(Object* self) {
  auto* p = static_cast<CombinatoricObject*>(self);
  if (p->done) return Value::null();
  if (!p->started) {
    p->started = true;
    return permutations_result(p);
  }
  const size_t n = p->pool.size();
  if (n == 0) {
    p->done = true;
    return Value::null();
  }
  // Lexicographic order by position, as CPython's documented algorithm:
  // each cycle counts down how many choices remain at its position.
  for (size_t i = p->r; i-- > 0;) {
    if (--p->cycles[i] == 0) {
      // Rotate indices[i:] left by one and restart this position's count.
      size_t first = p->indices[i];
      for (size_t j = i; j + 1 < n; ++j) p->indices[j] = p->indices[j + 1];
      p->indices[n - 1] = first;
      p->cycles[i] = n - i;
    } else {
      std::swap(p->indices[i], p->indices[n - p->cycles[i]]);
      return permutations_result(p);
    }
  }
  p->done = true;
  return Value::null();
}

// ---------------------------------------------------------------- combinations

CombinatoricObject* combinations_setup(Type* type, const CallArgs& a, const char* name) {
  Value args[2];
  parse_args(a, name, {"iterable", "r"}, 2, args);
  ValueVector pool = collect_iterable(args[0]);
  int64_t r = index_value(args[1]);
  if (r < 0) raise_value_error("r must be non-negative");
  auto* c = gc_new<CombinatoricObject>(type);
  c->pool.assign(pool.begin(), pool.end());
  c->r = static_cast<size_t>(r);
  return c;
}

Value combinations_construct(Type* type, const CallArgs& a) {
  CombinatoricObject* c = combinations_setup(type, a, "combinations");
  if (c->r > c->pool.size()) {
    c->done = true;
  } else {
    for (size_t i = 0; i < c->r; ++i) c->indices.push_back(i);
  }
  return c;
}

Value combinations_step(Object* self) {
  auto* c = static_cast<CombinatoricObject*>(self);
  if (c->done) return Value::null();
  if (!c->started) {
    c->started = true;
    return tuple_of_indices(c, 0);
  }
  const size_t n = c->pool.size(), r = c->r;
  // The rightmost index not yet at its highest value moves up by one; the
  // ones after it follow consecutively.
  size_t i = r;
  while (i > 0 && c->indices[i - 1] == i - 1 + n - r) --i;
  if (i == 0) {
    c->done = true;
    return Value::null();
  }
  --i;
  ++c->indices[i];
  for (size_t j = i + 1; j < r; ++j) c->indices[j] = c->indices[j - 1] + 1;
  return tuple_of_indices(c, 0);
}

// ---------------------------------------------------------------- combinations_with_replacement

Value cwr_construct(Type* type, const CallArgs& a) {
  CombinatoricObject* c = combinations_setup(type, a, "combinations_with_replacement");
  if (c->pool.empty() && c->r > 0) {
    c->done = true;
  } else {
    c->indices.assign(c->r, 0);
  }
  return c;
}

Value cwr_step(Object* self) {
  auto* c = static_cast<CombinatoricObject*>(self);
  if (c->done) return Value::null();
  if (!c->started) {
    c->started = true;
    return tuple_of_indices(c, 0);
  }
  const size_t n = c->pool.size(), r = c->r;
  size_t i = r;
  while (i > 0 && c->indices[i - 1] == n - 1) --i;
  if (i == 0) {
    c->done = true;
    return Value::null();
  }
  --i;
  size_t value = c->indices[i] + 1;
  for (size_t j = i; j < r; ++j) c->indices[j] = value;
  return tuple_of_indices(c, 0);
}

}  // namespace

void install_combinatorics(Module* m) {
  using native_iterator::define;
  if (product_type == nullptr) {
    define<CombinatoricObject, &product_type, product_step>("product", "itertools", product_construct);
    define<CombinatoricObject, &permutations_type, permutations_step>("permutations", "itertools",
                                                                      permutations_construct);
    define<CombinatoricObject, &combinations_type, combinations_step>("combinations", "itertools",
                                                                      combinations_construct);
    define<CombinatoricObject, &cwr_type, cwr_step>("combinations_with_replacement", "itertools", cwr_construct);
  }
  add_type(m, product_type);
  add_type(m, permutations_type);
  add_type(m, combinations_type);
  add_type(m, cwr_type);
}

}  // namespace gilvm::itertools_impl
