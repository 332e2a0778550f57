// The operator module, native (CPython 3.11's _operator): the operators
// as functions, with their dunder aliases, and the itemgetter, attrgetter
// and methodcaller types. Every function calls the operation the
// interpreter itself uses (vm/ops.hpp: binary_op, compare, get_item, ...),
// so results, dispatch to user dunders and error messages are the same as
// for the operator written out.
#include "stdlib/builtins/common.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/opcodes.hpp"
#include "vm/objects/module.hpp"

namespace gilvm {

namespace {

using builtins_impl::check_positional;
using builtins_impl::kw_count;

// "_operator.add() takes no keyword arguments", then the count check.
void check_args(const CallArgs& a, const char* name, size_t n) {
  if (kw_count(a) != 0) raise_type_error(std::string("_operator.") + name + "() takes no keyword arguments");
  check_positional(a, name, n, n);
}

// ---------------------------------------------------------------- the function forms

struct BinaryName {
  uint32_t op;
  const char* name;
};
constexpr BinaryName kBinary[] = {
    {kAdd, "add"},           {kSub, "sub"},
    {kMul, "mul"},           {kMatMul, "matmul"},
    {kTrueDiv, "truediv"}, {kFloorDiv, "floordiv"},
    {kMod, "mod"},           {kPow, "pow"},
    {kLShift, "lshift"},  {kRShift, "rshift"},
    {kAnd, "and_"},          {kOr, "or_"},
    {kXor, "xor"},
    {kAdd | kInplace, "iadd"},           {kSub | kInplace, "isub"},
    {kMul | kInplace, "imul"},           {kMatMul | kInplace, "imatmul"},
    {kTrueDiv | kInplace, "itruediv"}, {kFloorDiv | kInplace, "ifloordiv"},
    {kMod | kInplace, "imod"},           {kPow | kInplace, "ipow"},
    {kLShift | kInplace, "ilshift"},  {kRShift | kInplace, "irshift"},
    {kAnd | kInplace, "iand"},           {kOr | kInplace, "ior"},
    {kXor | kInplace, "ixor"},
};

constexpr const char* binary_name(uint32_t op) {
  for (const BinaryName& b : kBinary)
    if (b.op == op) return b.name;
  return "?";
}

template <uint32_t op>
Value op_binary(const CallArgs& a) {
  check_args(a, binary_name(op), 2);
  return binary_op(a[0], a[1], op);
}

template <uint32_t op>
constexpr NativeFn binary_fn() {
  return op_binary<op>;
}

constexpr const char* kCompareNames[] = {"lt", "le", "eq", "ne", "gt", "ge"};

template <uint32_t op>
Value op_compare(const CallArgs& a) {
  check_args(a, kCompareNames[op], 2);
  return compare(a[0], a[1], op);
}

Value op_neg(const CallArgs& a) {
  check_args(a, "neg", 1);
  return negate(a[0]);
}
Value op_pos(const CallArgs& a) {
  check_args(a, "pos", 1);
  return positive(a[0]);
}
Value op_abs(const CallArgs& a) {
  check_args(a, "abs", 1);
  return absolute(a[0]);
}
Value op_inv(const CallArgs& a) {
  check_args(a, "inv", 1);
  return invert(a[0]);
}
Value op_invert(const CallArgs& a) {
  check_args(a, "invert", 1);
  return invert(a[0]);
}
Value op_not(const CallArgs& a) {
  check_args(a, "not_", 1);
  return Value::boolean(!is_truthy(a[0]));
}
Value op_truth(const CallArgs& a) {
  check_args(a, "truth", 1);
  return Value::boolean(is_truthy(a[0]));
}
Value op_index(const CallArgs& a) {
  check_args(a, "index", 1);
  return builtins_impl::to_int_index(a[0]);  // always an exact int, as PyNumber_Index
}
Value op_is(const CallArgs& a) {
  check_args(a, "is_", 2);
  return Value::boolean(a[0].is(a[1]));
}
Value op_is_not(const CallArgs& a) {
  check_args(a, "is_not", 2);
  return Value::boolean(!a[0].is(a[1]));
}
Value op_getitem(const CallArgs& a) {
  check_args(a, "getitem", 2);
  return get_item(a[0], a[1]);
}
Value op_setitem(const CallArgs& a) {
  check_args(a, "setitem", 3);
  set_item(a[0], a[1], a[2]);
  return Value::none();
}
Value op_delitem(const CallArgs& a) {
  check_args(a, "delitem", 2);
  del_item(a[0], a[1]);
  return Value::none();
}
Value op_contains(const CallArgs& a) {
  check_args(a, "contains", 2);
  return Value::boolean(contains(a[0], a[1]));
}

// concat and iconcat accept sequences only (anything with __getitem__).
void check_concat(Value a) {
  if (builtins_impl::lookup_special(a, "__getitem__").is_null())
    raise_type_error("'" + type_name(a) + "' object can't be concatenated");
}
Value op_concat(const CallArgs& a) {
  check_args(a, "concat", 2);
  check_concat(a[0]);
  return binary_op(a[0], a[1], kAdd);
}
Value op_iconcat(const CallArgs& a) {
  check_args(a, "iconcat", 2);
  check_concat(a[0]);
  return binary_op(a[0], a[1], kAdd | kInplace);
}

// Equal as the `in` and list.count tests are: identity first.
bool same_or_equal(Value x, Value y) { return x.is(y) || values_equal(x, y); }

Value op_count_of(const CallArgs& a) {
  check_args(a, "countOf", 2);
  Value it = get_iter(a[0]);
  Value wanted = a[1];
  int64_t n = 0;
  for (Value item = iter_next(it); !item.is_null(); item = iter_next(it))
    if (same_or_equal(item, wanted)) ++n;
  return make_int(n);
}

Value op_index_of(const CallArgs& a) {
  check_args(a, "indexOf", 2);
  Value it = get_iter(a[0]);
  Value wanted = a[1];
  int64_t i = 0;
  for (Value item = iter_next(it); !item.is_null(); item = iter_next(it), ++i)
    if (same_or_equal(item, wanted)) return make_int(i);
  raise_value_error("sequence.index(x): x not in sequence");
}

// length_hint(obj, default=0): len(obj) if it has one, else
// obj.__length_hint__(), else default (PEP 424).
Value op_length_hint(const CallArgs& a) {
  if (kw_count(a) != 0) raise_type_error("_operator.length_hint() takes no keyword arguments");
  check_positional(a, "length_hint", 1, 2);
  Value fallback = Value::small_int(0);
  if (a.count == 2) {
    if (!isinstance(a[1], types().int_))
      raise_type_error("'" + type_name(a[1]) + "' object cannot be interpreted as an integer");
    fallback = a[1];
  }
  Value obj = a[0];
  if (!builtins_impl::lookup_special(obj, "__len__").is_null()) {
    try {
      return make_int(length(obj));
    } catch (PyException&) {
      if (!exception_matches(exc().TypeError)) throw;
      take_current_exception();
    }
  }
  Value hint = builtins_impl::lookup_special(obj, "__length_hint__");
  if (hint.is_null()) return fallback;
  Value result;
  try {
    result = call(bind_descriptor(hint, obj, type_of(obj)), {});
  } catch (PyException&) {
    if (!exception_matches(exc().TypeError)) throw;
    take_current_exception();
    return fallback;
  }
  if (result.is(not_implemented())) return fallback;
  if (!isinstance(result, types().int_))
    raise_type_error("__length_hint__ must be an integer, not " + type_name(result));
  if (compare_bool(result, Value::small_int(0), kLt)) raise_value_error("__length_hint__() should return >= 0");
  return result;
}

Value op_call(const CallArgs& a) {
  if (a.count == 0) raise_type_error("call() missing required argument 'obj' (pos 1)");
  return call_object(a[0], CallArgs{a.args + 1, a.count - 1, a.kwnames});
}

}  // namespace

// The getter and caller types live in operator_getters.cpp.
void install_operator_getters(Module* m);

namespace {

void init_operator(Module* m) {
  Dict* d = m->dict();
  // Adds fn under `name` and, if given, the very same function object under `dunder`.
  auto add = [&](const char* name, NativeFn fn, const char* dunder = nullptr) {
    NativeFunction* f = add_function(m, name, fn);
    if (dunder != nullptr) d->table.set(intern(dunder), f);
  };
  add("add", binary_fn<kAdd>(), "__add__");
  add("sub", binary_fn<kSub>(), "__sub__");
  add("mul", binary_fn<kMul>(), "__mul__");
  add("matmul", binary_fn<kMatMul>(), "__matmul__");
  add("truediv", binary_fn<kTrueDiv>(), "__truediv__");
  add("floordiv", binary_fn<kFloorDiv>(), "__floordiv__");
  add("mod", binary_fn<kMod>(), "__mod__");
  add("pow", binary_fn<kPow>(), "__pow__");
  add("lshift", binary_fn<kLShift>(), "__lshift__");
  add("rshift", binary_fn<kRShift>(), "__rshift__");
  add("and_", binary_fn<kAnd>(), "__and__");
  add("or_", binary_fn<kOr>(), "__or__");
  add("xor", binary_fn<kXor>(), "__xor__");
  add("iadd", binary_fn<kAdd | kInplace>(), "__iadd__");
  add("isub", binary_fn<kSub | kInplace>(), "__isub__");
  add("imul", binary_fn<kMul | kInplace>(), "__imul__");
  add("imatmul", binary_fn<kMatMul | kInplace>(), "__imatmul__");
  add("itruediv", binary_fn<kTrueDiv | kInplace>(), "__itruediv__");
  add("ifloordiv", binary_fn<kFloorDiv | kInplace>(), "__ifloordiv__");
  add("imod", binary_fn<kMod | kInplace>(), "__imod__");
  add("ipow", binary_fn<kPow | kInplace>(), "__ipow__");
  add("ilshift", binary_fn<kLShift | kInplace>(), "__ilshift__");
  add("irshift", binary_fn<kRShift | kInplace>(), "__irshift__");
  add("iand", binary_fn<kAnd | kInplace>(), "__iand__");
  add("ior", binary_fn<kOr | kInplace>(), "__ior__");
  add("ixor", binary_fn<kXor | kInplace>(), "__ixor__");
  add("lt", op_compare<kLt>, "__lt__");
  add("le", op_compare<kLe>, "__le__");
  add("eq", op_compare<kEq>, "__eq__");
  add("ne", op_compare<kNe>, "__ne__");
  add("gt", op_compare<kGt>, "__gt__");
  add("ge", op_compare<kGe>, "__ge__");
  add("neg", op_neg, "__neg__");
  add("pos", op_pos, "__pos__");
  add("abs", op_abs, "__abs__");
  add("inv", op_inv, "__inv__");
  add("invert", op_invert, "__invert__");
  add("not_", op_not, "__not__");
  add("truth", op_truth);
  add("index", op_index, "__index__");
  add("is_", op_is);
  add("is_not", op_is_not);
  add("getitem", op_getitem, "__getitem__");
  add("setitem", op_setitem, "__setitem__");
  add("delitem", op_delitem, "__delitem__");
  add("contains", op_contains, "__contains__");
  add("concat", op_concat, "__concat__");
  add("iconcat", op_iconcat, "__iconcat__");
  add("countOf", op_count_of);
  add("indexOf", op_index_of);
  add("length_hint", op_length_hint);
  add("call", op_call, "__call__");
  install_operator_getters(m);
}

}  // namespace

void register_operator_module() { register_builtin_module("operator", init_operator); }

}  // namespace gilvm
