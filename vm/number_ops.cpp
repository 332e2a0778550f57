#include "vm/number_ops.hpp"

#include <gmp.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "vm/errors.hpp"
#include "vm/objects/complex.hpp"
#include "vm/objects/number.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

Value float_binary_op(Value a, Value b, uint32_t op);

namespace {

// A scoped GMP integer.
int64_t floor_div64(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
int64_t floor_mod64(int64_t a, int64_t b) {
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

// a / b for ints, correctly rounded to the nearest double as CPython's
// long_true_divide is (a rational such as mpq_get_d would truncate).
//
// The quotient is computed as an integer q with two or more bits beyond
// what the result can hold (a double's 53, fewer when it is subnormal),
// plus a sticky bit for a non-zero remainder; rounding q half-to-even at
// the right bit and scaling by a power of two is then exact.
double correctly_rounded_divide(const mpz_t a, const mpz_t b) {
  bool negative = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
  if (mpz_sizeinbase(a, 2) <= 53 && mpz_sizeinbase(b, 2) <= 53) return mpz_get_d(a) / mpz_get_d(b);
  if (mpz_sgn(a) == 0) return negative ? -0.0 : 0.0;
  Mpz num, den, q, r;
  mpz_abs(num.v, a);
  mpz_abs(den.v, b);
  // The quotient lies in [2^(e-1), 2^(e+1)).
  int64_t e = static_cast<int64_t>(mpz_sizeinbase(num.v, 2)) - static_cast<int64_t>(mpz_sizeinbase(den.v, 2));
  if (e > 1025) raise_overflow_error("integer division result too large for a float");
  if (e < -1080) return negative ? -0.0 : 0.0;
  // q's unit is 2^-shift: 55+ significant bits, and at least two below the
  // subnormal grid (2^-1074).
  int64_t shift = std::min<int64_t>(55 - e, 1076);
  if (shift >= 0) mpz_mul_2exp(num.v, num.v, static_cast<mp_bitcnt_t>(shift));
  else mpz_mul_2exp(den.v, den.v, static_cast<mp_bitcnt_t>(-shift));
  mpz_tdiv_qr(q.v, r.v, num.v, den.v);
  bool sticky = mpz_sgn(r.v) != 0;
  int64_t drop = std::max<int64_t>(static_cast<int64_t>(mpz_sizeinbase(q.v, 2)) - 53, shift - 1074);
  if (drop > 0) {
    Mpz low, half;
    mpz_tdiv_r_2exp(low.v, q.v, static_cast<mp_bitcnt_t>(drop));
    mpz_tdiv_q_2exp(q.v, q.v, static_cast<mp_bitcnt_t>(drop));
    mpz_setbit(half.v, static_cast<mp_bitcnt_t>(drop - 1));
    int above = mpz_cmp(low.v, half.v);
    if (above > 0 || (above == 0 && (sticky || mpz_odd_p(q.v)))) mpz_add_ui(q.v, q.v, 1);
  }
  double result = std::ldexp(static_cast<double>(mpz_get_ui(q.v)), static_cast<int>(drop - shift));
  if (std::isinf(result)) raise_overflow_error("integer division result too large for a float");
  return negative ? -result : result;
}

Value big_binary(Value a, Value b, uint32_t op) {
  Mpz x(a), y(b), r;
  switch (op) {
    case kAdd: mpz_add(r.v, x.v, y.v); break;
    case kSub: mpz_sub(r.v, x.v, y.v); break;
    case kMul:
      if (mpz_sgn(x.v) != 0 && mpz_sgn(y.v) != 0)
        check_int_result_bits(static_cast<double>(mpz_sizeinbase(x.v, 2) + mpz_sizeinbase(y.v, 2)));
      mpz_mul(r.v, x.v, y.v);
      break;
    case kFloorDiv:
      if (mpz_sgn(y.v) == 0) raise_zero_division("integer division or modulo by zero");
      mpz_fdiv_q(r.v, x.v, y.v);
      break;
    case kMod:
      if (mpz_sgn(y.v) == 0) raise_zero_division("integer modulo by zero");
      mpz_fdiv_r(r.v, x.v, y.v);
      break;
    case kAnd: mpz_and(r.v, x.v, y.v); break;
    case kOr: mpz_ior(r.v, x.v, y.v); break;
    case kXor: mpz_xor(r.v, x.v, y.v); break;
    case kLShift:
    case kRShift: {
      if (mpz_sgn(y.v) < 0) raise_value_error("negative shift count");
      if (!mpz_fits_ulong_p(y.v)) {
        if (op == kRShift) return Value::small_int(mpz_sgn(x.v) < 0 ? -1 : 0);
        if (mpz_sgn(x.v) == 0) return Value::small_int(0);
        raise_error(exc().MemoryError, "");  // as CPython: no room for such a result
      }
      unsigned long n = mpz_get_ui(y.v);
      if (op == kLShift) {
        if (mpz_sgn(x.v) == 0) return Value::small_int(0);
        check_int_result_bits(static_cast<double>(mpz_sizeinbase(x.v, 2)) + static_cast<double>(n));
        mpz_mul_2exp(r.v, x.v, n);
      } else {
        mpz_fdiv_q_2exp(r.v, x.v, n);
      }
      break;
    }
    case kPow: {
      if (mpz_sgn(y.v) < 0) return float_binary_op(a, b, kPow);  // int ** -n is a float
      if (!mpz_fits_ulong_p(y.v)) {
        if (mpz_cmpabs_ui(x.v, 1) <= 0) {
          if (mpz_sgn(x.v) >= 0 || mpz_even_p(y.v)) return Value::small_int(mpz_sgn(x.v) == 0 ? 0 : 1);
          return Value::small_int(-1);
        }
        raise_error(exc().MemoryError, "");  // |x| >= 2: at least 2**(2**64) bits
      }
      if (mpz_cmpabs_ui(x.v, 1) > 0)
        check_int_result_bits(mpz_log2_abs(x.v) * static_cast<double>(mpz_get_ui(y.v)));
      mpz_pow_ui(r.v, x.v, mpz_get_ui(y.v));
      break;
    }
    case kTrueDiv: {
      if (mpz_sgn(y.v) == 0) raise_zero_division("division by zero");
      return make_float(correctly_rounded_divide(x.v, y.v));
    }
    default:
      return Value::null();
  }
  return make_int(r.v);
}

}  // namespace

bool is_float(Value v) {
  return v.is_inline_float() || (v.is_object() && v.object()->type->is_subtype_of(types().float_));
}
bool is_number(Value v) { return is_int_value(v) || is_float(v); }

Value int_binary_op(Value a, Value b, uint32_t op) {
  op &= ~uint32_t(kInplace);
  int64_t x, y;
  if (a.is_small_int() && b.is_small_int()) {
    x = a.small_int_value();
    y = b.small_int_value();
    int64_t r;
    switch (op) {
      case kAdd: return make_int(x + y);  // 63-bit operands cannot overflow int64
      case kSub: return make_int(x - y);
      case kMul:
        if (!__builtin_mul_overflow(x, y, &r)) return make_int(r);
        break;
      case kFloorDiv:
        if (y == 0) raise_zero_division("integer division or modulo by zero");
        return make_int(floor_div64(x, y));
      case kMod:
        if (y == 0) raise_zero_division("integer modulo by zero");
        return make_int(floor_mod64(x, y));
      case kAnd: return Value::small_int(x & y);
      case kOr: return Value::small_int(x | y);
      case kXor: return Value::small_int(x ^ y);
      case kRShift:
        if (y < 0) raise_value_error("negative shift count");
        return Value::small_int(y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
      case kLShift:
        if (y < 0) raise_value_error("negative shift count");
        if (y < 62 && x >= -(int64_t(1) << (62 - y)) && x < (int64_t(1) << (62 - y)))
          return Value::small_int(x << y);
        break;
      case kTrueDiv:
        if (y == 0) raise_zero_division("division by zero");
        if (x > -(int64_t(1) << 53) && x < (int64_t(1) << 53) && y > -(int64_t(1) << 53) &&
            y < (int64_t(1) << 53))
          return make_float(static_cast<double>(x) / static_cast<double>(y));
        break;
      default:
        break;
    }
  }
  return big_binary(a, b, op);
}

Value float_binary_op(Value a, Value b, uint32_t op) {
  op &= ~uint32_t(kInplace);
  double x = is_float(a) ? float_value(a) : int_to_double(a);
  double y = is_float(b) ? float_value(b) : int_to_double(b);
  switch (op) {
    case kAdd: return make_float(x + y);
    case kSub: return make_float(x - y);
    case kMul: return make_float(x * y);
    case kTrueDiv:
      if (y == 0.0) raise_zero_division("float division by zero");
      return make_float(x / y);
    case kFloorDiv:
    case kMod: {
      if (y == 0.0) raise_zero_division(op == kMod ? "float modulo" : "float floor division by zero");
      double mod = std::fmod(x, y);
      double div = (x - mod) / y;
      if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) {
          mod += y;
          div -= 1.0;
        }
      } else {
        mod = std::copysign(0.0, y);
      }
      double floordiv;
      if (div != 0.0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
      } else {
        floordiv = std::copysign(0.0, x / y);
      }
      return make_float(op == kMod ? mod : floordiv);
    }
    case kPow: {
      if (x == 0.0 && y < 0.0) raise_zero_division("0.0 cannot be raised to a negative power");
      // As CPython's float_pow: a fractional power of a negative base is complex.
      if (x < 0.0 && y != std::floor(y) && std::isfinite(y)) return make_complex(complex_power({x, 0.0}, {y, 0.0}));
      double r = std::pow(x, y);
      if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
        raise_overflow_error("(34, 'Numerical result out of range')");
      return make_float(r);
    }
    default:
      return Value::null();
  }
}

Value number_binary_op(Value a, Value b, uint32_t op) {
  bool ai = is_int_value(a), bi = is_int_value(b);
  if (ai && bi) return int_binary_op(a, b, op);
  if ((ai || is_float(a)) && (bi || is_float(b))) return float_binary_op(a, b, op);
  return Value::null();
}

int number_compare(Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.small_int_value(), y = b.small_int_value();
    return (x > y) - (x < y);
  }
  bool af = is_float(a), bf = is_float(b);
  if (!af && !bf) {
    Mpz x(a), y(b);
    int c = mpz_cmp(x.v, y.v);
    return (c > 0) - (c < 0);
  }
  if (af && bf) {
    double x = float_value(a), y = float_value(b);
    if (std::isnan(x) || std::isnan(y)) return 2;
    return (x > y) - (x < y);
  }
  // int against float: exact, by comparing against the float's integral part.
  double d = af ? float_value(a) : float_value(b);
  Value i = af ? b : a;
  int sign = af ? -1 : 1;  // result is computed as (int ? float), flipped if a is the float
  if (std::isnan(d)) return 2;
  int c;
  if (std::isinf(d)) {
    c = d > 0 ? -1 : 1;
  } else {
    Mpz x(i);
    mpz_t fl;
    double floor_d = std::floor(d);
    mpz_init_set_d(fl, floor_d);
    int cmp = mpz_cmp(x.v, fl);
    if (cmp != 0) {
      c = (cmp > 0) - (cmp < 0);
    } else {
      c = (floor_d == d) ? 0 : -1;  // int == floor(d) < d
    }
    mpz_clear(fl);
  }
  return c * sign;
}

// CPython's numeric hash: reduction modulo the Mersenne prime 2**61 - 1, so
// that equal numbers of different types hash alike (hash(2) == hash(2.0)).
int64_t number_hash(Value v) {
  constexpr uint64_t kModulus = (uint64_t(1) << 61) - 1;
  if (v.is_small_int() || v.is_bool()) {
    int64_t x = v.is_bool() ? (v.is_true() ? 1 : 0) : v.small_int_value();
    uint64_t m = (x < 0 ? uint64_t(-x) : uint64_t(x)) % kModulus;
    int64_t h = x < 0 ? -int64_t(m) : int64_t(m);
    return h == -1 ? -2 : h;
  }
  if (is_float(v)) {
    double d = float_value(v);
    if (std::isinf(d)) return d > 0 ? 314159 : -314159;
    if (std::isnan(d)) return static_cast<int64_t>(reinterpret_cast<uintptr_t>(v.object()) >> 4);
    int exponent;
    double mantissa = std::frexp(d, &exponent);
    int sign = 1;
    if (mantissa < 0) {
      sign = -1;
      mantissa = -mantissa;
    }
    uint64_t x = 0;
    while (mantissa) {
      x = ((x << 28) & kModulus) | x >> (61 - 28);
      mantissa *= 268435456.0;  // 2**28
      exponent -= 28;
      uint64_t y = static_cast<uint64_t>(mantissa);
      mantissa -= static_cast<double>(y);
      x += y;
      if (x >= kModulus) x -= kModulus;
    }
    exponent = exponent >= 0 ? exponent % 61 : 61 - 1 - ((-1 - exponent) % 61);
    x = ((x << exponent) & kModulus) | x >> (61 - exponent);
    int64_t h = static_cast<int64_t>(x) * sign;
    return h == -1 ? -2 : h;
  }
  Mpz x(v);
  Mpz m;
  mpz_set_ui(m.v, 1);
  mpz_mul_2exp(m.v, m.v, 61);
  mpz_sub_ui(m.v, m.v, 1);
  Mpz r;
  mpz_tdiv_r(r.v, x.v, m.v);  // sign follows the dividend, as CPython's
  int64_t h = mpz_get_si(r.v);
  return h == -1 ? -2 : h;
}

std::string int_repr(Value v) {
  if (v.is_bool()) return v.is_true() ? "True" : "False";
  return int_to_decimal(v);
}

}  // namespace gilvm
