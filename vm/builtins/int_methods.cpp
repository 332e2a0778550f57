// int and bool: construction (int(x), int(text, base)), the arithmetic and
// comparison dunders (used by subclasses and explicit calls; the
// interpreter's fast paths handle plain ints directly), formatting and the
// small methods (bit_length, bit_count, as_integer_ratio, ...).
#include <gmp.h>

#include <cctype>
#include <cmath>

#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/number_ops.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/text/format_spec.hpp"
#include "vm/text/int_digits_limit.hpp"
#include "vm/text/repr.hpp"

namespace gilvm {

namespace {

[[noreturn]] void invalid_literal(std::string_view text, int base) {
  raise_value_error("invalid literal for int() with base " + std::to_string(base) + ": " +
                    text::repr_str(text));
}

// Python's int(text, base): optional whitespace and sign, an optional
// 0x/0o/0b prefix matching the base (or any with base 0), digits with single
// underscores between them.
Value parse_int(std::string_view original, int base) {
  std::string_view s = original;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  int given_base = base;
  if (s.size() >= 2 && s[0] == '0') {
    char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s[1])));
    int prefix_base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (prefix_base != 0 && (base == 0 || base == prefix_base)) {
      base = prefix_base;
      s.remove_prefix(2);
      if (!s.empty() && s[0] == '_') s.remove_prefix(1);
    }
  }
  if (base == 0) {
    // Base 0 without a prefix: decimal, and no leading zeros unless all zeros.
    base = 10;
    if (s.size() > 1 && s[0] == '0') {
      for (char c : s)
        if (c != '0' && c != '_') invalid_literal(original, 0);
    }
  }
  std::string digits;
  bool previous_underscore = true;  // a leading underscore is an error
  for (char c : s) {
    if (c == '_') {
      if (previous_underscore) invalid_literal(original, given_base);
      previous_underscore = true;
      continue;
    }
    int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
            : std::isalpha(static_cast<unsigned char>(c)) ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                                                          : 99;
    if (d >= base) invalid_literal(original, given_base);
    digits.push_back(c);
    previous_underscore = false;
  }
  if (digits.empty() || previous_underscore) invalid_literal(original, given_base);
  // Bases that are powers of two convert in linear time and have no limit.
  if ((base & (base - 1)) != 0) text::check_str_to_int_digits(digits.size());
  Mpz z;
  mpz_set_str(z.v, digits.c_str(), base);
  if (negative) mpz_neg(z.v, z.v);
  return make_int(z.v);
}

Value int_from_double(double d) {
  if (std::isinf(d)) raise_overflow_error("cannot convert float infinity to integer");
  if (std::isnan(d)) raise_value_error("cannot convert float NaN to integer");
  double t = std::trunc(d);
  if (std::fabs(t) < 4e18) return make_int(static_cast<int64_t>(t));
  Mpz z;
  mpz_set_d(z.v, t);
  return make_int(z.v);
}

Value as_plain_int(Value v);

// An int of exactly class `type` (a subclass of int) with the value of `v`;
// int(x) of an int subclass instance is a plain int, as in CPython.
Value with_type(Type* type, Value v) {
  if (type == types().int_) return as_plain_int(v);
  Int* obj = gc_new<Int>(type);
  int_to_mpz(v, obj->value);
  return obj;
}

Value int_construct(Type* type, const CallArgs& args) {
  ArgParser p(args, "int", {"x", "base"}, 0, false);
  Value x = p.get(0);
  if (x.is_null()) {
    if (p.given(1)) raise_type_error("int() missing string argument");
    return with_type(type, Value::small_int(0));
  }
  if (p.given(1)) {
    int64_t base = index_value(p.get(1));
    if (base != 0 && (base < 2 || base > 36)) raise_value_error("int() base must be >= 2 and <= 36, or 0");
    if (type_of(x) == types().str) return with_type(type, parse_int(x.as<Str>()->data, static_cast<int>(base)));
    if (type_of(x) == types().bytes) return with_type(type, parse_int(x.as<Bytes>()->data, static_cast<int>(base)));
    raise_type_error("int() can't convert non-string with explicit base");
  }
  if (is_int_value(x)) return with_type(type, x.is_bool() ? Value::small_int(x.is_true()) : x);
  if (is_float(x)) return with_type(type, int_from_double(float_value(x)));
  if (type_of(x) == types().str || isinstance(x, types().str))
    return with_type(type, parse_int(x.as<Str>()->data, 10));
  if (type_of(x) == types().bytes) return with_type(type, parse_int(x.as<Bytes>()->data, 10));
  for (const char* hook : {"__int__", "__index__", "__trunc__"}) {
    Value m = lookup_in_mro(type_of(x), intern(hook));
    if (m.is_null()) continue;
    Value r = call_method(x, hook, {});
    if (!is_int_value(r)) raise_type_error(std::string(hook) + " returned non-int (type " + type_name(r) + ")");
    return with_type(type, r);
  }
  raise_type_error("int() argument must be a string, a bytes-like object or a real number, not '" + type_name(x) +
                   "'");
}

Value as_plain_int(Value v) {
  if (v.is_small_int()) return v;
  if (v.is_bool()) return Value::small_int(v.is_true() ? 1 : 0);
  if (v.object()->type == types().int_) return v;
  Mpz z;
  int_to_mpz(v, z.v);
  return make_int(z.v);
}

Value self_int(const CallArgs& a, const char* name) {
  if (a.count == 0 || !is_int_value(a[0]))
    raise_type_error(std::string("descriptor '") + name + "' requires a 'int' object");
  return a[0];
}

Value int_repr(const CallArgs& a) {
  Value v = self_int(a, "__repr__");
  if (v.is_bool()) return intern(v.is_true() ? "True" : "False");
  return new_str(int_repr(as_plain_int(v)));
}

Value int_format(const CallArgs& a) {
  Value v = self_int(a, "__format__");
  check_arg_count(a, "__format__", 2, 2);
  if (type_of(a[1]) != types().str) raise_type_error("__format__() argument must be str, not " + type_name(a[1]));
  const std::string& spec = a[1].as<Str>()->data;
  if (spec.empty()) return to_str(v);
  int64_t small;
  if (int_to_int64(v, &small)) return new_str(text::format_int(small, spec));
  Mpz z;
  int_to_mpz(v, z.v);
  return new_str(text::format_int(z.v, spec));
}

Value int_hash(const CallArgs& a) { return make_int(number_hash(as_plain_int(self_int(a, "__hash__")))); }
Value int_bool(const CallArgs& a) { return Value::boolean(is_truthy(as_plain_int(self_int(a, "__bool__")))); }
Value int_int(const CallArgs& a) { return as_plain_int(self_int(a, "__int__")); }
Value int_float(const CallArgs& a) { return make_float(int_to_double(self_int(a, "__float__"))); }
Value int_neg(const CallArgs& a) { return negate(as_plain_int(self_int(a, "__neg__"))); }
Value int_pos(const CallArgs& a) { return as_plain_int(self_int(a, "__pos__")); }
Value int_abs(const CallArgs& a) { return absolute(as_plain_int(self_int(a, "__abs__"))); }
Value int_invert(const CallArgs& a) { return invert(as_plain_int(self_int(a, "__invert__"))); }

// One native per binary dunder, generated for every BinaryOp: the plain form
// computes self op other, the reflected form other op self; a non-int
// operand gives NotImplemented.
template <uint32_t Op, bool Reflected>
Value int_binary(const CallArgs& a) {
  check_arg_count(a, binary_op_dunder(Op), 2, 2);
  if (!is_int_value(a[0]) || !is_int_value(a[1])) return not_implemented();
  Value x = as_plain_int(a[0]), y = as_plain_int(a[1]);
  return Reflected ? int_binary_op(y, x, Op) : int_binary_op(x, y, Op);
}

template <uint32_t Cmp>
Value int_compare(const CallArgs& a) {
  check_arg_count(a, "comparison", 2, 2);
  if (!is_number(a[1])) return not_implemented();
  int c = number_compare(as_plain_int(a[0]), is_float(a[1]) ? a[1] : as_plain_int(a[1]));
  if (c == 2) return Value::boolean(Cmp == kNe);
  switch (Cmp) {
    case kLt: return Value::boolean(c < 0);
    case kLe: return Value::boolean(c <= 0);
    case kEq: return Value::boolean(c == 0);
    case kNe: return Value::boolean(c != 0);
    case kGt: return Value::boolean(c > 0);
    default: return Value::boolean(c >= 0);
  }
}

Value int_bit_length(const CallArgs& a) {
  Mpz z;
  int_to_mpz(self_int(a, "bit_length"), z.v);
  return Value::small_int(mpz_sgn(z.v) == 0 ? 0 : static_cast<int64_t>(mpz_sizeinbase(z.v, 2)));
}
Value int_bit_count(const CallArgs& a) {
  Mpz z;
  int_to_mpz(self_int(a, "bit_count"), z.v);
  mpz_abs(z.v, z.v);
  return Value::small_int(static_cast<int64_t>(mpz_popcount(z.v)));
}
Value int_conjugate(const CallArgs& a) { return as_plain_int(self_int(a, "conjugate")); }
Value int_as_integer_ratio(const CallArgs& a) {
  return new_tuple({as_plain_int(self_int(a, "as_integer_ratio")), Value::small_int(1)});
}
Value int_round(const CallArgs& a) {
  Value v = as_plain_int(self_int(a, "__round__"));
  if (a.count < 2 || a[1].is_none()) return v;
  int64_t ndigits = index_value(a[1]);
  if (ndigits >= 0) return v;
  // Round half to even at 10**-ndigits.
  Mpz x, unit, q, r, twice;
  int_to_mpz(v, x.v);
  mpz_ui_pow_ui(unit.v, 10, static_cast<unsigned long>(-ndigits));
  mpz_fdiv_qr(q.v, r.v, x.v, unit.v);
  mpz_mul_2exp(twice.v, r.v, 1);
  int c = mpz_cmp(twice.v, unit.v);
  if (c > 0 || (c == 0 && mpz_odd_p(q.v))) mpz_add_ui(q.v, q.v, 1);
  mpz_mul(q.v, q.v, unit.v);
  return make_int(q.v);
}
Value int_get_self(Value self) { return as_plain_int(self); }
Value int_get_zero(Value) { return Value::small_int(0); }
Value int_get_one(Value) { return Value::small_int(1); }

Value bool_format(const CallArgs& a) {
  check_arg_count(a, "__format__", 2, 2);
  if (type_of(a[1]) == types().str && a[1].as<Str>()->data.empty()) return to_str(a[0]);
  Value plain = Value::small_int(is_truthy(a[0]) ? 1 : 0);
  Value args[2] = {plain, a[1]};
  return int_format(CallArgs{args, 2});
}

template <uint32_t Op>
Value bool_logic(const CallArgs& a) {
  if (a[0].is_bool() && a[1].is_bool()) {
    bool x = a[0].is_true(), y = a[1].is_true();
    return Value::boolean(Op == kAnd ? (x && y) : Op == kOr ? (x || y) : (x != y));
  }
  return int_binary<Op, false>(a);
}

}  // namespace

Value int_parse(std::string_view text, int base) { return parse_int(text, base); }

void install_int_methods() {
  Type* t = types().int_;
  t->construct = int_construct;
  add_method(t, "__repr__", int_repr);
  add_method(t, "__format__", int_format);
  add_method(t, "__hash__", int_hash);
  add_method(t, "__bool__", int_bool);
  add_method(t, "__int__", int_int);
  add_method(t, "__index__", int_int);
  add_method(t, "__trunc__", int_int);
  add_method(t, "__floor__", int_int);
  add_method(t, "__ceil__", int_int);
  add_method(t, "__float__", int_float);
  add_method(t, "__neg__", int_neg);
  add_method(t, "__pos__", int_pos);
  add_method(t, "__abs__", int_abs);
  add_method(t, "__invert__", int_invert);
  add_method(t, "__round__", int_round);
#define GILVM_INT_BINARY(op)                                      \
  add_method(t, binary_op_dunder(op), int_binary<op, false>);     \
  add_method(t, binary_op_rdunder(op), int_binary<op, true>);
  GILVM_INT_BINARY(kAdd)
  GILVM_INT_BINARY(kSub)
  GILVM_INT_BINARY(kMul)
  GILVM_INT_BINARY(kTrueDiv)
  GILVM_INT_BINARY(kFloorDiv)
  GILVM_INT_BINARY(kMod)
  GILVM_INT_BINARY(kPow)
  GILVM_INT_BINARY(kLShift)
  GILVM_INT_BINARY(kRShift)
  GILVM_INT_BINARY(kAnd)
  GILVM_INT_BINARY(kOr)
  GILVM_INT_BINARY(kXor)
#undef GILVM_INT_BINARY
  add_method(t, "__lt__", int_compare<kLt>);
  add_method(t, "__le__", int_compare<kLe>);
  add_method(t, "__eq__", int_compare<kEq>);
  add_method(t, "__ne__", int_compare<kNe>);
  add_method(t, "__gt__", int_compare<kGt>);
  add_method(t, "__ge__", int_compare<kGe>);
  add_method(t, "bit_length", int_bit_length);
  add_method(t, "bit_count", int_bit_count);
  add_method(t, "conjugate", int_conjugate);
  add_method(t, "as_integer_ratio", int_as_integer_ratio);
  install_int_bytes_methods();
  add_getset(t, "real", int_get_self);
  add_getset(t, "numerator", int_get_self);
  add_getset(t, "imag", int_get_zero);
  add_getset(t, "denominator", int_get_one);
  add_method(types().bool_, "__format__", bool_format);
  add_method(types().bool_, "__and__", bool_logic<kAnd>);
  add_method(types().bool_, "__or__", bool_logic<kOr>);
  add_method(types().bool_, "__xor__", bool_logic<kXor>);
  add_method(types().bool_, "__rand__", bool_logic<kAnd>);
  add_method(types().bool_, "__ror__", bool_logic<kOr>);
  add_method(types().bool_, "__rxor__", bool_logic<kXor>);
}

}  // namespace gilvm
