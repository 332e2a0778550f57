# complex: format(), __complex__, subclasses, numbers.Complex, copy/pickle,
# json, match patterns with complex literals.
import copy
import json
import numbers
import pickle

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

# format()
z = 1.5-2.25j
for spec in ["", ".2f", "10.2f", "<20", ">20", "^20", "*^24.3e", "+.1f", " .1f", "g", ".3g", "e", "E", "F", ".0f",
             "#.0f", "n", ".3", "10", ",.2f", "_.1f", "z.1f"]:
    show(f"{spec!r}", lambda: format(z, spec))
for w in [1j, -0j, complex(-0.0, 0.0), 1e20+1e-20j, 1234567.125+0j, complex(float('nan'), float('inf'))]:
    show(f"{w!r}", lambda: (format(w, ""), format(w, ".2f"), format(w, "20"), format(w, "+g"), format(w, ".3")))
for bad in ["010", "0>10", "=10", "d", "%", "s", "x", "c"]:
    show(f"bad {bad!r}", lambda: format(z, bad))
print(f"{z}|{z!r}|{z:.1f}|{z:>16}|", "%s %r" % (z, z), "{0.real} {0.imag}".format(z))
show("%f", lambda: "%f" % 1j)
show("%d", lambda: "%d" % 1j)

# __complex__ and subclasses
class C:
    def __complex__(self):
        return 3+4j
class Bad:
    def __complex__(self):
        return 1.5
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 7
print(complex(C()), complex(F()), complex(I()), complex(F(), I()), complex(1, F()))
show("bad __complex__", lambda: complex(Bad()))
class MyComplex(complex):
    def extra(self):
        return "extra"
m = MyComplex(1, 2)
print(repr(m), type(m).__name__, m.extra(), m + 1, type(m + 1).__name__, m == 1+2j, isinstance(m, complex))
print(type(complex(m)).__name__, type(+m).__name__, type(m.__complex__()).__name__, complex(m))
print(MyComplex("3+4j"), type(MyComplex()).__name__)
print((1+2j).__complex__(), (1j).__getnewargs__(), complex.__add__(1j, 2), complex.__radd__(1j, 2), complex.__add__(1j, "x"))

# numbers
print(isinstance(1j, numbers.Complex), isinstance(1j, numbers.Number), isinstance(1j, numbers.Real),
      isinstance(1, numbers.Complex), isinstance(1.5, numbers.Complex), issubclass(complex, numbers.Complex))

# copy and pickle
z = 1-2j
print(copy.copy(z), copy.deepcopy([z]), copy.copy(m), type(copy.copy(m)).__name__)
for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
    print(protocol, pickle.loads(pickle.dumps(z, protocol)), pickle.loads(pickle.dumps([1j, complex(-0.0, float('inf'))], protocol)))

# json
show("json", lambda: json.dumps(1j))
show("json list", lambda: json.dumps([1, 2+3j]))

# match with complex literals
def classify(v):
    match v:
        case 1+2j:
            return "one plus two j"
        case -1j:
            return "minus j"
        case 0j:
            return "zero"
        case -1.5-2.5j:
            return "negative both"
        case 3j | 4j:
            return "three or four j"
        case [1j, x]:
            return f"list with {x!r}"
        case {"k": 2-1j}:
            return "mapping"
        case complex(real=r, imag=i) if r > 10:
            return f"big real {r} {i}"
        case complex():
            return "other complex"
        case _:
            return "not complex"
for v in [1+2j, -1j, 0, 0.0, 0j, -1.5-2.5j, 3j, 4j, [1j, 5], {"k": 2-1j}, 11+1j, 5j, "x", 1+2.0j]:
    print(repr(v), classify(v))
for src in ["match x:\n case 1j+2: pass", "match x:\n case 1+2: pass", "match x:\n case 1j+2j: pass"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg)

# misc built-ins
print(sum([1+1j] * 3), abs(-3j), pow(2j, 2), pow(1j, -1), 2 ** 1j, 1j ** 2.0)
print(complex.__name__, complex.__doc__ is None or isinstance(complex.__doc__, str), repr(complex))
print([x * 1j for x in range(3)], sorted([3j, 1j, 2j], key=abs))

# __complex__ returning a complex subclass warns (DeprecationWarning).
import warnings
class ReturnsSub:
    def __complex__(self):
        return MyComplex(5, 6)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    r = complex(ReturnsSub())
print(repr(r), type(r).__name__, [(w.category.__name__, str(w.message)) for w in caught])
