# cmath: functions on ordinary values, special values, errors, constants.
import cmath
import math

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.pi == math.pi, cmath.e == math.e)

values = [0j, 1+0j, -1+0j, 1j, -1j, 2+3j, -2-3j, 0.5-0.25j, 3.0+0j, -4+0j, 1e-3+1e-3j, 0.7+0.7j,
          complex(-0.0, 0.0), complex(0.0, -0.0), complex(-1, -0.0), 10+0.5j]
names = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan",
         "sinh", "cosh", "tanh", "asinh", "acosh", "atanh"]
for name in names:
    f = getattr(cmath, name)
    for v in values:
        show(f"{name}({v!r})", lambda: f(v))

# Arguments that are not complex.
for v in [4, 2.25, -4, True, 10**30]:
    show(f"sqrt({v!r})", lambda: cmath.sqrt(v))
class C:
    def __complex__(self):
        return 1j
class F:
    def __float__(self):
        return 9.0
print(cmath.sqrt(C()), cmath.sqrt(F()))
show("str", lambda: cmath.sqrt("1"))
show("none", lambda: cmath.exp(None))
show("no args", lambda: cmath.sqrt())
show("two args", lambda: cmath.sqrt(1, 2))

# log with a base
show("log(8, 2)", lambda: cmath.log(8, 2))
show("log(1j, 1j)", lambda: cmath.log(1j, 1j))
show("log(100, 10)", lambda: cmath.log(100, 10))
show("log(2, 1)", lambda: cmath.log(2, 1))
show("log(0)", lambda: cmath.log(0))
show("log10(0)", lambda: cmath.log10(0))
show("log(0, 2)", lambda: cmath.log(0, 2))

# Special values and errors.
inf, nan = float("inf"), float("nan")
specials = [complex(inf, 0), complex(-inf, 0), complex(0, inf), complex(inf, inf), complex(nan, 0), complex(0, nan),
            complex(1, inf), complex(-inf, 1), complex(inf, nan)]
for name in ["sqrt", "exp", "log", "sinh", "cosh", "tanh", "atanh", "asinh"]:
    f = getattr(cmath, name)
    for v in specials:
        show(f"{name}({v!r})", lambda: f(v))
show("atanh(1)", lambda: cmath.atanh(1))
show("atanh(-1)", lambda: cmath.atanh(-1))
show("atan(1j)", lambda: cmath.atan(1j))
show("exp(1000)", lambda: cmath.exp(1000))
show("exp(1000+1j)", lambda: cmath.exp(1000 + 1j))
show("cosh(1000)", lambda: cmath.cosh(1000))
show("sinh(710)", lambda: cmath.sinh(710))
show("exp(709.5)", lambda: cmath.exp(709.5))
show("sin(inf)", lambda: cmath.sin(inf))
show("cos(inf)", lambda: cmath.cos(complex(inf, 0)))
show("tanh(1000)", lambda: cmath.tanh(1000 + 2j))
show("sqrt(1e308+1e308j)", lambda: cmath.sqrt(complex(1e308, 1e308)))
show("sqrt(5e-324j)", lambda: cmath.sqrt(5e-324j))
show("log(1e308+1e308j)", lambda: cmath.log(complex(1e308, 1e308)))
show("log(5e-324)", lambda: cmath.log(5e-324))
show("asinh(1e200)", lambda: cmath.asinh(1e200 + 1e200j))
show("acos(1e200)", lambda: cmath.acos(complex(-1e200, 1e200)))

show("atanh(1e200)", lambda: cmath.atanh(1e200 + 1e200j))

# phase, polar, rect
for v in [1+1j, -1+0j, complex(-1, -0.0), 0j, 1j, -2.5, 3, complex(inf, inf), complex(nan, 1)]:
    show(f"phase/polar({v!r})", lambda: (cmath.phase(v), cmath.polar(v)))
show("polar overflow", lambda: cmath.polar(complex(1e308, 1e308)))
for r, phi in [(1, 0), (2, math.pi / 2), (1, math.pi), (0, 1), (3, -0.5), (inf, 0), (inf, 1), (1, inf), (0, inf), (nan, 1)]:
    show(f"rect({r!r}, {phi!r})", lambda: cmath.rect(r, phi))

# Predicates and isclose
for v in [1j, complex(inf, 0), complex(0, nan), complex(inf, nan), 5, 2.5]:
    print(repr(v), cmath.isfinite(v), cmath.isinf(v), cmath.isnan(v))
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.isclose(1j, 1.1j), cmath.isclose(1j, 1.1j, rel_tol=0.2),
      cmath.isclose(0j, 1e-10j, abs_tol=1e-9), cmath.isclose(complex(inf, 0), complex(inf, 0)),
      cmath.isclose(complex(inf, 0), complex(inf, 1)), cmath.isclose(1, 1.0))
show("isclose neg", lambda: cmath.isclose(1j, 1j, rel_tol=-1))
show("isclose positional tol", lambda: cmath.isclose(1j, 1j, 0.1))
