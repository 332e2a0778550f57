# math: results and error conventions as CPython's.
import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.exp(1), math.log(100, 10), math.log(math.e), math.log2(1024), math.log10(1000))
print(math.log(10 ** 400), math.log2(2 ** 2000), math.log10(10 ** 500))
print(math.floor(-2.5), math.ceil(2.1), math.trunc(-7.9), math.floor(10 ** 20 + 0.5), type(math.floor(3.7)).__name__)
print(math.factorial(25), math.gcd(48, 18, 30), math.lcm(4, 6, 10), math.isqrt(10 ** 30 + 5), math.comb(50, 25), math.perm(10, 3), math.perm(5))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]), math.prod([1, 2, 3, 4]), math.prod([]))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1), math.isfinite(1e308), math.isinf(-math.inf), math.isnan(math.nan))
print(math.copysign(3, -0.0), math.fmod(7, -3), math.remainder(7, 3), math.frexp(12.5), math.ldexp(0.78125, 4), math.modf(-3.25))
print(math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)), math.degrees(math.pi), math.radians(180))
print(math.sin(0), math.cos(0), math.tan(0), math.atan2(1, 1), math.asin(1), math.acos(1), math.atan(1))
print(math.sinh(1), math.cosh(0), math.tanh(0.5), math.erf(0.5), math.gamma(5), math.pow(2, 10))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-5), lambda: math.exp(1000),
            lambda: math.factorial(-1), lambda: math.factorial(2.5), lambda: math.sqrt("x"), lambda: math.acosh(0),
            lambda: math.pow(0, -1), lambda: math.isqrt(-4), lambda: math.gamma(0), lambda: math.fmod(1, 0)]:
    try:
        bad()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
