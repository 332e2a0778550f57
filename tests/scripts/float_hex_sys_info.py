# float.hex/fromhex, sys.float_info, sys.int_info, sys.getsizeof.
import sys

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

for x in [0.0, -0.0, 1.0, -1.0, 0.1, 2.5, 1e300, -1e-300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e+308,
          float("inf"), float("-inf"), float("nan"), 3.0, 1 / 3, 123456789.0]:
    h = x.hex()
    back = float.fromhex(h)
    print(repr(x), h, back == x or (x != x and back != back))
for s in ["0x1.8p1", "0X1.8P+1", "  -0x1p-2  ", "1.8", "0x.8", "0x8.", "ff", "0x1p-1074", "0x1p-1075", "0x1.8p-1074",
          "0x1.0000000000000bp0", "0x1.00000000000008p0", "0x1.00000000000018p0", "inf", "-Infinity", "nan", "+0x0p0",
          "0x1p1023", "0x1.fffffffffffffp1023"]:
    show(repr(s), lambda: float.fromhex(s))
for s in ["", "0x", "0x.", "0xg", "1p", "0x1p+", "0x1 p1", "--1", "0x1.8p1x", "in"]:
    show(repr(s), lambda: float.fromhex(s))
show("too large", lambda: float.fromhex("0x1p1024"))
show("too large 2", lambda: float.fromhex("0x1.fffffffffffffffp1023"))
show("not str", lambda: float.fromhex(1))
class F(float):
    pass
print(type(F.fromhex("0x1p0")).__name__, F.fromhex("0x1p1"))
show("hex arg", lambda: (1.0).hex(1))

fi = sys.float_info
print(fi)
print(fi.max, fi.max_exp, fi.max_10_exp, fi.min, fi.min_exp, fi.min_10_exp, fi.dig, fi.mant_dig, fi.epsilon, fi.radix,
      fi.rounds, len(fi), fi[0], fi[-1], tuple(fi)[:3], isinstance(fi, tuple), type(fi).__name__)
ii = sys.int_info
print(ii, ii.bits_per_digit, ii.sizeof_digit, ii.default_max_str_digits, ii.str_digits_check_threshold, len(ii))
show("set", lambda: setattr(fi, "max", 1))

# getsizeof: sizes differ from CPython's (gilvm's objects are laid out
# otherwise); only their properties are checked.
for v in [0, 1, 10**100, 1.5, 1j, "", "abc", b"", b"abc", (), (1, 2), [], [1, 2], {}, {1: 2}, set(), None, True]:
    n = sys.getsizeof(v)
    print(type(v).__name__, type(n).__name__, n > 0)
print(sys.getsizeof("a" * 1000) > sys.getsizeof("a"), sys.getsizeof(list(range(100))) > sys.getsizeof([]))
class Sized:
    def __sizeof__(self):
        return 100
class Negative:
    def __sizeof__(self):
        return -1
class NotInt:
    def __sizeof__(self):
        return "x"
print(sys.getsizeof(Sized()) >= 100, sys.getsizeof(Negative(), 7) if False else "")
show("negative", lambda: sys.getsizeof(Negative()))
show("not int", lambda: sys.getsizeof(NotInt()))
show("not int default", lambda: sys.getsizeof(NotInt(), 42))
show("no args", lambda: sys.getsizeof())
