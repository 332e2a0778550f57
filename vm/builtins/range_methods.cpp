// range, slice, and the built-in iterator type shared by the containers.
#include "vm/builtins/container_ops.hpp"
#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"

namespace gilvm {

Value sequence_iterator_next(const CallArgs& a);  // vm/iterators.cpp

namespace {

Value range_arg(Value v) {
  if (!has_index(v)) raise_type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
  return index_int(v);
}

Value range_construct(Type* type, const CallArgs& args) {
  no_keywords(args, "range");
  if (args.count == 0) raise_type_error("range expected at least 1 argument, got 0");
  if (args.count > 3) raise_type_error("range expected at most 3 arguments, got " + std::to_string(args.count));
  Value start = Value::small_int(0), stop, step = Value::small_int(1);
  if (args.count == 1) {
    stop = range_arg(args[0]);
  } else {
    start = range_arg(args[0]);
    stop = range_arg(args[1]);
    if (args.count == 3) step = range_arg(args[2]);
  }
  if (int_sign(step) == 0) raise_value_error("range() arg 3 must not be zero");
  return new_range(type, start, stop, step);
}
Range* self_range(const CallArgs& a) { return a[0].as<Range>(); }

// A range's attributes as ints, whichever representation it has.
Value start_of(const Range* r) { return r->is_big() ? r->big_start : make_int(r->start); }
Value stop_of(const Range* r) { return r->is_big() ? r->big_stop : make_int(r->stop); }
Value step_of(const Range* r) { return r->is_big() ? r->big_step : make_int(r->step); }
Value length_of(const Range* r) { return r->is_big() ? r->big_length : make_int(r->length); }

// r[i] for 0 <= i < len(r), in big ints: start + i * step.
void item_at(const Range* r, const mpz_t i, mpz_t out) {
  Mpz step(step_of(r)), start(start_of(r));
  mpz_mul(out, i, step.v);
  mpz_add(out, out, start.v);
}

Value range_len(const CallArgs& a) {
  Range* r = self_range(a);
  Value n = length_of(r);
  int64_t small;
  if (!int_to_int64(n, &small)) raise_overflow_error("Python int too large to convert to C ssize_t");
  return n;
}
Value range_bool(const CallArgs& a) { return Value::boolean(int_sign(length_of(self_range(a))) != 0); }
Value range_iter(const CallArgs& a) { return make_iterator(SeqIterator::Kind::Range, a[0]); }
Value range_reversed(const CallArgs& a) {
  Range* r = self_range(a);
  if (r->is_big()) {
    if (int_sign(r->big_length) == 0)
      return make_iterator(SeqIterator::Kind::Range, gc_new<Range>(types().range, 0, 0, 1));
    // range(last, start - step, -step)
    Mpz last, n(r->big_length), start(r->big_start), step(r->big_step), stop;
    mpz_sub_ui(n.v, n.v, 1);
    item_at(r, n.v, last.v);
    mpz_sub(stop.v, start.v, step.v);
    mpz_neg(step.v, step.v);
    Value last_v = last.value(), stop_v = stop.value(), step_v = step.value();
    return make_iterator(SeqIterator::Kind::Range, new_range(types().range, last_v, stop_v, step_v));
  }
  int64_t last = r->start + (r->length - 1) * r->step;
  Range* rev = gc_new<Range>(types().range, last, last - r->length * r->step, -r->step);
  if (r->length == 0) rev = gc_new<Range>(types().range, 0, 0, 1);
  return make_iterator(SeqIterator::Kind::Range, rev);
}

// One bound of a slice of a range, as a big int (ranges may be longer than int64).
void slice_bound(Value v, mpz_t out) {
  if (!has_index(v)) raise_type_error("slice indices must be integers or None or have an __index__ method");
  int_to_mpz(index_int(v), out);
}
// A start or stop clamped to [lower, upper] after counting negatives from the end.
void clamp_bound(Value v, const mpz_t length, const mpz_t lower, const mpz_t upper, const mpz_t fallback,
                 mpz_t out) {
  if (v.is_none()) {
    mpz_set(out, fallback);
    return;
  }
  slice_bound(v, out);
  if (mpz_sgn(out) < 0) {
    mpz_add(out, out, length);
    if (mpz_cmp(out, lower) < 0) mpz_set(out, lower);
  } else if (mpz_cmp(out, upper) > 0) {
    mpz_set(out, upper);
  }
}
// r[slice], as CPython: the slice's indices() in big ints map through r.
Value range_slice(Range* r, const Slice* s) {
  Mpz step, length(length_of(r)), lower, upper, start, stop;
  if (s->step.is_none()) {
    mpz_set_ui(step.v, 1);
  } else {
    slice_bound(s->step, step.v);
    if (mpz_sgn(step.v) == 0) raise_value_error("slice step cannot be zero");
  }
  bool backward = mpz_sgn(step.v) < 0;
  if (backward) {
    mpz_set_si(lower.v, -1);
    mpz_sub_ui(upper.v, length.v, 1);
  } else {
    mpz_set(upper.v, length.v);
  }
  clamp_bound(s->start, length.v, lower.v, upper.v, backward ? upper.v : lower.v, start.v);
  clamp_bound(s->stop, length.v, lower.v, upper.v, backward ? lower.v : upper.v, stop.v);
  Mpz first, end, r_step(step_of(r));
  item_at(r, start.v, first.v);
  item_at(r, stop.v, end.v);
  mpz_mul(step.v, step.v, r_step.v);
  Value first_v = first.value(), end_v = end.value(), step_v = step.value();
  return new_range(types().range, first_v, end_v, step_v);
}

Value range_getitem(const CallArgs& a) {
  Range* r = self_range(a);
  if (type_of(a[1]) == types().slice) return range_slice(r, a[1].as<Slice>());
  if (!has_index(a[1])) raise_type_error("range indices must be integers or slices, not " + type_name(a[1]));
  Value key = index_int(a[1]);
  int64_t i;
  if (!r->is_big() && int_to_int64(key, &i)) {
    if (i < 0) i += r->length;
    if (i < 0 || i >= r->length) raise_index_error("range object index out of range");
    return make_int(r->start + i * r->step);
  }
  Mpz index(key), length(length_of(r)), item;
  if (mpz_sgn(index.v) < 0) mpz_add(index.v, index.v, length.v);
  if (mpz_sgn(index.v) < 0 || mpz_cmp(index.v, length.v) >= 0) raise_index_error("range object index out of range");
  item_at(r, index.v, item.v);
  return item.value();
}

// Whether the int x is one of r's items (r.start + k * r.step for some k in range).
bool range_has_int(Range* r, Value x) {
  Mpz v(x), start(start_of(r)), stop(stop_of(r)), step(step_of(r));
  if (mpz_sgn(step.v) > 0 ? (mpz_cmp(v.v, start.v) < 0 || mpz_cmp(v.v, stop.v) >= 0)
                          : (mpz_cmp(v.v, start.v) > 0 || mpz_cmp(v.v, stop.v) <= 0))
    return false;
  mpz_sub(v.v, v.v, start.v);
  return mpz_divisible_p(v.v, step.v) != 0;
}
bool range_has(Range* r, Value v) {
  if (is_int_value(v)) return range_has_int(r, v);
  // Anything else compares equal item by item, as CPython does.
  Mpz length(length_of(r)), i, item;
  for (; mpz_cmp(i.v, length.v) < 0; mpz_add_ui(i.v, i.v, 1)) {
    item_at(r, i.v, item.v);
    if (values_equal(item.value(), v)) return true;
  }
  return false;
}
Value range_contains(const CallArgs& a) { return Value::boolean(range_has(self_range(a), a[1])); }
Value range_repr(const CallArgs& a) {
  Range* r = self_range(a);
  std::string s = "range(" + repr_string(start_of(r)) + ", " + repr_string(stop_of(r));
  Value step = step_of(r);
  if (!(step.is_small_int() && step.small_int_value() == 1)) s += ", " + repr_string(step);
  return new_str(s + ")");
}
Value range_eq(const CallArgs& a) {
  if (type_of(a[1]) != types().range) return not_implemented();
  Range* x = self_range(a);
  Range* y = a[1].as<Range>();
  // Equal as sequences: same length, and (if not empty) same first item and
  // (if longer than one) same step.
  Value length = length_of(x);
  if (!values_equal(length, length_of(y))) return Value::false_value();
  if (int_sign(length) == 0) return Value::true_value();
  if (!values_equal(start_of(x), start_of(y))) return Value::false_value();
  return Value::boolean(values_equal(length, Value::small_int(1)) || values_equal(step_of(x), step_of(y)));
}
Value range_hash(const CallArgs& a) {
  Range* r = self_range(a);
  Value length = length_of(r);
  bool empty = int_sign(length) == 0, single = values_equal(length, Value::small_int(1));
  std::vector<Value> key = {length, empty ? Value::none() : start_of(r),
                            empty || single ? Value::none() : step_of(r)};
  return make_int(tuple_hash_of(key));
}
Value range_count(const CallArgs& a) { return Value::small_int(range_has(self_range(a), a[1]) ? 1 : 0); }
Value range_index(const CallArgs& a) {
  Range* r = self_range(a);
  if (is_int_value(a[1])) {
    if (!range_has_int(r, a[1])) raise_value_error(repr_string(a[1]) + " is not in range");
    Mpz x(a[1]), start(start_of(r)), step(step_of(r));
    mpz_sub(x.v, x.v, start.v);
    mpz_divexact(x.v, x.v, step.v);
    return x.value();
  }
  // Anything else is searched item by item, as CPython does.
  Mpz length(length_of(r)), i, item;
  for (; mpz_cmp(i.v, length.v) < 0; mpz_add_ui(i.v, i.v, 1)) {
    item_at(r, i.v, item.v);
    if (values_equal(item.value(), a[1])) return i.value();
  }
  raise_value_error("sequence.index(x): x not in sequence");
}
Value range_start(Value self) { return start_of(self.as<Range>()); }
Value range_stop(Value self) { return stop_of(self.as<Range>()); }
Value range_step(Value self) { return step_of(self.as<Range>()); }

Value slice_construct(Type* type, const CallArgs& args) {
  no_keywords(args, "slice");
  check_arg_count(args, "slice", 1, 3);
  if (args.count == 1) return gc_new<Slice>(type, Value::none(), args[0], Value::none());
  return gc_new<Slice>(type, args[0], args[1], args.count == 3 ? args[2] : Value::none());
}
Value slice_repr(const CallArgs& a) {
  Slice* s = a[0].as<Slice>();
  return new_str("slice(" + repr_string(s->start) + ", " + repr_string(s->stop) + ", " + repr_string(s->step) + ")");
}
Value slice_indices(const CallArgs& a) {
  check_arg_count(a, "indices", 2, 2);
  int64_t length = index_value(a[1]);
  if (length < 0) raise_value_error("length should not be negative");
  Slice* s = a[0].as<Slice>();
  SliceBounds b = slice_bounds(s, length);
  // The step comes back unclamped, as CPython computes indices() in big ints.
  Value step = s->step.is_none() ? Value::small_int(1) : index_int(s->step);
  return new_tuple({make_int(b.start), make_int(b.stop), step});
}
Value slice_eq(const CallArgs& a) {
  if (type_of(a[1]) != types().slice) return not_implemented();
  Slice* x = a[0].as<Slice>();
  Slice* y = a[1].as<Slice>();
  return Value::boolean(values_equal(x->start, y->start) && values_equal(x->stop, y->stop) &&
                        values_equal(x->step, y->step));
}
Value slice_start(Value self) { return self.as<Slice>()->start; }
Value slice_stop(Value self) { return self.as<Slice>()->stop; }
Value slice_step(Value self) { return self.as<Slice>()->step; }

Value iterator_iter(const CallArgs& a) { return a[0]; }
Value iterator_next(const CallArgs& a) {
  if (is_seq_iterator(a[0])) {
    Value v = seq_iterator_next(static_cast<SeqIterator*>(a[0].object()));
    if (v.is_null()) raise_stop_iteration(Value::null());
    return v;
  }
  return sequence_iterator_next(a);
}
Value iterator_length_hint(const CallArgs& a) {
  if (!is_seq_iterator(a[0])) return Value::small_int(0);
  auto* it = static_cast<SeqIterator*>(a[0].object());
  if (it->source.is_null()) return Value::small_int(0);
  if (it->kind == SeqIterator::Kind::Range) return make_int(it->remaining);
  if (it->kind == SeqIterator::Kind::BigRange) {
    Mpz left(it->source.as<Range>()->big_length);
    mpz_sub_ui(left.v, left.v, static_cast<unsigned long>(it->index));
    return left.value();
  }
  return Value::small_int(0);
}

}  // namespace

void install_range_methods() {
  Type* r = types().range;
  r->construct = range_construct;
  add_method(r, "__len__", range_len);
  add_method(r, "__bool__", range_bool);
  add_method(r, "__iter__", range_iter);
  add_method(r, "__reversed__", range_reversed);
  add_method(r, "__getitem__", range_getitem);
  add_method(r, "__contains__", range_contains);
  add_method(r, "__repr__", range_repr);
  add_method(r, "__eq__", range_eq);
  add_method(r, "__hash__", range_hash);
  add_method(r, "count", range_count);
  add_method(r, "index", range_index);
  add_getset(r, "start", range_start);
  add_getset(r, "stop", range_stop);
  add_getset(r, "step", range_step);

  Type* s = types().slice;
  s->construct = slice_construct;
  add_method(s, "__repr__", slice_repr);
  add_method(s, "__eq__", slice_eq);
  add_method(s, "indices", slice_indices);
  add_type_attr(s, "__hash__", Value::none());
  add_getset(s, "start", slice_start);
  add_getset(s, "stop", slice_stop);
  add_getset(s, "step", slice_step);

  Type* it = types().iterator;
  add_method(it, "__iter__", iterator_iter);
  add_method(it, "__next__", iterator_next);
  add_method(it, "__length_hint__", iterator_length_hint);
}

}  // namespace gilvm
