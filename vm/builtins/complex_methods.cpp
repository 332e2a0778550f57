// complex: construction (numbers, strings, __complex__), arithmetic with
// int, float and complex, comparison, hashing, repr and format.
//
// Binary dunders accept int, float and complex operands and return
// NotImplemented for anything else, so int and float (whose own dunders
// decline complex) reach complex's reflected methods through the ordinary
// protocol in vm/ops.cpp. complex has no floor division, modulo, divmod,
// ordering, int() or float(), as in CPython 3.11, so those report the
// protocol's own TypeErrors.
#include <cerrno>
#include <cmath>
#include <limits>

#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/native_warnings.hpp"
#include "vm/number_ops.hpp"
#include "vm/objects/complex.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/text/float_format.hpp"
#include "vm/text/format_spec.hpp"
#include "vm/text/repr.hpp"
#include "vm/text/unicode_props.hpp"
#include "vm/text/utf8.hpp"
#include "vm/types.hpp"

namespace gilvm {

Type* g_complex_type = nullptr;

Value make_complex(CComplex v) { return gc_new<Complex>(complex_type(), v); }
Value make_complex(Type* type, CComplex v) { return gc_new<Complex>(type, v); }
bool is_complex(Value v) { return type_of(v)->is_subtype_of(complex_type()); }

CComplex complex_multiply(CComplex a, CComplex b) {
  return {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

// Smith's algorithm: scale by the larger part of the divisor so that the
// intermediate products neither overflow nor underflow needlessly.
CComplex complex_divide(CComplex a, CComplex b) {
  const double abs_real = std::fabs(b.real);
  const double abs_imag = std::fabs(b.imag);
  if (abs_real >= abs_imag) {
    if (abs_real == 0.0) raise_zero_division("complex division by zero");
    const double ratio = b.imag / b.real;
    const double denominator = b.real + b.imag * ratio;
    return {(a.real + a.imag * ratio) / denominator, (a.imag - a.real * ratio) / denominator};
  }
  if (abs_imag >= abs_real) {
    const double ratio = b.real / b.imag;
    const double denominator = b.real * ratio + b.imag;
    return {(a.real * ratio + a.imag) / denominator, (a.imag * ratio - a.real) / denominator};
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();  // a NaN part in the divisor
  return {nan, nan};
}

namespace {

// x ** n for a natural n by squaring, in CPython's order of operations.
CComplex power_unsigned(CComplex x, long n) {
  CComplex result{1.0, 0.0};
  CComplex square = x;
  for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
    if (n & mask) result = complex_multiply(result, square);
    square = complex_multiply(square, square);
  }
  return result;
}

}  // namespace

CComplex complex_power(CComplex a, CComplex b) {
  CComplex r;
  bool domain_error = false;
  if (b.imag == 0.0 && b.real == std::floor(b.real) && std::fabs(b.real) <= 100.0) {
    long n = static_cast<long>(b.real);
    if (n > 0) {
      r = power_unsigned(a, n);
    } else {
      CComplex d = power_unsigned(a, -n);
      if (d.real == 0.0 && d.imag == 0.0) domain_error = true;
      else r = complex_divide({1.0, 0.0}, d);
    }
  } else if (b.real == 0.0 && b.imag == 0.0) {
    r = {1.0, 0.0};
  } else if (a.real == 0.0 && a.imag == 0.0) {
    if (b.imag != 0.0 || b.real < 0.0) domain_error = true;
    r = {0.0, 0.0};
  } else {
    const double magnitude = std::hypot(a.real, a.imag);
    double length = std::pow(magnitude, b.real);
    const double angle = std::atan2(a.imag, a.real);
    double phase = angle * b.real;
    if (b.imag != 0.0) {
      length /= std::exp(angle * b.imag);
      phase += b.imag * std::log(magnitude);
    }
    r = {length * std::cos(phase), length * std::sin(phase)};
  }
  if (domain_error) raise_zero_division("0.0 to a negative or complex power");
  if (std::isinf(r.real) || std::isinf(r.imag)) raise_overflow_error("complex exponentiation");
  return r;
}

double complex_abs(CComplex z) {
  // C99: an infinite part makes the modulus infinite even beside a NaN.
  if (std::isinf(z.real)) return std::fabs(z.real);
  if (std::isinf(z.imag)) return std::fabs(z.imag);
  if (std::isnan(z.real) || std::isnan(z.imag)) return std::numeric_limits<double>::quiet_NaN();
  double r = std::hypot(z.real, z.imag);
  if (std::isinf(r)) raise_overflow_error("absolute value too large");
  return r;
}

namespace {

// One part of a repr: shortest round-trip digits, without the ".0" a float
// repr would add; `always_sign` writes '+' before a non-negative part.
void append_part(std::string& out, double x, bool always_sign) {
  bool negative = std::signbit(x) && !std::isnan(x);
  if (negative) out.push_back('-');
  else if (always_sign) out.push_back('+');
  std::string digits = text::float_repr(std::fabs(x));
  if (digits.size() > 2 && digits.ends_with(".0")) digits.resize(digits.size() - 2);
  out += digits;
}

}  // namespace

std::string complex_repr(CComplex z) {
  std::string out;
  if (z.real == 0.0 && !std::signbit(z.real)) {
    append_part(out, z.imag, false);
    out.push_back('j');
    return out;
  }
  out.push_back('(');
  append_part(out, z.real, false);
  append_part(out, z.imag, true);
  out += "j)";
  return out;
}

namespace {

[[noreturn]] void malformed() { raise_value_error("complex() arg is a malformed string"); }

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool starts_with_word(std::string_view text, size_t pos, std::string_view word) {
  if (text.size() - pos < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (lower(text[pos + i]) != word[i]) return false;
  return true;
}

// Reads the longest float at `pos` (what CPython's PyOS_string_to_double
// accepts: decimal digits with an optional point and exponent, inf,
// infinity or nan, with an optional sign); false, with `pos` unchanged,
// when none starts there.
bool read_float(std::string_view text, size_t& pos, double* out) {
  size_t p = pos;
  bool negative = false;
  if (p < text.size() && (text[p] == '+' || text[p] == '-')) negative = text[p++] == '-';
  double value;
  if (starts_with_word(text, p, "infinity")) {
    p += 8;
    value = std::numeric_limits<double>::infinity();
  } else if (starts_with_word(text, p, "inf")) {
    p += 3;
    value = std::numeric_limits<double>::infinity();
  } else if (starts_with_word(text, p, "nan")) {
    p += 3;
    value = std::numeric_limits<double>::quiet_NaN();
  } else {
    size_t digits_start = p;
    size_t digit_count = 0;
    while (p < text.size() && is_digit(text[p])) ++p, ++digit_count;
    if (p < text.size() && text[p] == '.') {
      ++p;
      while (p < text.size() && is_digit(text[p])) ++p, ++digit_count;
    }
    if (digit_count == 0) return false;
    if (p < text.size() && (text[p] == 'e' || text[p] == 'E')) {
      size_t q = p + 1;
      if (q < text.size() && (text[q] == '+' || text[q] == '-')) ++q;
      if (q < text.size() && is_digit(text[q])) {
        while (q < text.size() && is_digit(text[q])) ++q;
        p = q;
      }
    }
    std::string number(text.substr(digits_start, p - digits_start));
    value = std::strtod(number.c_str(), nullptr);
  }
  *out = negative ? -value : value;
  pos = p;
  return true;
}

// Drops the underscores of a numeric literal; each must stand between two
// digits, as in CPython's _Py_string_to_number_with_underscores.
std::string without_underscores(std::string_view text, std::string_view original) {
  std::string clean;
  clean.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '_') {
      clean.push_back(text[i]);
      continue;
    }
    if (i == 0 || i + 1 == text.size() || !is_digit(text[i - 1]) || !is_digit(text[i + 1]))
      raise_value_error("could not convert string to complex: " + text::repr_str(original));
  }
  return clean;
}

// As CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode digits
// become ASCII digits, Unicode spaces ' ', anything else non-ASCII '?'.
std::string ascii_text(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t pos = 0; pos < utf8.size();) {
    char32_t cp = text::decode_utf8(utf8, pos);
    if (cp < 128) out.push_back(static_cast<char>(cp));
    else if (text::is_space(cp)) out.push_back(' ');
    else if (int digit = text::decimal_value(cp); digit >= 0) out.push_back(static_cast<char>('0' + digit));
    else out.push_back('?');
  }
  return out;
}

}  // namespace

CComplex parse_complex(std::string_view original) {
  if (original.find('\0') != std::string_view::npos) malformed();
  std::string text = without_underscores(ascii_text(original), original);
  size_t pos = 0;
  while (pos < text.size() && is_space(text[pos])) ++pos;
  bool bracket = pos < text.size() && text[pos] == '(';
  if (bracket) {
    ++pos;
    while (pos < text.size() && is_space(text[pos])) ++pos;
  }
  auto at = [&](size_t p) { return p < text.size() ? text[p] : '\0'; };
  CComplex z;
  double first;
  if (read_float(text, pos, &first)) {
    char c = at(pos);
    if (c == '+' || c == '-') {
      z.real = first;
      if (!read_float(text, pos, &z.imag)) {
        z.imag = c == '+' ? 1.0 : -1.0;
        ++pos;
      }
      if (at(pos) != 'j' && at(pos) != 'J') malformed();
      ++pos;
    } else if (c == 'j' || c == 'J') {
      z.imag = first;
      ++pos;
    } else {
      z.real = first;
    }
  } else {
    char c = at(pos);
    if (c == '+' || c == '-') {
      z.imag = c == '+' ? 1.0 : -1.0;
      ++pos;
    } else {
      z.imag = 1.0;
    }
    if (at(pos) != 'j' && at(pos) != 'J') malformed();
    ++pos;
  }
  while (pos < text.size() && is_space(text[pos])) ++pos;
  if (bracket) {
    if (at(pos) != ')') malformed();
    ++pos;
    while (pos < text.size() && is_space(text[pos])) ++pos;
  }
  if (pos != text.size()) malformed();
  return z;
}

namespace {

// The result of x.__complex__(), which must be a complex.
Value call_dunder_complex(Value x) {
  Value r = call_method(x, "__complex__", {});
  if (!is_complex(r)) raise_type_error("__complex__ returned non-complex (type " + type_name(r) + ")");
  if (type_of(r) != complex_type())
    warn_from_native("DeprecationWarning",
                     "__complex__ returned non-complex (type " + type_name(r) +
                         ").  The ability to return an instance of a strict subclass of complex is deprecated, "
                         "and may be removed in a future version of Python.");
  return r;
}

bool has_number_slot(Value x) {
  Type* t = type_of(x);
  return is_complex(x) || !lookup_in_mro(t, names().__float__).is_null() ||
         !lookup_in_mro(t, names().__index__).is_null();
}

}  // namespace

CComplex to_ccomplex(Value v) {
  if (is_complex(v)) return complex_value(v);
  Value m = lookup_in_mro(type_of(v), intern("__complex__"));
  if (!m.is_null()) return complex_value(call_dunder_complex(v));
  return {to_double(v), 0.0};
}

namespace {

Value complex_construct(Type* type, const CallArgs& args) {
  for (size_t k = 0; k < args.kw_count(); ++k) {
    const std::string& name = args.kwnames->items[k].as<Str>()->data;
    if (name != "real" && name != "imag") raise_type_error("'" + name + "' is an invalid keyword argument for complex()");
  }
  ArgParser p(args, "complex", {"real", "imag"}, 0, false);
  Value r = p.get(0, Value::small_int(0));
  Value i = p.get(1);
  if (type == complex_type() && type_of(r) == complex_type() && i.is_null()) return r;
  if (isinstance(r, types().str)) {
    if (!i.is_null()) raise_type_error("complex() can't take second arg if first is a string");
    return make_complex(type, parse_complex(r.as<Str>()->data));
  }
  if (!i.is_null() && isinstance(i, types().str)) raise_type_error("complex() second arg can't be a string");
  Value m = lookup_in_mro(type_of(r), intern("__complex__"));
  if (!m.is_null() && !is_complex(r)) r = call_dunder_complex(r);
  if (!has_number_slot(r))
    raise_type_error("complex() first argument must be a string or a number, not '" + type_name(r) + "'");
  if (!i.is_null() && !has_number_slot(i))
    raise_type_error("complex() second argument must be a number, not '" + type_name(i) + "'");
  CComplex real_part = is_complex(r) ? complex_value(r) : CComplex{to_double(r), 0.0};
  CComplex imag_part;
  if (i.is_null()) imag_part.real = real_part.imag;
  else imag_part = is_complex(i) ? complex_value(i) : CComplex{to_double(i), 0.0};
  // (a+bj) + (c+dj)*1j: the parts may themselves be complex.
  if (!i.is_null() && is_complex(i)) real_part.real -= imag_part.imag;
  if (!i.is_null() && is_complex(r)) imag_part.real += real_part.imag;
  return make_complex(type, {real_part.real, imag_part.real});
}

CComplex self_complex(const CallArgs& a, const char* name) {
  if (a.count == 0 || !is_complex(a[0]))
    raise_type_error(std::string("descriptor '") + name + "' requires a 'complex' object");
  return complex_value(a[0]);
}

// An operand of a binary dunder as complex; false when it is not a number
// complex arithmetic takes (the dunder then returns NotImplemented).
bool operand(Value v, CComplex* out) {
  if (is_complex(v)) *out = complex_value(v);
  else if (is_float(v)) *out = {float_value(v), 0.0};
  else if (is_int_value(v)) *out = {int_to_double(v), 0.0};
  else return false;
  return true;
}

CComplex arithmetic(CComplex a, CComplex b, uint32_t op) {
  switch (op) {
    case kAdd: return {a.real + b.real, a.imag + b.imag};
    case kSub: return {a.real - b.real, a.imag - b.imag};
    case kMul: return complex_multiply(a, b);
    case kTrueDiv: return complex_divide(a, b);
    default: return complex_power(a, b);
  }
}

template <uint32_t Op, bool Reflected>
Value complex_binary(const CallArgs& a) {
  CComplex self = self_complex(a, binary_op_dunder(Op));
  if (Op == kPow && a.count == 3 && !a[2].is_none()) raise_value_error("complex modulo");
  check_arg_count(a, binary_op_dunder(Op), 2, Op == kPow ? 3 : 2);
  CComplex other;
  if (!operand(a[1], &other)) return not_implemented();
  return make_complex(Reflected ? arithmetic(other, self, Op) : arithmetic(self, other, Op));
}

// == and != only; ordering is NotImplemented both ways, so `<` raises the
// protocol's TypeError.
template <bool Equal>
Value complex_equality(const CallArgs& a) {
  CComplex self = self_complex(a, Equal ? "__eq__" : "__ne__");
  check_arg_count(a, "comparison", 2, 2);
  Value other = a[1];
  bool equal;
  if (is_complex(other)) {
    CComplex o = complex_value(other);
    equal = self.real == o.real && self.imag == o.imag;
  } else if (is_float(other)) {
    equal = self.real == float_value(other) && self.imag == 0.0;
  } else if (is_int_value(other)) {
    // Exact: the int is compared with the real part as float == int does.
    equal = self.imag == 0.0 && number_compare(make_float(self.real), other) == 0;
  } else {
    return not_implemented();
  }
  return Value::boolean(equal == Equal);
}

Value complex_not_ordered(const CallArgs&) { return not_implemented(); }

Value complex_repr_method(const CallArgs& a) { return new_str(complex_repr(self_complex(a, "__repr__"))); }

Value complex_format(const CallArgs& a) {
  CComplex z = self_complex(a, "__format__");
  check_arg_count(a, "__format__", 2, 2);
  if (!isinstance(a[1], types().str)) raise_type_error("__format__() argument must be str, not " + type_name(a[1]));
  const std::string& spec = a[1].as<Str>()->data;
  if (spec.empty()) return to_str(a[0]);
  return new_str(text::format_complex(z.real, z.imag, spec));
}

// hash(real) + 1000003 * hash(imag) in unsigned 64-bit arithmetic, as
// CPython combines them: a zero imaginary part leaves the float's hash.
Value complex_hash(const CallArgs& a) {
  CComplex z = self_complex(a, "__hash__");
  auto part_hash = [&](double d) -> uint64_t {
    if (std::isnan(d)) return static_cast<uint64_t>(reinterpret_cast<uintptr_t>(a[0].object()) >> 4);
    return static_cast<uint64_t>(number_hash(make_float(d)));
  };
  uint64_t combined = part_hash(z.real) + 1000003ULL * part_hash(z.imag);
  int64_t h = static_cast<int64_t>(combined);
  return make_int(h == -1 ? -2 : h);
}

Value complex_bool(const CallArgs& a) {
  CComplex z = self_complex(a, "__bool__");
  return Value::boolean(z.real != 0.0 || z.imag != 0.0);
}
Value complex_neg(const CallArgs& a) {
  CComplex z = self_complex(a, "__neg__");
  return make_complex({-z.real, -z.imag});
}
Value complex_pos(const CallArgs& a) {
  CComplex z = self_complex(a, "__pos__");
  return type_of(a[0]) == complex_type() ? a[0] : make_complex(z);
}
Value complex_abs_method(const CallArgs& a) { return make_float(complex_abs(self_complex(a, "__abs__"))); }
Value complex_conjugate(const CallArgs& a) {
  CComplex z = self_complex(a, "conjugate");
  return make_complex({z.real, -z.imag});
}
Value complex_complex(const CallArgs& a) {
  CComplex z = self_complex(a, "__complex__");
  return type_of(a[0]) == complex_type() ? a[0] : make_complex(z);
}
Value complex_getnewargs(const CallArgs& a) {
  CComplex z = self_complex(a, "__getnewargs__");
  return new_tuple({make_float(z.real), make_float(z.imag)});
}
// (type, (real, imag)): what copy and pickle rebuild a complex from. CPython
// gets there through __getnewargs__ and copyreg; the result is the same.
Value complex_reduce(const CallArgs& a) {
  CComplex z = self_complex(a, "__reduce__");
  return new_tuple({type_of(a[0]), new_tuple({make_float(z.real), make_float(z.imag)})});
}
Value complex_get_real(Value self) { return make_float(complex_value(self).real); }
Value complex_get_imag(Value self) { return make_float(complex_value(self).imag); }
// real and imag are read-only members in CPython, whose message this is.
void complex_set_part(Value, Value) { raise_attribute_error("readonly attribute"); }

}  // namespace

void install_complex_methods() {
  Type* t = complex_type();
  t->construct = complex_construct;
  add_method(t, "__repr__", complex_repr_method);
  add_method(t, "__format__", complex_format);
  add_method(t, "__hash__", complex_hash);
  add_method(t, "__bool__", complex_bool);
  add_method(t, "__neg__", complex_neg);
  add_method(t, "__pos__", complex_pos);
  add_method(t, "__abs__", complex_abs_method);
  add_method(t, "__complex__", complex_complex);
  add_method(t, "__getnewargs__", complex_getnewargs);
  add_method(t, "__reduce__", complex_reduce);
  add_method(t, "conjugate", complex_conjugate);
  add_getset(t, "real", complex_get_real, complex_set_part);
  add_getset(t, "imag", complex_get_imag, complex_set_part);
#define GILVM_COMPLEX_BINARY(op)                                  \
  add_method(t, binary_op_dunder(op), complex_binary<op, false>); \
  add_method(t, binary_op_rdunder(op), complex_binary<op, true>);
  GILVM_COMPLEX_BINARY(kAdd)
  GILVM_COMPLEX_BINARY(kSub)
  GILVM_COMPLEX_BINARY(kMul)
  GILVM_COMPLEX_BINARY(kTrueDiv)
  GILVM_COMPLEX_BINARY(kPow)
#undef GILVM_COMPLEX_BINARY
  add_method(t, "__eq__", complex_equality<true>);
  add_method(t, "__ne__", complex_equality<false>);
  for (const char* name : {"__lt__", "__le__", "__gt__", "__ge__"}) add_method(t, name, complex_not_ordered);
}

}  // namespace gilvm
