// float: construction (float(x), float(text)), arithmetic and comparison
// dunders, formatting, and the small methods.
#include <algorithm>
#include <cerrno>
#include <cfloat>
#include <cmath>

#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/number_ops.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/bytearray.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/text/float_format.hpp"
#include "vm/text/format_spec.hpp"

namespace gilvm {

Value int_parse(std::string_view text, int base);

namespace {

Value with_type(Type* type, double d) {
  if (type == types().float_) return make_float(d);
  return gc_new<Float>(type, d);
}

Value float_construct(Type* type, const CallArgs& args) {
  no_keywords(args, "float");
  check_arg_count(args, "float", 0, 1);
  if (args.count == 0) return with_type(type, 0.0);
  Value x = args[0];
  if (is_float(x)) return with_type(type, float_value(x));
  if (is_int_value(x)) return with_type(type, int_to_double(x));
  if (isinstance(x, types().str)) return with_type(type, text::parse_float(x.as<Str>()->data));
  if (type_of(x) == types().bytes) return with_type(type, text::parse_float(x.as<Bytes>()->data));
  if (type_of(x) == types().bytearray) return with_type(type, text::parse_float(x.as<ByteArray>()->data));
  Value m = lookup_in_mro(type_of(x), intern("__float__"));
  if (!m.is_null()) {
    Value r = call_method(x, "__float__", {});
    if (!is_float(r)) raise_type_error(type_name(x) + ".__float__ returned non-float (type " + type_name(r) + ")");
    return with_type(type, float_value(r));
  }
  if (!lookup_in_mro(type_of(x), intern("__index__")).is_null()) return with_type(type, to_double(x));
  std::string text;
  if (copy_buffer(x, &text)) return with_type(type, text::parse_float(text));  // memoryview, array
  raise_type_error("float() argument must be a string or a real number, not '" + type_name(x) + "'");
}

double self_float(const CallArgs& a, const char* name) {
  if (a.count == 0 || !is_float(a[0]))
    raise_type_error(std::string("descriptor '") + name + "' requires a 'float' object");
  return float_value(a[0]);
}

Value float_repr_method(const CallArgs& a) { return new_str(text::float_repr(self_float(a, "__repr__"))); }
Value float_format(const CallArgs& a) {
  double d = self_float(a, "__format__");
  check_arg_count(a, "__format__", 2, 2);
  if (type_of(a[1]) != types().str) raise_type_error("__format__() argument must be str, not " + type_name(a[1]));
  const std::string& spec = a[1].as<Str>()->data;
  if (spec.empty()) return to_str(a[0]);
  return new_str(text::format_float(d, spec));
}
Value float_hash(const CallArgs& a) {
  self_float(a, "__hash__");
  return make_int(number_hash(a[0]));
}
Value float_bool(const CallArgs& a) { return Value::boolean(self_float(a, "__bool__") != 0.0); }
Value float_int(const CallArgs& a) {
  double d = self_float(a, "__int__");
  if (std::isinf(d)) raise_overflow_error("cannot convert float infinity to integer");
  if (std::isnan(d)) raise_value_error("cannot convert float NaN to integer");
  double t = std::trunc(d);
  if (std::fabs(t) < 4e18) return make_int(static_cast<int64_t>(t));
  mpz_t z;
  mpz_init_set_d(z, t);
  Value r = make_int(z);
  mpz_clear(z);
  return r;
}
Value float_floor_ceil(const CallArgs& a, bool up) {
  double d = self_float(a, up ? "__ceil__" : "__floor__");
  double r = up ? std::ceil(d) : std::floor(d);
  Value args[1] = {make_float(r)};
  return float_int(CallArgs{args, 1});
}
Value float_floor(const CallArgs& a) { return float_floor_ceil(a, false); }
Value float_ceil(const CallArgs& a) { return float_floor_ceil(a, true); }
Value float_float(const CallArgs& a) { return make_float(self_float(a, "__float__")); }
Value float_neg(const CallArgs& a) { return make_float(-self_float(a, "__neg__")); }
Value float_pos(const CallArgs& a) { return make_float(self_float(a, "__pos__")); }
Value float_abs(const CallArgs& a) { return make_float(std::fabs(self_float(a, "__abs__"))); }
Value float_is_integer(const CallArgs& a) {
  double d = self_float(a, "is_integer");
  return Value::boolean(std::isfinite(d) && d == std::floor(d));
}
Value float_as_integer_ratio(const CallArgs& a) {
  double d = self_float(a, "as_integer_ratio");
  if (std::isinf(d)) raise_overflow_error("cannot convert Infinity to integer ratio");
  if (std::isnan(d)) raise_value_error("cannot convert NaN to integer ratio");
  int exponent;
  double mantissa = std::frexp(d, &exponent);
  for (int i = 0; i < 300 && mantissa != std::floor(mantissa); ++i) {
    mantissa *= 2.0;
    --exponent;
  }
  mpz_t num, den;
  mpz_init_set_d(num, mantissa);
  mpz_init_set_ui(den, 1);
  if (exponent > 0) mpz_mul_2exp(num, num, static_cast<unsigned long>(exponent));
  else mpz_mul_2exp(den, den, static_cast<unsigned long>(-exponent));
  Value r = new_tuple({make_int(num), make_int(den)});
  mpz_clears(num, den, nullptr);
  return r;
}
Value float_conjugate(const CallArgs& a) { return make_float(self_float(a, "conjugate")); }
Value float_get_real(Value self) { return make_float(float_value(self)); }
Value float_get_imag(Value) { return make_float(0.0); }

// float.hex(): "[-]0x1.<13 hex digits>p<signed exponent>", subnormals as
// 0x0.<digits>p-1022, as CPython writes them.
Value float_hex(const CallArgs& a) {
  double d = self_float(a, "hex");
  if (std::isnan(d)) return new_str("nan");
  if (std::isinf(d)) return new_str(d > 0 ? "inf" : "-inf");
  std::string out = std::signbit(d) ? "-0x" : "0x";
  if (d == 0.0) return new_str(out + "0.0p+0");
  int exponent;
  double mantissa = std::frexp(std::fabs(d), &exponent);
  // Normal numbers get a leading 1; subnormals keep the minimum exponent.
  int shift = 1 - std::max(DBL_MIN_EXP - exponent, 0);
  mantissa = std::ldexp(mantissa, shift);
  exponent -= shift;
  static const char kDigits[] = "0123456789abcdef";
  int digit = static_cast<int>(mantissa);
  mantissa -= digit;
  out.push_back(kDigits[digit]);
  out.push_back('.');
  for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; ++i) {
    mantissa *= 16.0;
    digit = static_cast<int>(mantissa);
    mantissa -= digit;
    out.push_back(kDigits[digit]);
  }
  out += exponent < 0 ? "p-" : "p+";
  out += std::to_string(std::abs(exponent));
  return new_str(std::move(out));
}

// float.fromhex(text): [sign] [0x] hexdigits [. hexdigits] [p [sign] digits],
// or inf/infinity/nan, with surrounding whitespace. The C library's strtod
// rounds a hexadecimal mantissa correctly (half to even), as CPython does.
Value float_fromhex(const CallArgs& a) {
  check_arg_count(a, "fromhex", 2, 2);
  Type* cls = a[0].as<Type>();
  if (!isinstance(a[1], types().str))
    raise_type_error("bad argument type for built-in operation");
  const std::string& text = a[1].as<Str>()->data;
  auto invalid = [] { raise_value_error("invalid hexadecimal floating-point string"); };
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
  size_t pos = 0, end = text.size();
  while (pos < end && space(text[pos])) ++pos;
  while (end > pos && space(text[end - 1])) --end;
  bool negative = false;
  if (pos < end && (text[pos] == '+' || text[pos] == '-')) negative = text[pos++] == '-';
  std::string rest;
  for (size_t i = pos; i < end; ++i) rest.push_back(lower(text[i]));
  double value;
  if (rest == "inf" || rest == "infinity") {
    value = HUGE_VAL;
  } else if (rest == "nan") {
    value = std::nan("");
  } else {
    size_t i = 0;
    if (rest.size() >= 2 && rest[0] == '0' && rest[1] == 'x') i = 2;
    std::string normalized = "0x";
    size_t digits = 0;
    auto hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
    while (i < rest.size() && hex(rest[i])) normalized.push_back(rest[i++]), ++digits;
    if (i < rest.size() && rest[i] == '.') {
      normalized.push_back(rest[i++]);
      while (i < rest.size() && hex(rest[i])) normalized.push_back(rest[i++]), ++digits;
    }
    if (digits == 0) invalid();
    normalized.push_back('p');
    if (i < rest.size() && rest[i] == 'p') {
      ++i;
      if (i < rest.size() && (rest[i] == '+' || rest[i] == '-')) normalized.push_back(rest[i++]);
      size_t exponent_digits = 0;
      while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') normalized.push_back(rest[i++]), ++exponent_digits;
      if (exponent_digits == 0) invalid();
    } else {
      normalized.push_back('0');
    }
    if (i != rest.size()) invalid();
    errno = 0;
    value = std::strtod(normalized.c_str(), nullptr);
    if (std::isinf(value)) raise_overflow_error("hexadecimal value too large to represent as a float");
  }
  if (negative) value = -value;
  if (cls == types().float_) return make_float(value);
  return call(cls, {make_float(value)});
}

template <uint32_t Op, bool Reflected>
Value float_binary(const CallArgs& a) {
  check_arg_count(a, binary_op_dunder(Op), 2, 2);
  if (!is_number(a[1])) return not_implemented();
  return Reflected ? float_binary_op(a[1], a[0], Op) : float_binary_op(a[0], a[1], Op);
}

template <uint32_t Cmp>
Value float_compare(const CallArgs& a) {
  check_arg_count(a, "comparison", 2, 2);
  if (!is_number(a[1])) return not_implemented();
  int c = number_compare(a[0], a[1]);
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

}  // namespace

void install_float_methods() {
  Type* t = types().float_;
  t->construct = float_construct;
  add_method(t, "__repr__", float_repr_method);
  add_method(t, "__format__", float_format);
  add_method(t, "__hash__", float_hash);
  add_method(t, "__bool__", float_bool);
  add_method(t, "__int__", float_int);
  add_method(t, "__trunc__", float_int);
  add_method(t, "__floor__", float_floor);
  add_method(t, "__ceil__", float_ceil);
  add_method(t, "__float__", float_float);
  add_method(t, "__neg__", float_neg);
  add_method(t, "__pos__", float_pos);
  add_method(t, "__abs__", float_abs);
  add_method(t, "is_integer", float_is_integer);
  add_method(t, "as_integer_ratio", float_as_integer_ratio);
  add_method(t, "conjugate", float_conjugate);
  add_method(t, "hex", float_hex);
  add_class_method(t, "fromhex", float_fromhex);
  add_getset(t, "real", float_get_real);
  add_getset(t, "imag", float_get_imag);
#define GILVM_FLOAT_BINARY(op)                                      \
  add_method(t, binary_op_dunder(op), float_binary<op, false>);     \
  add_method(t, binary_op_rdunder(op), float_binary<op, true>);
  GILVM_FLOAT_BINARY(kAdd)
  GILVM_FLOAT_BINARY(kSub)
  GILVM_FLOAT_BINARY(kMul)
  GILVM_FLOAT_BINARY(kTrueDiv)
  GILVM_FLOAT_BINARY(kFloorDiv)
  GILVM_FLOAT_BINARY(kMod)
  GILVM_FLOAT_BINARY(kPow)
#undef GILVM_FLOAT_BINARY
  add_method(t, "__lt__", float_compare<kLt>);
  add_method(t, "__le__", float_compare<kLe>);
  add_method(t, "__eq__", float_compare<kEq>);
  add_method(t, "__ne__", float_compare<kNe>);
  add_method(t, "__gt__", float_compare<kGt>);
  add_method(t, "__ge__", float_compare<kGe>);
}

}  // namespace gilvm
