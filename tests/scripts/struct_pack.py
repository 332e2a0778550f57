# struct: pack/unpack round trips for every format code, byte orders,
# sizes, alignment, repeat counts and the s/p/c/?/e/f/d conversions.
import struct

for prefix in ("", "@", "=", "<", ">", "!"):
    for code in "bBhHiIlLqQ":
        if prefix in ("=", "<", ">", "!") or True:
            fmt = prefix + code
            size = struct.calcsize(fmt)
            lo = -(1 << (8 * size - 1)) if code.islower() else 0
            hi = (1 << (8 * size - 1)) - 1 if code.islower() else (1 << (8 * size)) - 1
            for v in (lo, lo + 1, -1 if lo else 0, 0, 1, 100, hi - 1, hi):
                data = struct.pack(fmt, v)
                assert struct.unpack(fmt, data) == (v,), (fmt, v)
                print(fmt, size, v, data)

for fmt in ("@nN", "@P", "@nNP"):
    print(fmt, struct.calcsize(fmt), struct.pack(fmt, *([-5, 7, 9][:len(fmt) - 1])))
print(struct.unpack("@n", struct.pack("@n", -2)), struct.unpack("@N", struct.pack("@N", 2**64 - 1)))

for fmt in ("@ci", "=ci", "@cq0i", "@c0s", "@bP", "@b e", "@hd", "@iq", "@?h", "<ci", ">hq", "@xxh", "3x", "i 3i",
            "", "0i", "@c0i", "@d0i", "10s", "10p", "2c", "!iH"):
    print(repr(fmt), struct.calcsize(fmt))

print(struct.pack(">3B", 1, 2, 3), struct.pack("<2h3x?", -1, 2, True), struct.pack("@bi", 1, 2))
print(struct.unpack(">3B", b"\x01\x02\x03"), struct.unpack("@bi", struct.pack("@bi", -1, -2)))

# s, p, c, ?
print(struct.pack("5s", b"abc"), struct.pack("2s", b"abcdef"), struct.pack("0s", b"abc"), struct.pack("s", b""))
print(struct.pack("5p", b"abc"), struct.pack("3p", b"abcdef"), struct.pack("0p", b"abc"), struct.pack("1p", b"abc"))
print(struct.pack("300p", b"x" * 299)[:3], len(struct.pack("300p", b"x" * 299)))
print(struct.unpack("3p", b"\x09ab"), struct.unpack("5s", b"ab\x00cd"), struct.unpack("3c", b"xyz"))
print(struct.pack("4?", 0, 1, [], "x"), struct.unpack("4?", b"\x00\x01\x05\xff"))
print(struct.pack("c", b"\x00"), struct.unpack("c", b"\xff"))

# floats
for fmt in ("<e", ">e", "<f", ">f", "<d", ">d", "@f", "@d", "=e"):
    for v in (0.0, -0.0, 1.0, -2.5, 0.1, 1e-3, 65504.0, 6.1e-5, 5.96e-8, 1e-10, 3.4e38, float("inf"), float("-inf"), 7):
        try:
            data = struct.pack(fmt, v)
            print(fmt, v, data, struct.unpack(fmt, data))
        except OverflowError as e:
            print(fmt, v, "OverflowError", e)
for v in (1.0009765625, 1.00048828125, 1.00146484375, 2049.0, 2051.0, 65519.0, 65520.0, 3.0e-8, 2.9e-8, 6.0e-8, 1e-8, 0.5e-7):
    try:
        print("half", v, struct.pack("<e", v), struct.unpack("<e", struct.pack("<e", v)))
    except OverflowError as e:
        print("half", v, "OverflowError", e)
print(struct.unpack("<e", b"\x00\x7c"), struct.unpack("<e", b"\x00\xfc"), struct.unpack("<e", b"\x01\x00"), struct.unpack("<e", b"\xff\x7b"))
print(struct.pack("<e", float("nan")), struct.unpack("<e", b"\x00\x7e")[0] != struct.unpack("<e", b"\x00\x7e")[0])
print(struct.pack("<f", 16777217), struct.pack("<d", 10**20), struct.pack("@f", 1e300), struct.pack("<f", 1e-50))


class Index:
    def __index__(self):
        return 7


class Floaty:
    def __float__(self):
        return 2.5


print(struct.pack("<i", Index()), struct.pack("<f", Index()), struct.pack("<d", Floaty()), struct.pack("<Q", True))

# Struct objects
s = struct.Struct(">hhl")
print(s.size, s.format, type(s).__name__, type(s).__module__)
packed = s.pack(1, 2, 3)
print(packed, s.unpack(packed), s.unpack_from(b"xx" + packed, 2), s.unpack_from(buffer=packed))
print(struct.Struct(b"<I").format, struct.Struct(format="<I").size)
print(list(s.iter_unpack(packed * 3)))
it = struct.iter_unpack("<h", b"1234")
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
print(struct.unpack_from("<h", b"abcd", offset=2), struct.unpack_from("<h", b"abcd", -2), struct.unpack_from("<h", b"abcd", -4))
int2byte = struct.Struct(">B").pack
print(b"".join(int2byte(i) for i in range(0, 256, 17)))
print(struct.__all__)
print(struct.error.__name__, struct.error.__module__, issubclass(struct.error, Exception))
print(struct.pack(">" + "B" * 300, *range(300 % 256) , *range(300 - 300 % 256))[-5:])
print(struct.calcsize("99999999999999999i"))
struct._clearcache()
