# array.array: construction, item access, slicing, the list-like methods,
# operators, comparisons, repr and the byte-level methods, per typecode.
import array

print(array.typecodes.replace("u", ""), array.ArrayType is array.array, array.array.__module__, array.array.__name__)
for code in "bBhHiIlLqQfd":
    a = array.array(code, [1, 2, 3])
    print(code, a.typecode, a.itemsize, a, len(a), a.tolist(), a[0], a[-1], list(a), 2 in a, 9 in a)
    lo, hi = {"b": (-128, 127), "B": (0, 255), "h": (-2**15, 2**15 - 1), "H": (0, 2**16 - 1),
              "i": (-2**31, 2**31 - 1), "I": (0, 2**32 - 1), "l": (-2**63, 2**63 - 1), "L": (0, 2**64 - 1),
              "q": (-2**63, 2**63 - 1), "Q": (0, 2**64 - 1), "f": (-1.5, 2.25), "d": (-1e300, 1e-300)}[code]
    b = array.array(code, [lo, hi])
    print(b, b.tobytes(), array.array(code, b.tobytes()) == b)
    c = array.array(code)
    c.frombytes(b.tobytes())
    c.byteswap()
    print(c.tobytes() == b"".join(b.tobytes()[i:i + b.itemsize][::-1] for i in range(0, len(b.tobytes()), b.itemsize)))

print(array.array("d", [1.5, 2]), array.array("b"), array.array("f", [0.1]), array.array("d", [float("inf"), -0.0]))
print(array.array("b", b"abc"), array.array("h", array.array("b", [1, -2])), array.array("d", array.array("b", [1])))
print(array.array("i", range(5)), array.array("i", (x * x for x in range(4))), array.array("B", (1, 2)))

a = array.array("i", range(10))
print(a[2:5], a[::-1], a[::3], a[-3:], a[10:20], a[5:2], a[1:8:2])
a[2:5] = array.array("i", [20, 30])
print(a)
a[::3] = array.array("i", [-1, -2, -3])
print(a)
a[1:1] = array.array("i", [7, 7, 7])
print(a)
a[:] = a
print(a)
del a[0]
del a[-1]
del a[::2]
print(a)
del a[1:3]
print(a)
a[0] = 99
a[-1] = -99
print(a, a.index(-99), a.count(7), a.count(1000))
a.append(5)
a.extend([6, 7])
a.extend(array.array("i", [8]))
a.extend(x for x in (9, 10))
a.extend(a)
a.insert(0, 100)
a.insert(-1, 101)
a.insert(1000, 102)
a.insert(-1000, 103)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(7)
a.reverse()
print(a, a.index(7), a.index(7, 3), a.index(7, -15))
a.fromlist([1, 2])
print(a, a.buffer_info()[1] == len(a), type(a.buffer_info()[0]))

x = array.array("b", [1, 2])
y = array.array("b", [3])
print(x + y, x * 3, 3 * x, x * 0, x * -1)
x += y
print(x)
x *= 2
print(x)
x *= 0
print(x, len(x))
print(array.array("b", [1, 2]) == array.array("d", [1.0, 2.0]), array.array("b", [1, 2]) < array.array("b", [1, 3]),
      array.array("b", [1, 2]) < array.array("b", [1, 2, 0]), array.array("b", [2]) > array.array("B", [1, 200]),
      array.array("b", [1, 2]) != array.array("b", [1, 2]), array.array("b") <= array.array("b"),
      array.array("b", [1]) == [1], array.array("d", [float("nan")]) == array.array("d", [float("nan")]))
print(array.array("f", [0.5, 1.25]) >= array.array("f", [0.5, 1.25]), array.array("Q", [2**64 - 1]) > array.array("q", [-1]))

it = iter(array.array("h", [4, 5]))
print(type(it).__name__, next(it), list(it), list(it))
b = array.array("B", [0] * 12)
for i in range(12):
    b[i] = (i * 37) % 256
print(b, sum(b), max(b), sorted(b)[:3], b.tobytes().hex())
import copy
c = copy.copy(b)
c[0] = 255
print(b[0], c[0], copy.deepcopy(c) == c, b.__reduce_ex__(2)[1])


class Sub(array.array):
    pass


s = Sub("i", [1, 2])
print(type(s).__name__, s, isinstance(s, array.array), s + s, type(s[:1]).__name__)
print(array.array("q", [2**63 - 1, -2**63]), array.array("Q", [2**64 - 1]), array.array("L", [2**63]))
from collections.abc import MutableSequence, Sequence
print(isinstance(array.array("b"), MutableSequence), issubclass(array.array, Sequence))
