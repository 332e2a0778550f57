// Number built-ins: abs, round, divmod, pow, hex, bin, oct, chr, ord.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "stdlib/builtins/common.hpp"
#include "vm/objects/bytearray.hpp"
#include "vm/objects/number.hpp"
#include "vm/opcodes.hpp"

namespace gilvm::builtins_impl {
namespace {

// RAII for a GMP integer.
bool is_exact_int(Value v) { return v.is_small_int() || v.is_bool() || type_of(v) == types().int_; }
double float_of(Value v) { return float_value(v); }

Value builtin_abs(const CallArgs& a) {
  check_one_arg(a, "abs");
  return absolute(a[0]);
}

// ---------------------------------------------------------------- round

// Rounds the rational `q` to the nearest integer, ties to even.
void round_half_even(mpq_t q, mpz_t out) {
  mpz_t rem;
  mpz_init(rem);
  mpz_fdiv_qr(out, rem, mpq_numref(q), mpq_denref(q));  // q = out + rem/den, 0 <= rem < den
  mpz_mul_2exp(rem, rem, 1);
  int c = mpz_cmp(rem, mpq_denref(q));
  if (c > 0 || (c == 0 && mpz_odd_p(out))) mpz_add_ui(out, out, 1);
  mpz_clear(rem);
}

Value float_to_int_value(double x) {
  if (std::isnan(x)) raise_value_error("cannot convert float NaN to integer");
  if (std::isinf(x)) raise_overflow_error("cannot convert float infinity to integer");
  Mpz r;
  mpz_set_d(r.v, x);
  return r.value();
}

Value round_float(double x, Value ndigits) {
  if (ndigits.is_null()) return float_to_int_value(std::nearbyint(x));
  Value nd_value = to_int_index(ndigits);
  int64_t nd;
  if (!int_to_int64(nd_value, &nd)) {
    nd = is_truthy(compare(nd_value, Value::small_int(0), kGt)) ? INT64_MAX : INT64_MIN;
  }
  if (!std::isfinite(x) || x == 0.0) return make_float(x);
  if (nd > 400) return make_float(x);
  if (nd < -400) return make_float(std::copysign(0.0, x));
  double result;
  if (nd >= 0) {
    std::string buf(512, '\0');
    int n = std::snprintf(buf.data(), buf.size(), "%.*f", static_cast<int>(nd), x);
    if (n >= static_cast<int>(buf.size())) {
      buf.resize(n + 1);
      std::snprintf(buf.data(), buf.size(), "%.*f", static_cast<int>(nd), x);
    }
    result = std::strtod(buf.c_str(), nullptr);
  } else {
    mpq_t q;
    mpq_init(q);
    mpq_set_d(q, x);
    Mpz scale;
    mpz_ui_pow_ui(scale.v, 10, static_cast<unsigned long>(-nd));
    mpz_mul(mpq_denref(q), mpq_denref(q), scale.v);
    mpq_canonicalize(q);
    Mpz rounded;
    round_half_even(q, rounded.v);
    mpq_clear(q);
    mpz_mul(rounded.v, rounded.v, scale.v);
    char* text = mpz_get_str(nullptr, 10, rounded.v);
    result = std::strtod(text, nullptr);
    void (*free_fn)(void*, size_t);
    mp_get_memory_functions(nullptr, nullptr, &free_fn);
    free_fn(text, std::strlen(text) + 1);
    if (mpz_sgn(rounded.v) == 0) result = std::copysign(0.0, x);
  }
  if (std::isinf(result)) raise_overflow_error("rounded value too large to represent");
  return make_float(result);
}

Value round_int(Value x, Value ndigits) {
  Value as_int = to_int_index(x);
  if (ndigits.is_null()) return as_int;
  Value nd_value = to_int_index(ndigits);
  int64_t nd;
  if (!int_to_int64(nd_value, &nd)) {
    if (is_truthy(compare(nd_value, Value::small_int(0), kGt))) return as_int;
    return Value::small_int(0);
  }
  if (nd >= 0) return as_int;
  Mpz v(as_int);
  if (nd < -100000) {
    // 10**-nd exceeds any int that fits in memory here; the result is 0.
    return Value::small_int(0);
  }
  Mpz scale;
  mpz_ui_pow_ui(scale.v, 10, static_cast<unsigned long>(-nd));
  mpq_t q;
  mpq_init(q);
  mpq_set_num(q, v.v);
  mpq_set_den(q, scale.v);
  mpq_canonicalize(q);
  Mpz rounded;
  round_half_even(q, rounded.v);
  mpq_clear(q);
  mpz_mul(rounded.v, rounded.v, scale.v);
  return rounded.value();
}

Value builtin_round(const CallArgs& a) {
  Value args[2];
  parse_args(a, "round", {"number", "ndigits"}, 1, args);
  Value x = args[0];
  Value nd = args[1].is_none() ? Value::null() : args[1];
  Type* t = type_of(x);
  if (t == types().float_) return round_float(float_of(x), nd);
  if (t == types().int_ || t == types().bool_) return round_int(x, nd);
  Value method = lookup_special(x, "__round__");
  if (method.is_null()) raise_type_error("type " + t->name + " doesn't define __round__ method");
  if (nd.is_null()) return call(method, {x});
  return call(method, {x, nd});
}

// ---------------------------------------------------------------- divmod

Value float_divmod(double vx, double wx) {
  if (wx == 0.0) raise_zero_division("float divmod()");
  double mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod != 0.0) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, wx);
  }
  double floordiv;
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
  return Value(new_tuple({make_float(floordiv), make_float(mod)}));
}

Value builtin_divmod(const CallArgs& a) {
  check_positional(a, "divmod", 2, 2);
  Value x = a[0], y = a[1];
  if (is_exact_int(x) && is_exact_int(y)) {
    if (y.is_small_int() ? y.small_int_value() == 0 : (y.is_false()))
      raise_zero_division("integer division or modulo by zero");
    if (x.is_small_int() && y.is_small_int()) {
      int64_t p = x.small_int_value(), q = y.small_int_value();
      int64_t d = p / q, m = p % q;
      if (m != 0 && ((m < 0) != (q < 0))) {
        m += q;
        d -= 1;
      }
      return Value(new_tuple({make_int(d), make_int(m)}));
    }
    Mpz p(x), q(y), d, m;
    if (mpz_sgn(q.v) == 0) raise_zero_division("integer division or modulo by zero");
    mpz_fdiv_qr(d.v, m.v, p.v, q.v);
    return Value(new_tuple({d.value(), m.value()}));
  }
  bool x_num = is_exact_int(x) || type_of(x) == types().float_;
  bool y_num = is_exact_int(y) || type_of(y) == types().float_;
  if (x_num && y_num) return float_divmod(to_double(x), to_double(y));
  Value method = lookup_special(x, "__divmod__");
  if (!method.is_null()) {
    Value r = call(method, {x, y});
    if (!r.is(not_implemented())) return r;
  }
  if (type_of(x) != type_of(y)) {
    Value rmethod = lookup_special(y, "__rdivmod__");
    if (!rmethod.is_null()) {
      Value r = call(rmethod, {y, x});
      if (!r.is(not_implemented())) return r;
    }
  }
  raise_type_error("unsupported operand type(s) for divmod(): '" + type_name(x) + "' and '" + type_name(y) + "'");
}

// ---------------------------------------------------------------- pow

Value builtin_pow(const CallArgs& a) {
  Value args[3];
  parse_args(a, "pow", {"base", "exp", "mod"}, 2, args);
  Value base = args[0], exp = args[1], mod = args[2];
  if (mod.is_null() || mod.is_none()) return binary_op(base, exp, kPow);
  if (is_int_value(base) && is_int_value(exp) && is_int_value(mod)) {
    Mpz b(base), e(exp), m(mod), r;
    if (mpz_sgn(m.v) == 0) raise_value_error("pow() 3rd argument cannot be 0");
    bool negative_mod = mpz_sgn(m.v) < 0;
    mpz_abs(m.v, m.v);
    if (mpz_sgn(e.v) < 0) {
      if (mpz_invert(b.v, b.v, m.v) == 0) raise_value_error("base is not invertible for the given modulus");
      mpz_neg(e.v, e.v);
    }
    mpz_powm(r.v, b.v, e.v, m.v);  // 0 <= r < |m|
    if (negative_mod && mpz_sgn(r.v) != 0) mpz_sub(r.v, r.v, m.v);
    return r.value();
  }
  auto numeric = [](Value v) { return is_int_value(v) || isinstance(v, types().float_); };
  if (numeric(base) && numeric(exp) && numeric(mod))
    raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
  if (!numeric(base)) {
    Value method = lookup_special(base, "__pow__");
    if (!method.is_null()) {
      Value r = call(method, {base, exp, mod});
      if (!r.is(not_implemented())) return r;
    }
  }
  raise_type_error("unsupported operand type(s) for ** or pow(): '" + type_name(base) + "', '" + type_name(exp) +
                   "', '" + type_name(mod) + "'");
}

// ---------------------------------------------------------------- hex, bin, oct

Value int_to_base(const CallArgs& a, const char* fname, int base, const char* prefix) {
  check_one_arg(a, fname);
  Value v = to_int_index(a[0]);
  std::string digits;
  bool negative;
  if (v.is_small_int()) {
    int64_t n = v.small_int_value();
    negative = n < 0;
    uint64_t u = negative ? uint64_t(0) - uint64_t(n) : uint64_t(n);
    do {
      digits.push_back("0123456789abcdef"[u % base]);
      u /= base;
    } while (u != 0);
    digits.assign(digits.rbegin(), digits.rend());
  } else {
    Mpz z(v);
    negative = mpz_sgn(z.v) < 0;
    mpz_abs(z.v, z.v);
    digits.resize(mpz_sizeinbase(z.v, base) + 2);
    mpz_get_str(digits.data(), base, z.v);
    digits.resize(std::strlen(digits.c_str()));
  }
  return new_str_value((negative ? "-" : "") + std::string(prefix) + digits);
}

Value builtin_hex(const CallArgs& a) { return int_to_base(a, "hex", 16, "0x"); }
Value builtin_bin(const CallArgs& a) { return int_to_base(a, "bin", 2, "0b"); }
Value builtin_oct(const CallArgs& a) { return int_to_base(a, "oct", 8, "0o"); }

// ---------------------------------------------------------------- chr, ord

Value builtin_chr(const CallArgs& a) {
  check_one_arg(a, "chr");
  Value v = to_int_index(a[0]);
  int64_t cp;
  if (!int_to_int64(v, &cp) || cp < INT32_MIN || cp > INT32_MAX)
    raise_overflow_error("Python int too large to convert to C int");
  if (cp < 0 || cp > 0x10FFFF) raise_value_error("chr() arg not in range(0x110000)");
  return Value(str_from_code_point(static_cast<uint32_t>(cp)));
}

uint32_t decode_first_code_point(const std::string& s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  if (s.empty()) return 0;
  unsigned char c = p[0];
  if (c < 0x80) return c;
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  uint32_t cp = c & (0x3F >> extra);
  for (int i = 1; i <= extra && static_cast<size_t>(i) < s.size(); ++i) cp = (cp << 6) | (p[i] & 0x3F);
  return cp;
}

Value builtin_ord(const CallArgs& a) {
  check_one_arg(a, "ord");
  Value v = a[0];
  int64_t n;
  if (is_str(v)) {
    Str* s = as_str(v);
    n = s->length;
    if (n == 1) return Value::small_int(decode_first_code_point(s->data));
  } else if (isinstance(v, types().bytes)) {
    const std::string& d = v.as<Bytes>()->data;
    n = static_cast<int64_t>(d.size());
    if (n == 1) return Value::small_int(static_cast<unsigned char>(d[0]));
  } else if (isinstance(v, types().bytearray)) {
    const std::string& d = v.as<ByteArray>()->data;
    n = static_cast<int64_t>(d.size());
    if (n == 1) return Value::small_int(static_cast<unsigned char>(d[0]));
  } else {
    raise_type_error("ord() expected string of length 1, but " + type_name(v) + " found");
  }
  raise_type_error("ord() expected a character, but string of length " + std::to_string(n) + " found");
}

}  // namespace

void install_number_functions(Dict* builtins) {
  add_function(builtins, "abs", builtin_abs);
  add_function(builtins, "round", builtin_round);
  add_function(builtins, "divmod", builtin_divmod);
  add_function(builtins, "pow", builtin_pow);
  add_function(builtins, "hex", builtin_hex);
  add_function(builtins, "bin", builtin_bin);
  add_function(builtins, "oct", builtin_oct);
  add_function(builtins, "chr", builtin_chr);
  add_function(builtins, "ord", builtin_ord);
}

}  // namespace gilvm::builtins_impl
