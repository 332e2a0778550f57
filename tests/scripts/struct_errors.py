# struct: every error CPython's struct raises, with its type and message.
import struct
import array


def t(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for prefix in "@<=>":
    for code in "bBhHiIlLqQnNP":
        for v in (2**64, -1, 2**32, 2**31, 2**16, 2**15, 256, 128, -129, -2**63 - 1, 1.5, "1", None):
            print(prefix + code, repr(v), end=" ")
            t(struct.pack, prefix + code, v)

t(struct.pack, "c", b"ab"); t(struct.pack, "c", "a"); t(struct.pack, "c", 65)
t(struct.pack, "s", "a"); t(struct.pack, "p", 5); t(struct.pack, "<s", 5)
t(struct.pack, "f", "a"); t(struct.pack, "<d", "x"); t(struct.pack, "d", 10**400); t(struct.pack, "<d", None)
t(struct.pack, "<f", 1e300); t(struct.pack, ">f", -1e39); t(struct.pack, "<e", 1e300); t(struct.pack, "<e", 65520.0)
t(struct.pack, "ii", 1); t(struct.pack, "2i", 1, 2, 3); t(struct.pack, "i", 1, 2); t(struct.pack, "x", 1); t(struct.pack, "")
t(struct.pack, "zz"); t(struct.calcsize, "3"); t(struct.calcsize, "3 i"); t(struct.calcsize, "iz"); t(struct.calcsize, "<i<")
t(struct.calcsize, "9999999999999999999999i"); t(struct.calcsize, "99999999999999999999")
t(struct.calcsize, b"ii"); t(struct.calcsize, 5); t(struct.Struct, 5); t(struct.Struct, "zz")
t(struct.unpack, "i", b"12345"); t(struct.unpack, "i", b"12"); t(struct.Struct("i").unpack, b"12")
t(struct.unpack, "i", "abcd"); t(struct.unpack, "i", 5); t(struct.unpack, "i")
t(struct.unpack_from, "i", b"1234", 1); t(struct.unpack_from, "i", b"1234", -10); t(struct.unpack_from, "i", b"1234", 5)
t(struct.unpack_from, "<h", b"abcd", 3); t(struct.unpack_from, "<h", b"abcd", -1)
t(struct.iter_unpack, "i", b"12345"); t(struct.iter_unpack, "", b""); t(struct.iter_unpack, "i", "ab")
t(struct.pack_into, "i", b"1234", 0, 1); t(struct.pack_into, "i"); t(struct.pack_into, "i", 1)
t(struct.pack_into, "ii", array.array("b", bytes(8)), 0, 1)
t(struct.pack); t(struct.pack, 3); t(struct.Struct, "<i", 1); t(struct.Struct)
t(struct.Struct("i").pack, 1, 2); t(struct.Struct("i").pack_into, 1)

a = array.array("b", bytes(6))
t(struct.pack_into, "<i", a, 4, 1); t(struct.pack_into, "<i", a, -10, 1); t(struct.pack_into, "<i", a, -2, 1)
t(struct.pack_into, "<i", a, -4, 7); print(a)
t(struct.pack_into, "<h", a, 0, 1 << 20); print(a)
t(struct.pack_into, "<i", a, "x", 1)
s = struct.Struct(">2h")
s.pack_into(a, 1, -2, 3); print(a, struct.unpack_from(">2h", a, 1), struct.unpack("<6b", a))
