// itertools.count, cycle and repeat: the iterators that may never end.
#include "stdlib/itertools/itertools.hpp"

namespace gilvm::itertools_impl {

namespace {

Type* count_type = nullptr;
Type* cycle_type = nullptr;
Type* repeat_type = nullptr;

// ---------------------------------------------------------------- count

struct CountObject : Object {
  Value next;  // the value the next step returns
  Value step;
  explicit CountObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    t.visit(next);
    t.visit(step);
  }
};

// count() takes any number (CPython's PyNumber_Check): ints, floats,
// complex numbers, and objects that convert to one.
bool is_number(Value v) {
  if (v.is_small_int() || v.is_inline_float() || v.is_bool()) return true;
  Type* t = type_of(v);
  if (t == types().int_ || t == types().float_ || t->is_subtype_of(types().int_) || t->is_subtype_of(types().float_))
    return true;
  for (const char* name : {"__index__", "__int__", "__float__", "__complex__"})
    if (!builtins_impl::lookup_special(v, name).is_null()) return true;
  return false;
}

Value count_construct(Type* type, const CallArgs& a) {
  Value args[2];
  parse_args(a, "count", {"start", "step"}, 0, args);
  Value start = args[0].is_null() ? Value::small_int(0) : args[0];
  Value step = args[1].is_null() ? Value::small_int(1) : args[1];
  if (!is_number(start) || !is_number(step)) raise_type_error("a number is required");
  auto* c = gc_new<CountObject>(type);
  c->next = start;
  c->step = step;
  return c;
}

Value count_step(Object* self) {
  auto* c = static_cast<CountObject*>(self);
  Value current = c->next;
  int64_t sum;
  // Small ints add in place; anything else (floats, big ints, user
  // numbers) through the VM's `+`.
  if (current.is_small_int() && c->step.is_small_int() &&
      !__builtin_add_overflow(current.small_int_value(), c->step.small_int_value(), &sum) &&
      Value::fits_small_int(sum)) {
    c->next = Value::small_int(sum);
  } else {
    c->next = binary_op(current, c->step, kAdd);
  }
  return current;
}

Value count_repr(const CallArgs& a) {
  auto* c = builtins_impl::self_as<CountObject>(a, count_type, "__repr__");
  std::string out = std::string(type_of(a[0])->name) + "(" + repr_string(c->next);
  // The step is left out when it is the int 1, as in CPython.
  bool unit_step = type_of(c->step) == types().int_ && c->step.is_small_int() && c->step.small_int_value() == 1;
  if (!unit_step) out += ", " + repr_string(c->step);
  return new_str(out + ")");
}

// ---------------------------------------------------------------- cycle

struct CycleObject : Object {
  Value iterator;             // null once exhausted: then replay `saved`
  std::vector<Value> saved;
  size_t index = 0;
  explicit CycleObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override {
    t.visit(iterator);
    t.visit_all(saved);
  }
};

Value cycle_construct(Type* type, const CallArgs& a) {
  check_positional(a, "cycle", 1, 1);
  Value it = get_iter(a[0]);
  auto* c = gc_new<CycleObject>(type);
  c->iterator = it;
  return c;
}

Value cycle_step(Object* self) {
  auto* c = static_cast<CycleObject*>(self);
  if (!c->iterator.is_null()) {
    Value item = iter_next(c->iterator);
    if (!item.is_null()) {
      c->saved.push_back(item);
      return item;
    }
    c->iterator = Value::null();
  }
  if (c->saved.empty()) return end_silently();
  if (c->index >= c->saved.size()) c->index = 0;
  return c->saved[c->index++];
}

// ---------------------------------------------------------------- repeat

struct RepeatObject : Object {
  Value element;
  int64_t remaining = -1;  // -1: forever
  explicit RepeatObject(Type* t) : Object(t) {}
  void trace(Tracer& t) override { t.visit(element); }
};

Value repeat_construct(Type* type, const CallArgs& a) {
  Value args[2];
  parse_args(a, "repeat", {"object", "times"}, 1, args);
  int64_t times = -1;
  if (!args[1].is_null()) {
    times = index_value(args[1]);
    if (times < 0) times = 0;  // a negative count repeats nothing
  }
  auto* r = gc_new<RepeatObject>(type);
  r->element = args[0];
  r->remaining = times;
  return r;
}

Value repeat_step(Object* self) {
  auto* r = static_cast<RepeatObject*>(self);
  if (r->remaining == 0) return Value::null();
  if (r->remaining > 0) --r->remaining;
  return r->element;
}

Value repeat_repr(const CallArgs& a) {
  auto* r = builtins_impl::self_as<RepeatObject>(a, repeat_type, "__repr__");
  std::string out = std::string(type_of(a[0])->name) + "(" + repr_string(r->element);
  if (r->remaining >= 0) out += ", " + std::to_string(r->remaining);
  return new_str(out + ")");
}

Value repeat_length_hint(const CallArgs& a) {
  auto* r = builtins_impl::self_as<RepeatObject>(a, repeat_type, "__length_hint__");
  if (r->remaining < 0) raise_type_error("len() of unsized object");
  return make_int(r->remaining);
}

}  // namespace

void install_infinite(Module* m) {
  if (count_type == nullptr) {
    native_iterator::define<CountObject, &count_type, count_step>("count", "itertools", count_construct);
    add_method(count_type, "__repr__", count_repr);
    native_iterator::define<CycleObject, &cycle_type, cycle_step>("cycle", "itertools", cycle_construct);
    native_iterator::define<RepeatObject, &repeat_type, repeat_step>("repeat", "itertools", repeat_construct);
    add_method(repeat_type, "__repr__", repeat_repr);
    add_method(repeat_type, "__length_hint__", repeat_length_hint);
  }
  add_type(m, count_type);
  add_type(m, cycle_type);
  add_type(m, repeat_type);
}

}  // namespace gilvm::itertools_impl
