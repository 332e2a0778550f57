#include "vm/objects/sequence.hpp"

#include <algorithm>

#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/objects/function.hpp"
#include "vm/objects/number.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

Range::Range(Type* t, int64_t a, int64_t b, int64_t s) : Object(t), start(a), stop(b), step(s) {
  if (s > 0)
    length = a < b ? (b - a - 1) / s + 1 : 0;
  else
    length = a > b ? (a - b - 1) / (-s) + 1 : 0;
}

Range* new_range(Type* type, Value start, Value stop, Value step) {
  // Bounds that are small ints, whose span cannot overflow: no big-int
  // arithmetic (range() in a loop is common).
  if (start.is_small_int() && stop.is_small_int() && step.is_small_int()) {
    int64_t a64 = start.small_int_value(), b64 = stop.small_int_value(), s64 = step.small_int_value();
    // Small ints have 63 bits, so these differences fit int64.
    if (s64 != 0) return gc_new<Range>(type, a64, b64, s64);
  }
  Mpz a(start), b(stop), s(step), n;
  // length = (b - a - 1) // s + 1 when the range is not empty, as CPython.
  bool forward = mpz_sgn(s.v) > 0;
  if (forward ? mpz_cmp(a.v, b.v) < 0 : mpz_cmp(a.v, b.v) > 0) {
    if (forward) mpz_sub(n.v, b.v, a.v);
    else mpz_sub(n.v, a.v, b.v);
    mpz_sub_ui(n.v, n.v, 1);
    mpz_tdiv_q(n.v, n.v, s.v);
    mpz_abs(n.v, n.v);
    mpz_add_ui(n.v, n.v, 1);
  }
  int64_t a64, b64, s64;
  bool fits = int_to_int64(start, &a64) && int_to_int64(stop, &b64) && int_to_int64(step, &s64) &&
              mpz_fits_slong_p(n.v) && s64 != INT64_MIN;
  if (fits) {
    // The int64 constructor's length arithmetic must not overflow either.
    int64_t span;
    fits = !__builtin_sub_overflow(s64 > 0 ? b64 : a64, s64 > 0 ? a64 : b64, &span);
  }
  if (fits) return gc_new<Range>(type, a64, b64, s64);
  Range* r = gc_new<Range>(type, 0, 0, 1);
  r->big_start = start;
  r->big_stop = stop;
  r->big_step = step;
  r->big_length = make_int(n.v);
  return r;
}

Tuple* new_tuple(std::vector<Value> items) {
  if (items.empty()) return empty_tuple();
  if (items.size() > 8) heap().note_allocation(items.size() * sizeof(Value));
  return gc_new<Tuple>(types().tuple, std::move(items));
}

Tuple* empty_tuple() {
  static Tuple* the_empty_tuple = nullptr;  // rooted by the bootstrap's root source
  if (the_empty_tuple == nullptr) the_empty_tuple = gc_new<Tuple>(types().tuple);
  return the_empty_tuple;
}

List* new_list(std::vector<Value> items) {
  if (items.size() > 8) heap().note_allocation(items.size() * sizeof(Value));
  return gc_new<List>(types().list, std::move(items));
}

int64_t slice_index(Value v, bool none_allowed) {
  if (v.is_small_int()) return v.small_int_value();
  if (!has_index(v))
    raise_type_error(none_allowed ? "slice indices must be integers or None or have an __index__ method"
                                  : "slice indices must be integers or have an __index__ method");
  return index_value_clamped(v);
}

namespace {
// A start or stop clamped into a sequence of `length`, as
// PySlice_AdjustIndices: [0, length] stepping forward, [-1, length - 1] back.
int64_t adjust_slice_bound(int64_t i, int64_t length, int64_t step) {
  if (i < 0) {
    i += length;  // i >= INT64_MIN and length >= 0: no overflow
    if (i < 0) i = step < 0 ? -1 : 0;
  } else if (i >= length) {
    i = step < 0 ? length - 1 : length;
  }
  return i;
}
}  // namespace

// Python's slice.indices(length), in int64 (lengths never exceed that).
SliceBounds slice_bounds(const Slice* s, int64_t length) {
  SliceBounds b;
  b.step = 1;
  if (!s->step.is_none()) {
    b.step = slice_index(s->step);
    if (b.step == 0) raise_value_error("slice step cannot be zero");
    // -step must not overflow.
    if (b.step < -INT64_MAX) b.step = -INT64_MAX;
  }
  bool backward = b.step < 0;
  b.start = s->start.is_none() ? (backward ? length - 1 : 0) : adjust_slice_bound(slice_index(s->start), length, b.step);
  b.stop = s->stop.is_none() ? (backward ? -1 : length) : adjust_slice_bound(slice_index(s->stop), length, b.step);
  if (b.step > 0)
    b.count = b.start < b.stop ? (b.stop - b.start - 1) / b.step + 1 : 0;
  else
    b.count = b.start > b.stop ? (b.start - b.stop - 1) / (-b.step) + 1 : 0;
  return b;
}

SearchRange search_range(const CallArgs& a, size_t first, int64_t length, bool none_allowed) {
  SearchRange r{0, length};
  auto bound = [&](size_t i, int64_t* out) {
    if (a.count <= i || (none_allowed && a[i].is_none())) return;
    int64_t v = slice_index(a[i], none_allowed);
    *out = v < 0 ? std::max<int64_t>(0, v + length) : v;
  };
  bound(first, &r.start);
  bound(first + 1, &r.stop);
  r.stop = std::min(r.stop, length);
  return r;
}

int64_t normalize_index(Value index, int64_t length, const char* what) {
  int64_t i;
  if (index.is_small_int()) {
    i = index.small_int_value();
  } else {
    if (!has_index(index))
      raise_type_error(std::string(what) + " must be integers or slices, not " + type_name(index));
    if (!int_to_int64(index_int(index), &i)) raise_index_error("cannot fit 'int' into an index-sized integer");
  }
  if (i < 0) i += length;
  if (i < 0 || i >= length) raise_index_error(std::string(what) + " out of range");
  return i;
}

}  // namespace gilvm
