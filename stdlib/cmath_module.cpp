// The cmath module: complex versions of math's functions.
//
// Finite arguments go through the same formulas CPython's cmathmodule.c
// uses (so results agree to the last bit where the C library's real
// functions do): scaled square roots, log via log1p near the unit circle,
// the inverse functions from two square roots, exp/cosh/sinh rescaled
// near overflow. Infinite and NaN arguments take the C library's C99
// Annex G special values, which CPython's tables reproduce. Errors follow
// CPython: a NaN produced from non-NaN input, or log(0), is ValueError
// "math domain error"; an infinity from finite input is OverflowError
// "math range error".
#include <cfloat>
#include <cmath>
#include <complex>

#include "stdlib/stdlib.hpp"
#include "vm/current_native.hpp"
#include "vm/errors.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/complex.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

constexpr double kLargeDouble = DBL_MAX / 4.0;
const double kSqrtLargeDouble = std::sqrt(kLargeDouble);
const double kLogLargeDouble = std::log(kLargeDouble);
const double kSqrtDblMin = std::sqrt(DBL_MIN);
constexpr double kLn2 = 0.6931471805599453094;
constexpr double kLn10 = 2.302585092994045684;
constexpr double kE = 2.718281828459045235;
constexpr double kPi = 3.141592653589793238;

enum class MathError { kNone, kDomain, kRange };

bool finite(CComplex z) { return std::isfinite(z.real) && std::isfinite(z.imag); }
bool has_nan(CComplex z) { return std::isnan(z.real) || std::isnan(z.imag); }
bool has_inf(CComplex z) { return std::isinf(z.real) || std::isinf(z.imag); }
CComplex from_std(std::complex<double> c) { return {c.real(), c.imag()}; }
std::complex<double> to_std(CComplex z) { return {z.real, z.imag}; }

// Error of a result computed from `in`, by CPython's rules: overflow is
// checked first (exp(1000) is (inf+nanj) before it is an error).
MathError classify(CComplex in, CComplex out) {
  if (finite(in) && has_inf(out)) return MathError::kRange;
  if (has_nan(out) && !has_nan(in)) return MathError::kDomain;
  return MathError::kNone;
}

CComplex c_sqrt(CComplex z) {
  if (!finite(z)) return from_std(std::sqrt(to_std(z)));
  if (z.real == 0.0 && z.imag == 0.0) return {0.0, z.imag};
  double ax = std::fabs(z.real), ay = std::fabs(z.imag);
  double s;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    // Subnormal parts: scale up so hypot keeps their precision.
    ax = std::ldexp(ax, 53);
    s = std::ldexp(std::sqrt(ax + std::hypot(ax, std::ldexp(ay, 53))), -27);
  } else {
    ax /= 8.0;
    s = 2.0 * std::sqrt(ax + std::hypot(ax, ay / 8.0));
  }
  double d = ay / (2.0 * s);
  if (z.real >= 0.0) return {s, std::copysign(d, z.imag)};
  return {d, std::copysign(s, z.imag)};
}

CComplex c_log(CComplex z, MathError* error) {
  if (!finite(z)) return from_std(std::log(to_std(z)));
  double ax = std::fabs(z.real), ay = std::fabs(z.imag);
  CComplex r;
  if (ax > kLargeDouble || ay > kLargeDouble) {
    r.real = std::log(std::hypot(ax / 2.0, ay / 2.0)) + kLn2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0.0 || ay > 0.0) {
      r.real = std::log(std::hypot(std::ldexp(ax, DBL_MANT_DIG), std::ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * kLn2;
    } else {
      r.real = -HUGE_VAL;
      *error = MathError::kDomain;  // log(0)
    }
  } else {
    double h = std::hypot(ax, ay);
    if (0.71 <= h && h <= 1.73) {
      double larger = ax > ay ? ax : ay, smaller = ax > ay ? ay : ax;
      r.real = std::log1p((larger - 1) * (larger + 1) + smaller * smaller) / 2.0;
    } else {
      r.real = std::log(h);
    }
  }
  r.imag = std::atan2(z.imag, z.real);
  return r;
}

CComplex c_exp(CComplex z) {
  if (!finite(z)) return from_std(std::exp(to_std(z)));
  if (z.real > kLogLargeDouble) {
    double l = std::exp(z.real - 1.0);
    return {l * std::cos(z.imag) * kE, l * std::sin(z.imag) * kE};
  }
  double l = std::exp(z.real);
  return {l * std::cos(z.imag), l * std::sin(z.imag)};
}

CComplex c_cosh(CComplex z) {
  if (!finite(z)) return from_std(std::cosh(to_std(z)));
  if (std::fabs(z.real) > kLogLargeDouble) {
    double x = z.real - std::copysign(1.0, z.real);
    return {std::cos(z.imag) * std::cosh(x) * kE, std::sin(z.imag) * std::sinh(x) * kE};
  }
  return {std::cos(z.imag) * std::cosh(z.real), std::sin(z.imag) * std::sinh(z.real)};
}

CComplex c_sinh(CComplex z) {
  if (!finite(z)) return from_std(std::sinh(to_std(z)));
  if (std::fabs(z.real) > kLogLargeDouble) {
    double x = z.real - std::copysign(1.0, z.real);
    return {std::cos(z.imag) * std::sinh(x) * kE, std::sin(z.imag) * std::cosh(x) * kE};
  }
  return {std::cos(z.imag) * std::sinh(z.real), std::sin(z.imag) * std::cosh(z.real)};
}

CComplex c_tanh(CComplex z) {
  if (z.real == 0.0 && std::isnan(z.imag)) return {z.imag, z.imag};  // CPython's table, not C99's
  if (!finite(z)) return from_std(std::tanh(to_std(z)));
  if (std::fabs(z.real) > kLogLargeDouble) {
    return {std::copysign(1.0, z.real),
            4.0 * std::sin(z.imag) * std::cos(z.imag) * std::exp(-2.0 * std::fabs(z.real))};
  }
  double tx = std::tanh(z.real), ty = std::tan(z.imag), cx = 1.0 / std::cosh(z.real);
  double txty = tx * ty;
  double denominator = 1.0 + txty * txty;
  return {tx * (1.0 + ty * ty) / denominator, ((ty / denominator) * cx) * cx};
}

CComplex c_asinh(CComplex z) {
  if (!finite(z)) return from_std(std::asinh(to_std(z)));
  if (std::fabs(z.real) > kSqrtLargeDouble || std::fabs(z.imag) > kSqrtLargeDouble) {
    double magnitude = std::log(std::hypot(z.real / 2.0, z.imag / 2.0)) + 2 * kLn2;
    double real = z.imag >= 0 ? std::copysign(magnitude, z.real) : -std::copysign(magnitude, -z.real);
    return {real, std::atan2(z.imag, std::fabs(z.real))};
  }
  CComplex s1 = c_sqrt({1.0 + z.imag, -z.real});
  CComplex s2 = c_sqrt({1.0 - z.imag, z.real});
  return {std::asinh(s1.real * s2.imag - s2.real * s1.imag),
          std::atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag)};
}

CComplex c_asin(CComplex z) {
  CComplex s = c_asinh({-z.imag, z.real});
  return {s.imag, -s.real};
}

CComplex c_acos(CComplex z) {
  if (!finite(z)) return from_std(std::acos(to_std(z)));
  if (std::fabs(z.real) > kSqrtLargeDouble || std::fabs(z.imag) > kSqrtLargeDouble) {
    double real = std::atan2(std::fabs(z.imag), z.real);
    double imag = std::log(std::hypot(z.real / 2.0, z.imag / 2.0)) + 2 * kLn2;
    return {real, z.real < 0 ? -std::copysign(imag, z.imag) : std::copysign(imag, -z.imag)};
  }
  CComplex s1 = c_sqrt({1.0 - z.real, -z.imag});
  CComplex s2 = c_sqrt({1.0 + z.real, z.imag});
  return {2.0 * std::atan2(s1.real, s2.real), std::asinh(s2.real * s1.imag - s2.imag * s1.real)};
}

CComplex c_acosh(CComplex z) {
  if (!finite(z)) return from_std(std::acosh(to_std(z)));
  if (std::fabs(z.real) > kSqrtLargeDouble || std::fabs(z.imag) > kSqrtLargeDouble) {
    return {std::log(std::hypot(z.real / 2.0, z.imag / 2.0)) + 2 * kLn2, std::atan2(z.imag, z.real)};
  }
  CComplex s1 = c_sqrt({z.real - 1.0, z.imag});
  CComplex s2 = c_sqrt({z.real + 1.0, z.imag});
  return {std::asinh(s1.real * s2.real + s1.imag * s2.imag), 2.0 * std::atan2(s1.imag, s2.real)};
}

CComplex c_atanh(CComplex z, MathError* error) {
  if (!finite(z)) return from_std(std::atanh(to_std(z)));
  if (z.real < 0.0) {
    CComplex r = c_atanh({-z.real, -z.imag}, error);
    return {-r.real, -r.imag};
  }
  double ay = std::fabs(z.imag);
  if (z.real > kSqrtLargeDouble || ay > kSqrtLargeDouble) {
    double h = std::hypot(z.real / 2.0, z.imag / 2.0);
    return {z.real / 4.0 / h / h, -std::copysign(kPi / 2.0, -z.imag)};
  }
  if (z.real == 1.0 && ay < kSqrtDblMin) {
    if (ay == 0.0) {
      *error = MathError::kDomain;
      return {HUGE_VAL, z.imag};
    }
    return {-std::log(std::sqrt(ay) / std::sqrt(std::hypot(ay, 2.0))),
            std::copysign(std::atan2(2.0, -ay) / 2.0, z.imag)};
  }
  return {std::log1p(4.0 * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.0,
          -std::atan2(-2.0 * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2.0};
}

CComplex c_atan(CComplex z, MathError* error) {
  CComplex s = c_atanh({-z.imag, z.real}, error);
  return {s.imag, -s.real};
}

CComplex c_cos(CComplex z) { return c_cosh({-z.imag, z.real}); }
CComplex c_sin(CComplex z) {
  CComplex s = c_sinh({-z.imag, z.real});
  return {s.imag, -s.real};
}
CComplex c_tan(CComplex z) {
  CComplex s = c_tanh({-z.imag, z.real});
  return {s.imag, -s.real};
}

const char* current_function_name(const CallArgs&) {
  const NativeFunction* f = current_native_function();
  return f != nullptr ? f->name : "function";
}

[[noreturn]] void raise_math_error(MathError e) {
  if (e == MathError::kDomain) raise_value_error("math domain error");
  raise_overflow_error("math range error");
}

Value finish(CComplex in, CComplex out, MathError error) {
  if (error == MathError::kNone) error = classify(in, out);
  if (error != MathError::kNone) raise_math_error(error);
  return make_complex(out);
}

CComplex one_argument(const CallArgs& a, const char* name) {
  no_keywords(a, name);
  if (a.count != 1)
    raise_type_error("cmath." + std::string(name) + "() takes exactly one argument (" + std::to_string(a.count) + " given)");
  return to_ccomplex(a[0]);
}

template <CComplex (*F)(CComplex)>
Value plain(const CallArgs& a) {
  CComplex z = one_argument(a, current_function_name(a));
  return finish(z, F(z), MathError::kNone);
}
template <CComplex (*F)(CComplex, MathError*)>
Value checked(const CallArgs& a) {
  CComplex z = one_argument(a, current_function_name(a));
  MathError error = MathError::kNone;
  CComplex r = F(z, &error);
  return finish(z, r, error);
}

CComplex c_log10(CComplex z, MathError* error) {
  CComplex r = c_log(z, error);
  return {r.real / kLn10, r.imag / kLn10};
}

Value cmath_log(const CallArgs& a) {
  ArgParser p(a, "log", {"x", "base"}, 1, false);
  CComplex z = to_ccomplex(p.get(0));
  MathError error = MathError::kNone;
  CComplex r = c_log(z, &error);
  if (p.given(1)) {
    CComplex base = to_ccomplex(p.get(1));
    error = MathError::kNone;  // as CPython: log(0, b) is (-inf+nanj), not an error
    CComplex log_base = c_log(base, &error);
    if (log_base.real == 0.0 && log_base.imag == 0.0) raise_math_error(MathError::kDomain);
    r = complex_divide(r, log_base);
  }
  if (error != MathError::kNone) raise_math_error(error);
  return make_complex(r);
}

Value cmath_phase(const CallArgs& a) {
  CComplex z = one_argument(a, "phase");
  return make_float(std::atan2(z.imag, z.real));
}

Value cmath_polar(const CallArgs& a) {
  CComplex z = one_argument(a, "polar");
  double r;
  if (std::isinf(z.real)) r = std::fabs(z.real);
  else if (std::isinf(z.imag)) r = std::fabs(z.imag);
  else r = std::hypot(z.real, z.imag);
  if (std::isinf(r) && finite(z)) raise_math_error(MathError::kRange);
  return new_tuple({make_float(r), make_float(std::atan2(z.imag, z.real))});
}

Value cmath_rect(const CallArgs& a) {
  no_keywords(a, "rect");
  check_arg_count(a, "rect", 2, 2);
  double r = to_double(a[0]), phi = to_double(a[1]);
  if (std::isinf(phi) && !std::isnan(r) && r != 0.0) raise_math_error(MathError::kDomain);
  if (std::isinf(phi) && r == 0.0) return make_complex({0.0, 0.0});
  if (std::isinf(r) && std::isfinite(phi) && phi != 0.0) {
    double sign = r > 0 ? 1.0 : -1.0;
    return make_complex({sign * std::copysign(HUGE_VAL, std::cos(phi)), sign * std::copysign(HUGE_VAL, std::sin(phi))});
  }
  if (phi == 0.0) return make_complex({r, std::isfinite(r) ? r * phi : phi});
  if (!std::isfinite(r) || !std::isfinite(phi)) return make_complex(from_std(std::polar(r, phi)));
  return make_complex({r * std::cos(phi), r * std::sin(phi)});
}

template <bool (*F)(CComplex)>
Value predicate(const CallArgs& a) { return Value::boolean(F(one_argument(a, current_function_name(a)))); }
bool is_finite(CComplex z) { return finite(z); }
bool is_inf(CComplex z) { return has_inf(z); }
bool is_nan(CComplex z) { return has_nan(z); }

Value cmath_isclose(const CallArgs& a) {
  if (a.count > 2)
    raise_type_error("isclose() takes exactly 2 positional arguments (" + std::to_string(a.count) + " given)");
  ArgParser p(a, "isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, false, 2);
  CComplex x = to_ccomplex(p.get(0)), y = to_ccomplex(p.get(1));
  double rel = p.given(2) ? to_double(p.get(2)) : 1e-09;
  double abs_tol = p.given(3) ? to_double(p.get(3)) : 0.0;
  if (rel < 0.0 || abs_tol < 0.0) raise_value_error("tolerances must be non-negative");
  if (x.real == y.real && x.imag == y.imag) return Value::true_value();
  if (has_inf(x) || has_inf(y)) return Value::false_value();
  double diff = complex_abs({x.real - y.real, x.imag - y.imag});
  return Value::boolean(diff <= rel * complex_abs(y) || diff <= rel * complex_abs(x) || diff <= abs_tol);
}

void init_cmath(Module* m) {
  DictTable& d = m->dict()->table;
  const double inf = HUGE_VAL, nan = std::nan("");
  d.set(intern("pi"), make_float(kPi));
  d.set(intern("e"), make_float(kE));
  d.set(intern("tau"), make_float(2 * kPi));
  d.set(intern("inf"), make_float(inf));
  d.set(intern("nan"), make_float(nan));
  d.set(intern("infj"), make_complex({0.0, inf}));
  d.set(intern("nanj"), make_complex({0.0, nan}));
  add_function(m, "sqrt", plain<c_sqrt>);
  add_function(m, "exp", plain<c_exp>);
  add_function(m, "log", cmath_log);
  add_function(m, "log10", checked<c_log10>);
  add_function(m, "sin", plain<c_sin>);
  add_function(m, "cos", plain<c_cos>);
  add_function(m, "tan", plain<c_tan>);
  add_function(m, "asin", plain<c_asin>);
  add_function(m, "acos", plain<c_acos>);
  add_function(m, "atan", checked<c_atan>);
  add_function(m, "sinh", plain<c_sinh>);
  add_function(m, "cosh", plain<c_cosh>);
  add_function(m, "tanh", plain<c_tanh>);
  add_function(m, "asinh", plain<c_asinh>);
  add_function(m, "acosh", plain<c_acosh>);
  add_function(m, "atanh", checked<c_atanh>);
  add_function(m, "phase", cmath_phase);
  add_function(m, "polar", cmath_polar);
  add_function(m, "rect", cmath_rect);
  add_function(m, "isfinite", predicate<is_finite>);
  add_function(m, "isinf", predicate<is_inf>);
  add_function(m, "isnan", predicate<is_nan>);
  add_function(m, "isclose", cmath_isclose);
}

}  // namespace

void register_cmath_module() { register_builtin_module("cmath", init_cmath); }

}  // namespace gilvm
