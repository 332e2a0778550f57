// The math module. Float functions follow CPython's conventions: a NaN
// result from a non-NaN argument is "math domain error" (ValueError); an
// infinite result from finite arguments is "math range error"
// (OverflowError) where the function can overflow, and a domain error
// otherwise (log(0)). Integer functions (factorial, gcd, isqrt, comb, perm)
// are exact on GMP. log() accepts ints beyond the float range. gamma and
// lgamma use the C library, whose last digit can differ from CPython's own
// Lanczos implementation.
#include <gmp.h>

#include <cerrno>
#include <cmath>

#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/number_ops.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

[[noreturn]] void domain_error() { raise_value_error("math domain error"); }
[[noreturn]] void range_error() { raise_overflow_error("math range error"); }

double real(Value v) {
  if (is_float(v)) return float_value(v);
  if (is_int_value(v)) return int_to_double(v);
  if (!lookup_in_mro(type_of(v), intern("__float__")).is_null() ||
      !lookup_in_mro(type_of(v), intern("__index__")).is_null())
    return to_double(v);
  raise_type_error("must be real number, not " + type_name(v));
}

double checked(double x, double r, bool can_overflow) {
  if (std::isnan(r) && !std::isnan(x)) domain_error();
  if (std::isinf(r) && std::isfinite(x)) {
    if (can_overflow) range_error();
    domain_error();
  }
  return r;
}

template <double (*F)(double), bool CanOverflow>
Value unary(const CallArgs& a) {
  check_arg_count(a, "math function", 1, 1);
  double x = real(a[0]);
  return make_float(checked(x, F(x), CanOverflow));
}

double sqrt_checked(double x) {
  if (x < 0) domain_error();
  return std::sqrt(x);
}

// A positive int as mantissa * 2**exponent with the mantissa in [0.5, 1)
// correctly rounded to 53 bits, as CPython's _PyLong_Frexp gives it.
double int_frexp(const mpz_t z, long* exponent) {
  size_t bits = mpz_sizeinbase(z, 2);
  if (bits <= 53) {
    int e = 0;
    double m = std::frexp(mpz_get_d(z), &e);
    *exponent = e;
    return m;
  }
  Mpz top, rest;
  size_t shift = bits - 54;
  mpz_tdiv_q_2exp(top.v, z, shift);
  mpz_tdiv_r_2exp(rest.v, z, shift);
  unsigned long low = mpz_get_ui(top.v) & 3u;
  bool sticky = mpz_sgn(rest.v) != 0;
  mpz_tdiv_q_2exp(top.v, top.v, 1);
  if ((low & 1u) && (sticky || (low & 2u))) mpz_add_ui(top.v, top.v, 1);
  int e = 0;
  double m = std::frexp(mpz_get_d(top.v), &e);
  *exponent = e + static_cast<long>(shift) + 1;
  return m;
}

// f(x) for any positive number, ints beyond the float range included:
// f(mantissa) + exponent * f(2), as CPython's loghelper computes it.
double log_with(Value v, double (*f)(double)) {
  if (is_int_value(v)) {
    Mpz z;
    int_to_mpz(v, z.v);
    if (mpz_sgn(z.v) <= 0) domain_error();
    if (mpz_sizeinbase(z.v, 2) <= 1000) return f(int_to_double(v));
    long exponent = 0;
    double mantissa = int_frexp(z.v, &exponent);
    return f(mantissa) + static_cast<double>(exponent) * f(2.0);
  }
  double x = real(v);
  if (std::isnan(x)) return x;
  if (x <= 0) domain_error();
  return f(x);
}
double ln(double x) { return std::log(x); }
double lg2(double x) { return std::log2(x); }
double lg10(double x) { return std::log10(x); }
double log_of(Value v) { return log_with(v, ln); }

Value m_log(const CallArgs& a) {
  check_arg_count(a, "log", 1, 2);
  double num = log_of(a[0]);
  if (a.count == 1) return make_float(num);
  double den = log_of(a[1]);
  if (den == 0.0) raise_zero_division("float division by zero");
  return make_float(num / den);
}
Value m_log2(const CallArgs& a) {
  check_arg_count(a, "log2", 1, 1);
  return make_float(log_with(a[0], lg2));
}
Value m_log10(const CallArgs& a) {
  check_arg_count(a, "log10", 1, 1);
  return make_float(log_with(a[0], lg10));
}

Value m_pow(const CallArgs& a) {
  check_arg_count(a, "pow", 2, 2);
  double x = real(a[0]), y = real(a[1]);
  if (x == 0.0 && y < 0.0) domain_error();
  if (x < 0.0 && std::isfinite(x) && std::isfinite(y) && y != std::floor(y)) domain_error();
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) range_error();
  return make_float(r);
}

// floor/ceil/trunc return ints: the dunder of non-floats, exact for floats.
Value int_of_double(double d) {
  if (std::isinf(d)) raise_overflow_error("cannot convert float infinity to integer");
  if (std::isnan(d)) raise_value_error("cannot convert float NaN to integer");
  Mpz z;
  mpz_set_d(z.v, d);
  return make_int(z.v);
}
template <int Mode>  // 0 floor, 1 ceil, 2 trunc
Value rounding(const CallArgs& a) {
  check_arg_count(a, Mode == 0 ? "floor" : Mode == 1 ? "ceil" : "trunc", 1, 1);
  Value x = a[0];
  if (is_float(x)) {
    double d = float_value(x);
    return int_of_double(Mode == 0 ? std::floor(d) : Mode == 1 ? std::ceil(d) : std::trunc(d));
  }
  if (is_int_value(x) && type_of(x)->is_builtin) return x.is_bool() ? Value::small_int(x.is_true()) : x;
  const char* dunder = Mode == 0 ? "__floor__" : Mode == 1 ? "__ceil__" : "__trunc__";
  if (!lookup_in_mro(type_of(x), intern(dunder)).is_null()) return call_method(x, dunder, {});
  if (Mode == 2) raise_type_error("type " + type_name(x) + " doesn't define __trunc__ method");
  double d = real(x);
  return int_of_double(Mode == 0 ? std::floor(d) : std::ceil(d));
}

Value int_required(Value v, const char* what) {
  if (is_int_value(v)) return v;
  if (!lookup_in_mro(type_of(v), names().__index__).is_null()) return call_method(v, "__index__", {});
  if (is_float(v)) raise_type_error(std::string(what) + " only accepts integral values");
  raise_type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
}

Value m_factorial(const CallArgs& a) {
  check_arg_count(a, "factorial", 1, 1);
  if (is_float(a[0])) raise_type_error("'float' object cannot be interpreted as an integer");
  Mpz n, r;
  int_to_mpz(int_required(a[0], "factorial()"), n.v);
  if (mpz_sgn(n.v) < 0) raise_value_error("factorial() not defined for negative values");
  if (!mpz_fits_slong_p(n.v)) raise_overflow_error("factorial() argument should not exceed " + std::to_string(LONG_MAX));
  // log2(n!) = lgamma(n + 1) / ln 2: refuse results no machine holds.
  check_int_result_bits(std::lgamma(static_cast<double>(mpz_get_ui(n.v)) + 1.0) / std::log(2.0));
  mpz_fac_ui(r.v, mpz_get_ui(n.v));
  return make_int(r.v);
}
Value m_gcd(const CallArgs& a) {
  Mpz r, x;
  for (size_t i = 0; i < a.count; ++i) {
    int_to_mpz(int_required(a[i], "gcd()"), x.v);
    mpz_gcd(r.v, r.v, x.v);
  }
  return make_int(r.v);
}
Value m_lcm(const CallArgs& a) {
  Mpz r, x;
  mpz_set_ui(r.v, 1);
  for (size_t i = 0; i < a.count; ++i) {
    int_to_mpz(int_required(a[i], "lcm()"), x.v);
    mpz_lcm(r.v, r.v, x.v);
  }
  return make_int(r.v);
}
Value m_isqrt(const CallArgs& a) {
  check_arg_count(a, "isqrt", 1, 1);
  Mpz n;
  int_to_mpz(int_required(a[0], "isqrt()"), n.v);
  if (mpz_sgn(n.v) < 0) raise_value_error("isqrt() argument must be nonnegative");
  mpz_sqrt(n.v, n.v);
  return make_int(n.v);
}
Value m_comb(const CallArgs& a) {
  check_arg_count(a, "comb", 2, 2);
  Mpz n, k, r;
  int_to_mpz(int_required(a[0], "comb()"), n.v);
  int_to_mpz(int_required(a[1], "comb()"), k.v);
  if (mpz_sgn(n.v) < 0) raise_value_error("n must be a non-negative integer");
  if (mpz_sgn(k.v) < 0) raise_value_error("k must be a non-negative integer");
  if (mpz_cmp(k.v, n.v) > 0) return Value::small_int(0);
  if (!mpz_fits_ulong_p(k.v)) raise_overflow_error("k must not exceed " + std::to_string(LONG_MAX));
  mpz_bin_ui(r.v, n.v, mpz_get_ui(k.v));
  return make_int(r.v);
}
Value m_perm(const CallArgs& a) {
  check_arg_count(a, "perm", 1, 2);
  Mpz n, k, r;
  int_to_mpz(int_required(a[0], "perm()"), n.v);
  if (a.count == 1 || a[1].is_none()) mpz_set(k.v, n.v);
  else int_to_mpz(int_required(a[1], "perm()"), k.v);
  if (mpz_sgn(n.v) < 0) raise_value_error("n must be a non-negative integer");
  if (mpz_sgn(k.v) < 0) raise_value_error("k must be a non-negative integer");
  if (mpz_cmp(k.v, n.v) > 0) return Value::small_int(0);
  mpz_set_ui(r.v, 1);
  for (unsigned long i = 0; mpz_cmp_ui(k.v, i) > 0; ++i) {
    Mpz term;
    mpz_sub_ui(term.v, n.v, i);
    mpz_mul(r.v, r.v, term.v);
  }
  return make_int(r.v);
}
Value m_prod(const CallArgs& a) {
  ArgParser p(a, "prod", {"iterable", "start"}, 1, false, 1);
  Value acc = p.get(1, Value::small_int(1));
  for (Value v : collect_iterable(p.get(0))) acc = binary_op(acc, v, kMul);
  return acc;
}

// fsum: Shewchuk's exact partial sums, then CPython's correctly rounded
// (half-even) combination of the top partials.
Value m_fsum(const CallArgs& a) {
  check_arg_count(a, "fsum", 1, 1);
  std::vector<double> partials;
  double special_sum = 0.0, inf_sum = 0.0;
  for (Value v : collect_iterable(a[0])) {
    double x = real(v);
    double xsave = x;
    size_t i = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) partials[i++] = lo;
      x = hi;
    }
    partials.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        if (std::isfinite(xsave)) raise_overflow_error("intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        partials.clear();
      } else {
        partials.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) raise_value_error("-inf + inf in fsum");
    return make_float(special_sum);
  }
  double hi = 0.0;
  if (!partials.empty()) {
    size_t n = partials.size();
    hi = partials[--n];
    double lo = 0.0;
    while (n > 0) {
      double x = hi;
      double y = partials[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return make_float(hi);
}

Value m_isclose(const CallArgs& a) {
  ArgParser p(a, "isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, false, 2);
  double x = real(p.get(0)), y = real(p.get(1));
  double rel = real(p.get(2, make_float(1e-09))), abs_tol = real(p.get(3, make_float(0.0)));
  if (rel < 0.0 || abs_tol < 0.0) raise_value_error("tolerances must be non-negative");
  if (x == y) return Value::true_value();
  if (std::isinf(x) || std::isinf(y)) return Value::false_value();
  double diff = std::fabs(y - x);
  return Value::boolean((diff <= std::fabs(rel * y)) || (diff <= std::fabs(rel * x)) || (diff <= abs_tol));
}
template <bool (*F)(double)>
Value predicate(const CallArgs& a) {
  check_arg_count(a, "math predicate", 1, 1);
  return Value::boolean(F(real(a[0])));
}
bool is_finite(double x) { return std::isfinite(x); }
bool is_inf(double x) { return std::isinf(x); }
bool is_nan(double x) { return std::isnan(x); }

Value m_copysign(const CallArgs& a) {
  check_arg_count(a, "copysign", 2, 2);
  return make_float(std::copysign(real(a[0]), real(a[1])));
}
Value m_fmod(const CallArgs& a) {
  check_arg_count(a, "fmod", 2, 2);
  double x = real(a[0]), y = real(a[1]);
  if (std::isinf(x) && !std::isnan(y)) domain_error();
  if (y == 0.0 && !std::isnan(x)) domain_error();
  return make_float(std::fmod(x, y));
}
Value m_remainder(const CallArgs& a) {
  check_arg_count(a, "remainder", 2, 2);
  double x = real(a[0]), y = real(a[1]);
  if ((std::isinf(x) && !std::isnan(y)) || (y == 0.0 && !std::isnan(x))) domain_error();
  return make_float(std::remainder(x, y));
}
Value m_atan2(const CallArgs& a) {
  check_arg_count(a, "atan2", 2, 2);
  return make_float(std::atan2(real(a[0]), real(a[1])));
}
Value m_frexp(const CallArgs& a) {
  check_arg_count(a, "frexp", 1, 1);
  int e = 0;
  double m = std::frexp(real(a[0]), &e);
  return new_tuple({make_float(m), make_int(e)});
}
Value m_ldexp(const CallArgs& a) {
  check_arg_count(a, "ldexp", 2, 2);
  double x = real(a[0]);
  if (!is_int_value(a[1])) raise_type_error("Expected an int as second argument to ldexp.");
  int64_t e;
  if (!int_to_int64(a[1], &e)) e = is_truthy(compare(a[1], Value::small_int(0), kLt)) ? -100000 : 100000;
  double r = std::ldexp(x, static_cast<int>(std::max<int64_t>(-100000, std::min<int64_t>(100000, e))));
  if (std::isinf(r) && std::isfinite(x)) range_error();
  return make_float(r);
}
Value m_modf(const CallArgs& a) {
  check_arg_count(a, "modf", 1, 1);
  double x = real(a[0]);
  double ip;
  double fp = std::modf(x, &ip);
  if (std::isinf(x)) return new_tuple({make_float(std::copysign(0.0, x)), make_float(x)});
  return new_tuple({make_float(fp), make_float(ip)});
}
Value m_hypot(const CallArgs& a) {
  double r = 0.0;
  for (size_t i = 0; i < a.count; ++i) r = std::hypot(r, real(a[i]));
  return make_float(r);
}
Value m_dist(const CallArgs& a) {
  check_arg_count(a, "dist", 2, 2);
  ValueVector p = collect_iterable(a[0]), q = collect_iterable(a[1]);
  if (p.size() != q.size()) raise_value_error("both points must have the same number of dimensions");
  double r = 0.0;
  for (size_t i = 0; i < p.size(); ++i) r = std::hypot(r, real(p[i]) - real(q[i]));
  return make_float(r);
}
double degrees(double x) { return x * (180.0 / M_PI); }
double radians(double x) { return x * (M_PI / 180.0); }
double gamma_checked(double x) {
  if (x <= 0 && x == std::floor(x)) domain_error();
  return std::tgamma(x);
}
double lgamma_checked(double x) {
  if (x <= 0 && x == std::floor(x)) domain_error();
  return std::lgamma(x);
}
double acosh_checked(double x) {
  if (x < 1.0) domain_error();
  return std::acosh(x);
}
double atanh_checked(double x) {
  if (x <= -1.0 || x >= 1.0) domain_error();
  return std::atanh(x);
}
double log1p_checked(double x) {
  if (x <= -1.0) domain_error();
  return std::log1p(x);
}
double sin_(double x) { return std::sin(x); }
double cos_(double x) { return std::cos(x); }
double tan_(double x) { return std::tan(x); }
double asin_(double x) { return std::asin(x); }
double acos_(double x) { return std::acos(x); }
double atan_(double x) { return std::atan(x); }
double sinh_(double x) { return std::sinh(x); }
double cosh_(double x) { return std::cosh(x); }
double tanh_(double x) { return std::tanh(x); }
double asinh_(double x) { return std::asinh(x); }
double exp_(double x) { return std::exp(x); }
double expm1_(double x) { return std::expm1(x); }
double fabs_(double x) { return std::fabs(x); }
double erf_(double x) { return std::erf(x); }
double erfc_(double x) { return std::erfc(x); }

void init_math(Module* m) {
  DictTable& d = m->dict()->table;
  d.set(intern("pi"), make_float(M_PI));
  d.set(intern("e"), make_float(M_E));
  d.set(intern("tau"), make_float(2 * M_PI));
  d.set(intern("inf"), make_float(HUGE_VAL));
  d.set(intern("nan"), make_float(std::nan("")));
  add_function(m, "sqrt", unary<sqrt_checked, false>);
  add_function(m, "exp", unary<exp_, true>);
  add_function(m, "expm1", unary<expm1_, true>);
  add_function(m, "log", m_log);
  add_function(m, "log2", m_log2);
  add_function(m, "log10", m_log10);
  add_function(m, "log1p", unary<log1p_checked, false>);
  add_function(m, "pow", m_pow);
  add_function(m, "floor", rounding<0>);
  add_function(m, "ceil", rounding<1>);
  add_function(m, "trunc", rounding<2>);
  add_function(m, "fabs", unary<fabs_, false>);
  add_function(m, "factorial", m_factorial);
  add_function(m, "gcd", m_gcd);
  add_function(m, "lcm", m_lcm);
  add_function(m, "isqrt", m_isqrt);
  add_function(m, "comb", m_comb);
  add_function(m, "perm", m_perm);
  add_function(m, "prod", m_prod);
  add_function(m, "fsum", m_fsum);
  add_function(m, "isclose", m_isclose);
  add_function(m, "isfinite", predicate<is_finite>);
  add_function(m, "isinf", predicate<is_inf>);
  add_function(m, "isnan", predicate<is_nan>);
  add_function(m, "copysign", m_copysign);
  add_function(m, "fmod", m_fmod);
  add_function(m, "remainder", m_remainder);
  add_function(m, "frexp", m_frexp);
  add_function(m, "ldexp", m_ldexp);
  add_function(m, "modf", m_modf);
  add_function(m, "hypot", m_hypot);
  add_function(m, "dist", m_dist);
  add_function(m, "atan2", m_atan2);
  add_function(m, "sin", unary<sin_, false>);
  add_function(m, "cos", unary<cos_, false>);
  add_function(m, "tan", unary<tan_, false>);
  add_function(m, "asin", unary<asin_, false>);
  add_function(m, "acos", unary<acos_, false>);
  add_function(m, "atan", unary<atan_, false>);
  add_function(m, "sinh", unary<sinh_, true>);
  add_function(m, "cosh", unary<cosh_, true>);
  add_function(m, "tanh", unary<tanh_, false>);
  add_function(m, "asinh", unary<asinh_, false>);
  add_function(m, "acosh", unary<acosh_checked, false>);
  add_function(m, "atanh", unary<atanh_checked, false>);
  add_function(m, "degrees", unary<degrees, false>);
  add_function(m, "radians", unary<radians, false>);
  add_function(m, "erf", unary<erf_, false>);
  add_function(m, "erfc", unary<erfc_, false>);
  add_function(m, "gamma", unary<gamma_checked, true>);
  add_function(m, "lgamma", unary<lgamma_checked, true>);
}

}  // namespace

void register_math_module() { register_builtin_module("math", init_math); }

}  // namespace gilvm
