// itertools.groupby (with its _grouper sub-iterators) and itertools.tee
// (with its _tee iterators): the iterators that share one source between
// several consumers.
#include "stdlib/itertools/itertools.hpp"

namespace gilvm::itertools_impl {

namespace {

Type* groupby_type = nullptr;
Type* grouper_type = nullptr;
Type* tee_type = nullptr;
Type* tee_data_type = nullptr;

// ---------------------------------------------------------------- groupby

struct GrouperObject;

// The state is CPython's: the current item and its key (both null when
// the item was handed out), the key of the current group, and the one
// _grouper allowed to read from the source (older groupers end early).
struct GroupbyObject : Object {
  Value iterator;
  Value key_function;  // None: the items are their own keys
  Value target_key;    // key of the current group, null before the first
  Value current_key;
  Value current_value;
  GrouperObject* current_grouper = nullptr;
  explicit GroupbyObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override;
};

struct GrouperObject : Object {
  GroupbyObject* parent;
  Value target_key;
  GrouperObject(Type* t, GroupbyObject* p, Value key) : Object(t), parent(p), target_key(key) {}
  void trace(Tracer& t) override {
    t.visit(parent);
    t.visit(target_key);
  }
};

void GroupbyObject::trace(Tracer& t) {
  t.visit(iterator);
  t.visit(key_function);
  t.visit(target_key);
  t.visit(current_key);
  t.visit(current_value);
  t.visit(current_grouper);
}

Value groupby_construct(Type* type, const CallArgs& a) {
  Value args[2];
  parse_args(a, "groupby", {"iterable", "key"}, 1, args);
  Value it = get_iter(args[0]);
  auto* g = gc_new<GroupbyObject>(type);
  g->iterator = it;
  g->key_function = args[1].is_null() ? Value::none() : args[1];
  return g;
}

// Reads the next item and its key; false at the end of the source.
bool groupby_advance(GroupbyObject* g) {
  Value item = iter_next(g->iterator);
  if (item.is_null()) return false;
  Value key = g->key_function.is_none() ? item : call(g->key_function, {item});
  g->current_value = item;
  g->current_key = key;
  return true;
}

Value groupby_step(Object* self) {
  auto* g = static_cast<GroupbyObject*>(self);
  g->current_grouper = nullptr;
  // Skip what is left of the current group.
  for (;;) {
    if (!g->current_key.is_null()) {
      if (g->target_key.is_null()) break;
      if (!values_equal(g->target_key, g->current_key)) break;
    }
    if (!groupby_advance(g)) return end_silently();
  }
  g->target_key = g->current_key;
  auto* grouper = gc_new<GrouperObject>(grouper_type, g, g->target_key);
  g->current_grouper = grouper;
  return new_tuple({g->current_key, Value(grouper)});
}

Value grouper_step(Object* self) {
  auto* gr = static_cast<GrouperObject*>(self);
  GroupbyObject* g = gr->parent;
  if (g->current_grouper != gr) return end_silently();
  if (g->current_value.is_null() && !groupby_advance(g)) return end_silently();
  if (!values_equal(gr->target_key, g->current_key)) return end_silently();
  Value item = g->current_value;
  g->current_value = Value::null();
  g->current_key = Value::null();
  return item;
}

// ---------------------------------------------------------------- tee

// The items read from the source, in a linked list of fixed-size chunks
// shared by every _tee of one tee() call. A _tee holds the chunk it reads
// from, so chunks that every _tee has passed are garbage.
constexpr size_t kTeeChunk = 57;

struct TeeData : Object {
  Value iterator;  // the shared source
  std::vector<Value> items;  // up to kTeeChunk
  TeeData* next = nullptr;
  bool running = false;  // reading from the source (guards re-entry)
  TeeData(Type* t, Value it) : Object(t), iterator(it) { items.reserve(kTeeChunk); }
  void trace(Tracer& t) override {
    t.visit(iterator);
    t.visit_all(items);
    t.visit(next);
  }
};

struct TeeObject : Object {
  TeeData* data;
  size_t index = 0;
  TeeObject(Type* t, TeeData* d) : Object(t), data(d) {}
  void trace(Tracer& t) override { t.visit(data); }
};

TeeObject* tee_from_iterator(Type* type, Value iterator) {
  auto* data = gc_new<TeeData>(tee_data_type, iterator);
  return gc_new<TeeObject>(type, data);
}

TeeObject* tee_copy_of(TeeObject* t) {
  auto* copy = gc_new<TeeObject>(tee_type, t->data);
  copy->index = t->index;
  return copy;
}

Value tee_step(Object* self) {
  auto* t = static_cast<TeeObject*>(self);
  if (t->index == kTeeChunk) {
    if (t->data->next == nullptr) t->data->next = gc_new<TeeData>(tee_data_type, t->data->iterator);
    t->data = t->data->next;
    t->index = 0;
  }
  TeeData* data = t->data;
  if (t->index < data->items.size()) return data->items[t->index++];
  if (data->running) raise_runtime_error("cannot re-enter the tee iterator");
  data->running = true;
  Value item;
  try {
    item = iter_next(data->iterator);
  } catch (...) {
    data->running = false;
    throw;
  }
  data->running = false;
  if (item.is_null()) return end_silently();
  data->items.push_back(item);
  ++t->index;
  return item;
}

Value tee_construct(Type* type, const CallArgs& a) {
  check_positional(a, "_tee", 1, 1);
  Value it = get_iter(a[0]);
  if (type_of(it) == tee_type) return tee_copy_of(it.as<TeeObject>());
  return tee_from_iterator(type, it);
}

Value tee_copy(const CallArgs& a) {
  return tee_copy_of(builtins_impl::self_as<TeeObject>(a, tee_type, "__copy__"));
}

// tee(iterable, n=2): n iterators over one source. A source that can copy
// itself (a _tee, or anything with __copy__) is copied rather than wrapped.
Value itertools_tee(const CallArgs& a) {
  check_positional(a, "tee", 1, 2);
  int64_t n = a.count > 1 ? index_value(a[1]) : 2;
  if (n < 0) raise_value_error("n must be >= 0");
  ValueVector result;
  if (n == 0) return new_tuple(result);
  Value it = get_iter(a[0]);
  Value copy_method = builtins_impl::lookup_special(it, "__copy__");
  if (copy_method.is_null()) {
    it = tee_from_iterator(tee_type, it);
  }
  result.push_back(it);
  for (int64_t i = 1; i < n; ++i) {
    Value previous = result.back();
    result.push_back(type_of(previous) == tee_type ? Value(tee_copy_of(previous.as<TeeObject>()))
                                                   : call_method(previous, "__copy__", {}));
  }
  return new_tuple(result);
}

}  // namespace

void install_grouping(Module* m) {
  using native_iterator::define;
  if (groupby_type == nullptr) {
    define<GroupbyObject, &groupby_type, groupby_step>("groupby", "itertools", groupby_construct);
    define<GrouperObject, &grouper_type, grouper_step>("_grouper", "itertools", native_iterator::no_construct);
    define<TeeObject, &tee_type, tee_step>("_tee", "itertools", tee_construct);
    add_method(tee_type, "__copy__", tee_copy);
    tee_data_type = new_builtin_type("_tee_dataobject", types().object, native_iterator::no_construct);
    add_type_attr(tee_data_type, "__module__", intern("itertools"));
    tee_data_type->allows_subclassing = false;
    tee_type->allows_subclassing = false;
    grouper_type->allows_subclassing = false;
  }
  add_type(m, groupby_type);
  add_type(m, grouper_type);
  add_type(m, tee_type);
  add_type(m, tee_data_type);
  add_function(m, "tee", itertools_tee);
}

}  // namespace gilvm::itertools_impl
