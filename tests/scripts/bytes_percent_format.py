# bytes % args and bytearray % args (PEP 461): conversions, widths counted
# in bytes, %c/%s/%b/%r/%a rules, mappings, result kinds and the errors.


def show(fmt, args):
    try:
        r = fmt % args
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, ascii(str(e)))


class Tagged:
    def __bytes__(self):
        return b"<tag>"


class BadBytes:
    def __bytes__(self):
        return "not bytes"


class Index65:
    def __index__(self):
        return 65


class Getter:
    def __getitem__(self, key):
        return b"got-" + key


class Pair(tuple):
    pass


class SubBytes(bytes):
    pass


class SubArray(bytearray):
    pass


# numbers
show(b"%d %i %u", (1, -2, 3))
show(b"%5d|%-5d|%05d|%+d|% d", (42, 42, 42, 42, 42))
show(b"%x %X %#x %#X %o %#o", (255, 255, 255, 255, 8, 8))
show(b"%.3d|%d", (7, 2**100))
show(b"%d", 3.99)
show(b"%f|%.2e|%E|%g|%G|%10.3f|%-10.1f|", (1.5, 12345.678, 0.5, 1e20, 1e-7, 3.14159, 2.5, ))
show(b"%f", 7)
show(b"%*d|%-*d|%.*f", (5, 1, 4, 2, 2, 3.14159))
show(b"%d%%", 5)

# %s and %b: bytes-like objects or __bytes__
show(b"%s|%b", (b"ab", b"cd"))
show(b"%s", bytearray(b"xy"))
show(b"%s", memoryview(b"mv"))
show(b"%s %b", (Tagged(), Tagged()))
show(b"%5s|%-5s|%.1s|%3.2s|", (b"abc", b"de", b"xyz", b"xyz"))
show(b"%.2s", b"\xc3\xa9x")
show(b"%4s", b"\xc3\xa9")
show(b"%05s", b"a")
show(b"%s", "text")
show(b"%b", 1)
show(b"%s", [1])
show(b"%s", BadBytes())

# %r and %a: ascii(repr)
show(b"%r|%a", ("\xe9", "\u1234"))
show(b"%r", b"x")
show(b"%10a|%.3r", ("\u1234", "abcdef"))

# %c
show(b"%c%c%c", (65, b"B", bytearray(b"C")))
show(b"%5c|%-3c|", (65, b"B"))
show(b"%c", 255)
show(b"%c", Index65())
show(b"%c", True)
for bad in (256, -1, 2**70, "a", b"ab", b"", 3.0, [1], "\xe9"):
    show(b"%c", bad)

# mappings
show(b"%(x)s %(y)d", {b"x": b"X", b"y": 3})
show(b"%(a)s%(a)s", {b"a": b"1"})
show(b"%(a)s", {"a": b"x"})
show(b"%(key)s", Getter())
show(b"%(a)s", (1,))
show(b"%(a", {})
show(b"abc", {})
show(b"abc", "x")
show(b"abc", memoryview(b"x"))

# argument counting
show(b"%s-%s", Pair((b"a", b"b")))
show(b"%s", (b"abc",))
show(b"%d %d", (1,))
show(b"%d", (1, 2))
show(b"abc", b"x")
show(b"abc", bytearray(b"x"))
show(b"abc", SubBytes(b"x"))
show(b"abc", ())
show(b"%5%", ())

# format errors
show(b"%y", 3)
show(b"\xc3\xa9%y", 3)
show(b"%\x01", 1)
show(b"%\x7f", 1)
show(b"%\xfe", 3)
show(b"%", ())
show(b"%*d", ("x", 1))
show(b"%x", 3.0)
show(b"%x", "s")
show(b"%d", "s")
show(b"%f", "s")
show(b"%f", 2**2000)
show("%b", 1)

# result kinds and the reflected method
show(bytearray(b"%d-%s"), (5, b"x"))
show(bytearray(b"%s"), bytearray(b"ba"))
show(SubBytes(b"%d"), 3)
show(SubArray(b"%d"), 3)
x = b"%d"
x %= 5
print(repr(x))
y = bytearray(b"[%s]")
y %= b"in"
print(repr(y))
print(bytes.__rmod__(b"x", b"%s"))
print(bytes.__rmod__(b"x", "%s"))
print(bytearray.__mod__(bytearray(b"%d"), 1))
try:
    1 % b"x"
except TypeError as e:
    print(e)
print("%s" % b"x")
