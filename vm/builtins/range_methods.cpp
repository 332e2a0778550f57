// range, slice, and the built-in iterator type shared by the containers.
#include "vm/builtins/container_ops.hpp"
#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/gc.hpp"
#include "vm/native.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"

namespace gilvm {

Value sequence_iterator_next(const CallArgs& a);  // vm/iterators.cpp

namespace {

int64_t range_arg(Value v) {
  if (!has_index(v)) raise_type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
  return index_value(v);
}

Value range_construct(Type* type, const CallArgs& args) {
  no_keywords(args, "range");
  if (args.count == 0) raise_type_error("range expected at least 1 argument, got 0");
  if (args.count > 3) raise_type_error("range expected at most 3 arguments, got " + std::to_string(args.count));
  int64_t start = 0, stop, step = 1;
  if (args.count == 1) {
    stop = range_arg(args[0]);
  } else {
    start = range_arg(args[0]);
    stop = range_arg(args[1]);
    if (args.count == 3) step = range_arg(args[2]);
  }
  if (step == 0) raise_value_error("range() arg 3 must not be zero");
  return gc_new<Range>(type, start, stop, step);
}
Range* self_range(const CallArgs& a) { return a[0].as<Range>(); }
Value range_len(const CallArgs& a) { return make_int(self_range(a)->length); }
Value range_iter(const CallArgs& a) { return make_iterator(SeqIterator::Kind::Range, a[0]); }
Value range_reversed(const CallArgs& a) {
  Range* r = self_range(a);
  int64_t last = r->start + (r->length - 1) * r->step;
  Range* rev = gc_new<Range>(types().range, last, last - r->length * r->step, -r->step);
  if (r->length == 0) rev = gc_new<Range>(types().range, 0, 0, 1);
  return make_iterator(SeqIterator::Kind::Range, rev);
}
Value range_getitem(const CallArgs& a) {
  Range* r = self_range(a);
  if (type_of(a[1]) == types().slice) {
    SliceBounds b = slice_bounds(a[1].as<Slice>(), r->length);
    // As CPython: start, stop and step map through the range's own; the
    // step may not fit int64.
    int64_t start = r->start + b.start * r->step, step, offset, stop;
    if (__builtin_mul_overflow(r->step, b.step, &step) || __builtin_mul_overflow(b.stop, r->step, &offset) ||
        __builtin_add_overflow(r->start, offset, &stop) || b.step == INT64_MAX || b.step == -INT64_MAX)
      raise_overflow_error("Python int too large to convert to C ssize_t");
    return gc_new<Range>(types().range, start, stop, step);
  }
  if (!has_index(a[1])) raise_type_error("range indices must be integers or slices, not " + type_name(a[1]));
  int64_t i = index_value(a[1]);
  if (i < 0) i += r->length;
  if (i < 0 || i >= r->length) raise_index_error("range object index out of range");
  return make_int(r->start + i * r->step);
}
bool range_has(Range* r, Value v) {
  if (v.is_small_int() || (is_int_value(v) && !v.is_bool())) {
    int64_t x;
    if (!int_to_int64(v, &x)) return false;
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return false;
    return (x - r->start) % r->step == 0;
  }
  for (int64_t i = 0; i < r->length; ++i)
    if (values_equal(make_int(r->start + i * r->step), v)) return true;
  return false;
}
Value range_contains(const CallArgs& a) { return Value::boolean(range_has(self_range(a), a[1])); }
Value range_repr(const CallArgs& a) {
  Range* r = self_range(a);
  std::string s = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
  if (r->step != 1) s += ", " + std::to_string(r->step);
  return new_str(s + ")");
}
Value range_eq(const CallArgs& a) {
  if (type_of(a[1]) != types().range) return not_implemented();
  Range* x = self_range(a);
  Range* y = a[1].as<Range>();
  if (x->length != y->length) return Value::false_value();
  if (x->length == 0) return Value::true_value();
  if (x->start != y->start) return Value::false_value();
  return Value::boolean(x->length == 1 || x->step == y->step);
}
Value range_hash(const CallArgs& a) {
  Range* r = self_range(a);
  std::vector<Value> key = {make_int(r->length), r->length == 0 ? Value::none() : make_int(r->start),
                            r->length <= 1 ? Value::none() : make_int(r->step)};
  return make_int(tuple_hash_of(key));
}
Value range_count(const CallArgs& a) { return Value::small_int(range_has(self_range(a), a[1]) ? 1 : 0); }
Value range_index(const CallArgs& a) {
  Range* r = self_range(a);
  if (!range_has(r, a[1])) raise_value_error(repr_string(a[1]) + " is not in range");
  int64_t x;
  int_to_int64(a[1], &x);
  return make_int((x - r->start) / r->step);
}
Value range_start(Value self) { return make_int(self.as<Range>()->start); }
Value range_stop(Value self) { return make_int(self.as<Range>()->stop); }
Value range_step(Value self) { return make_int(self.as<Range>()->step); }

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
  return Value::small_int(0);
}

}  // namespace

void install_range_methods() {
  Type* r = types().range;
  r->construct = range_construct;
  add_method(r, "__len__", range_len);
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
