# complex: literals, construction, repr/str, attributes, arithmetic with
# int/float/complex, comparison, hashing and the errors of each.
import math

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

# Literals and repr.
for z in [1j, 2.5J, 1e3j, 0j, -0j, 1+2j, 1-2j, -1-2j, 3.0+0j, 1e20j, 1e-5j, 0.1+0.2j, 123456789012345678j]:
    print(repr(z), str(z))
print(repr(complex(-0.0, -0.0)), repr(complex(0.0, -0.0)), repr(complex(-0.0, 0.0)))
print(repr(complex(float('nan'), float('inf'))), repr(complex(float('-inf'), float('nan'))))
print(repr(complex(1, float('-inf'))), repr(complex(0, float('nan'))))
print(type(1j).__name__, type(1j) is complex, isinstance(1j, complex))

# Constructor.
show("complex()", lambda: complex())
show("complex(1)", lambda: complex(1))
show("complex(1, 2)", lambda: complex(1, 2))
show("complex(1.5, -2)", lambda: complex(1.5, -2))
show("complex(1j, 1j)", lambda: complex(1j, 1j))
show("complex(1+2j, 3)", lambda: complex(1+2j, 3))
show("complex(2, 1+1j)", lambda: complex(2, 1+1j))
show("real=, imag=", lambda: complex(real=3, imag=4))
show("imag only", lambda: complex(imag=4))
show("True", lambda: complex(True, False))
show("big int", lambda: complex(10**20, 1))
show("huge int", lambda: complex(10**400))
show("list", lambda: complex([1]))
show("second list", lambda: complex(1, [1]))
show("str second", lambda: complex("1", 2))
show("second str", lambda: complex(1, "2"))
show("bytes", lambda: complex(b"1"))
show("None", lambda: complex(None))
show("too many", lambda: complex(1, 2, 3))
show("bad kw", lambda: complex(x=1))
z = 5+6j
print(complex(z) is z)

# Strings.
for s in ["1+2j", "  (1+2j)  ", "1-2j", "-1.5e3+2.5e-3j", "j", "-j", "+j", "1+j", "2-J", "3", "3.5", "4j",
          "inf+nanj", "-inf-infj", "nan", "infinityj", "1_000+2_0j", " ( 7 ) ", "1e500j", ".5+.5j", "5.-3.j"]:
    show(repr(s), lambda: complex(s))
for s in ["", " ", "1+2", "1+2jj", "(1+2j", "1+2j)", "1 + 2j", "x", "1__0", "_1", "1_", "1+2j+3j", "()", "(j",
          "1e", "1.2.3", "\x00", "1j\x00", "é"]:
    show(repr(s), lambda: complex(s))

# Attributes and methods.
z = 3-4j
print(z.real, z.imag, z.conjugate(), type(z.real).__name__)
print((5).real, (5).imag, (2.5).imag, (5).conjugate(), (2.5).conjugate())
show("set real", lambda: setattr(z, "real", 1))
print(abs(3+4j), abs(-5j), abs(complex(float('inf'), float('nan'))), abs(complex(float('nan'), 1)))
show("abs overflow", lambda: abs(complex(1e308, 1e308)))
print(bool(0j), bool(1j), bool(complex(0, 0)), bool(complex(1, 0)))
print(-(1+2j), +(1+2j), -complex(0.0, 0.0))

# Arithmetic.
a, b = 1+2j, 3-4j
for name, f in [("+", lambda x, y: x + y), ("-", lambda x, y: x - y), ("*", lambda x, y: x * y),
                ("/", lambda x, y: x / y), ("**", lambda x, y: x ** y)]:
    for x, y in [(a, b), (a, 2), (2, a), (a, 0.5), (0.5, a), (a, a), (1j, 1j), (a, -2), (a, 0), (2, 0.5j)]:
        show(f"{x!r} {name} {y!r}", lambda: f(x, y))
show("1j/0", lambda: 1j / 0)
show("1j/0j", lambda: 1j / 0j)
show("1/0j", lambda: 1 / 0j)
show("0j**-1", lambda: 0j ** -1)
show("0j**1j", lambda: 0j ** 1j)
show("0j**0", lambda: 0j ** 0)
show("0j**2.5", lambda: 0j ** 2.5)
show("big pow", lambda: (1e200+1e200j) ** 2)
show("big pow 2", lambda: (10+10j) ** 1000.5)
show("pow 3 args", lambda: pow(1j, 2, 3))
show("pow()", lambda: pow(1+1j, 2))
show("(-8)**(1/3)", lambda: (-8) ** (1/3))
show("(-8.0)**0.5", lambda: (-8.0) ** 0.5)
show("(-1)**0.5", lambda: (-1) ** 0.5)
show("//", lambda: (1+2j) // 2)
show("%", lambda: (1+2j) % 2)
show("r//", lambda: 2 // (1+2j))
show("divmod", lambda: divmod(1+2j, 2))
show("<<", lambda: 1j << 1)
show("~", lambda: ~1j)
show("+str", lambda: 1j + "a")
show("str+", lambda: "a" + 1j)
show("*list", lambda: [1] * 1j)
z = 1+1j
z += 1
z *= 2j
z -= 0.5
z /= 2
z **= 2
print(z)
print(sum([1j, 2, 3.5, 1-1j]), sum([1j, 2j], 1j))

# Comparison and hashing.
print(1+0j == 1, 1+0j == 1.0, 1j == 1j, 1+1j != 1+1j, 1j == 0, 2 == 2+0j, 1.5 == 1.5+0j, 1j == "1j")
print(complex(10**20, 0) == 10**20, complex(2**53 + 1, 0) == 2**53 + 1, complex(float('nan')) == complex(float('nan')))
for op in ["<", "<=", ">", ">="]:
    show(op, lambda: eval(f"1j {op} 2j"))
show("< int", lambda: 1j < 1)
show("int <", lambda: 1 < 1j)
show("sorted", lambda: sorted([1j, 2j]))
show("max", lambda: max(1j, 2j))
for z in [0j, 1+0j, 2.5+0j, 1j, 1+2j, -1-2j, complex(1e300, 1e-300), complex(float('inf'), 0), complex(0, float('-inf'))]:
    print(repr(z), hash(z), hash(z) == hash(z.real) if z.imag == 0 else "")
print(len({1, 1.0, 1+0j, 2j, 2j}), {1+0j: "x"}[1])

# Conversions that complex refuses.
show("int", lambda: int(1j))
show("float", lambda: float(1j))
show("round", lambda: round(1j))
show("math.sqrt", lambda: math.sqrt(1j))
show("index", lambda: [1, 2][complex(1)])
show("range", lambda: range(1j))
show("math.floor", lambda: math.floor(1j))

# Unicode digits and spaces in strings.
for s in ["\u0661+\u0662j", "\u2003(1+2j)\u3000", "1+2\u00e9j", "\u0661_\u0662j"]:
    show(repr(s), lambda: complex(s))
