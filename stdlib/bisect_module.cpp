// The bisect module, native (CPython 3.11's _bisect with bisect.py's
// aliases): bisect_left/right and insort_left/right with lo, hi and the
// keyword-only key (3.10+). Items are compared with the interpreter's `<`
// and read with its item access, so any sequence and any ordering work.
#include "stdlib/builtins/common.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/import.hpp"
#include "vm/opcodes.hpp"
#include "vm/objects/module.hpp"

namespace gilvm {

namespace {

struct Bounds {
  int64_t lo;
  int64_t hi;
};

// lo and hi as CPython checks them; hi None (or -1) means len(a).
Bounds read_bounds(Value seq, Value lo_arg, Value hi_arg) {
  int64_t lo = lo_arg.is_null() ? 0 : index_value(lo_arg);
  if (lo < 0) raise_value_error("lo must be non-negative");
  int64_t hi = -1;
  if (!hi_arg.is_null() && !hi_arg.is_none()) {
    if (!has_index(hi_arg))
      raise_type_error("argument should be integer or None, not '" + type_name(hi_arg) + "'");
    hi = index_value(hi_arg);
  }
  if (hi == -1) hi = length(seq);
  return {lo, hi};
}

Value item_at(Value seq, int64_t i) {
  // Exact lists directly; their length is re-checked since a comparison
  // may have shrunk them.
  if (type_of(seq) == types().list) {
    const std::vector<Value>& items = seq.as<List>()->items;
    if (static_cast<uint64_t>(i) < items.size()) return items[i];
  }
  return get_item(seq, make_int(i));
}

bool less(Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) return a.small_int_value() < b.small_int_value();
  return compare_bool(a, b, kLt);
}

// The insertion point of x in seq[lo:hi]: left of equal items, or right.
template <bool kRight>
int64_t search(Value seq, Value x, Bounds b, Value key) {
  int64_t lo = b.lo, hi = b.hi;
  while (lo < hi) {
    int64_t mid = static_cast<int64_t>((static_cast<uint64_t>(lo) + static_cast<uint64_t>(hi)) / 2);
    Value item = item_at(seq, mid);
    if (!key.is_none()) item = call(key, {item});
    bool go_right = kRight ? !less(x, item) : less(item, x);
    if (go_right) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

template <bool kRight>
Value bisect_fn(const CallArgs& a) {
  const char* name = kRight ? "bisect_right" : "bisect_left";
  Value args[5];
  builtins_impl::parse_args(a, name, {"a", "x", "lo", "hi", "key"}, 2, args, 0, 4);
  Value key = args[4].is_null() ? Value::none() : args[4];
  Bounds b = read_bounds(args[0], args[2], args[3]);
  return make_int(search<kRight>(args[0], args[1], b, key));
}

template <bool kRight>
Value insort_fn(const CallArgs& a) {
  const char* name = kRight ? "insort_right" : "insort_left";
  Value args[5];
  builtins_impl::parse_args(a, name, {"a", "x", "lo", "hi", "key"}, 2, args, 0, 4);
  Value seq = args[0], x = args[1];
  Value key = args[4].is_null() ? Value::none() : args[4];
  Bounds b = read_bounds(seq, args[2], args[3]);
  Value probe = key.is_none() ? x : call(key, {x});
  int64_t index = search<kRight>(seq, probe, b, key);
  if (type_of(seq) == types().list) {
    std::vector<Value>& items = seq.as<List>()->items;
    size_t at = std::min(static_cast<size_t>(index), items.size());
    items.insert(items.begin() + static_cast<ptrdiff_t>(at), x);
  } else {
    call_method(seq, "insert", {make_int(index), x});
  }
  return Value::none();
}

void init_bisect(Module* m) {
  NativeFunction* right = add_function(m, "bisect_right", bisect_fn<true>);
  add_function(m, "bisect_left", bisect_fn<false>);
  NativeFunction* insort_right = add_function(m, "insort_right", insort_fn<true>);
  add_function(m, "insort_left", insort_fn<false>);
  // bisect and insort are the same function objects, as in CPython.
  m->dict()->table.set(intern("bisect"), right);
  m->dict()->table.set(intern("insort"), insort_right);
}

}  // namespace

void register_bisect_module() { register_builtin_module("bisect", init_bisect); }

}  // namespace gilvm
