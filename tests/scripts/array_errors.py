# array.array: the errors CPython raises, with their messages; failed
# multi-item operations leave the array as it was.
import array


def t(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for code in "bBhHiIlLqQ":
    size = array.array(code).itemsize
    for v in (2**64, -2**64, 2**(8 * size), 2**(8 * size - 1), -1, -2**(8 * size - 1) - 1, 1.0, "a", None):
        print(code, end=" ")
        t(array.array, code, [v])
for code in "fd":
    for v in ("a", None, 10**400, 1e300, [1]):
        print(code, end=" ")
        t(array.array, code, [v])

t(array.array, "z"); t(array.array, "bb"); t(array.array, 1); t(array.array, "b", "abc"); t(array.array, "h", b"abc")
t(array.array); t(array.array, "b", [1], 2); t(array.array, "b", typecode="b")
t(array.array, "b", array.array("d", [1.5])); t(array.array, "b", 5)
a = array.array("B", [1, 2, 3])
t(lambda: a[5]); t(lambda: a[-4]); t(a.__setitem__, 5, 1); t(a.__delitem__, 5); t(lambda: a["x"]); t(a.__setitem__, "x", 1)
t(a.index, 9); t(a.remove, 9); t(array.array("b").pop); t(a.pop, 10); t(a.index, 2, 5); t(a.index, 2, 0, 1)
t(a.extend, [1, "x"]); print(a)
t(a.extend, 5); t(a.extend, array.array("b", [1])); print(a)
t(a.__add__, [1]); t(a.__add__, array.array("b")); t(a.__iadd__, array.array("b")); t(a.__iadd__, [1])
t(lambda: a * "x"); t(lambda: a + [1])
t(a.frombytes, "x"); t(array.array("h").frombytes, b"abc"); t(a.fromlist, (1,)); t(a.fromlist, [1, 2, 300]); print(a)
t(a.__setitem__, slice(0, 2), [1]); t(a.__setitem__, slice(0, 2), array.array("b"))
t(a.__setitem__, slice(0, 3, 2), array.array("B", [9])); print(a)
t(a.insert, "x", 1); t(a.insert, 0, 256); t(a.append, -1); t(a.append, 1.5); print(a)
t(a.__setitem__, 0, 256); t(a.__setitem__, 0, "x"); print(a)
t(a.count, "x"); t(lambda: a.tounicode()); t(a.append); t(a.pop, "x")
t(lambda: iter(a).__next__()); t(lambda: array.array("d", [1]) + array.array("f", [1]))
t(a.pop, 1, 2); t(a.insert); t(a.index); t(a.tobytes, 1); t(a.__deepcopy__); t(a.__copy__, 1); t(a.fromunicode, "x")
