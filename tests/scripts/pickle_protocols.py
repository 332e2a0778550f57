# pickle.dumps output compared byte for byte with CPython's, at every
# protocol, for objects whose pickles CPython writes deterministically.
import pickle
from collections import OrderedDict, defaultdict, deque, namedtuple, Counter


class Plain:
    def __init__(self):
        self.x = 1
        self.y = [1, 2]


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


class Nested:
    class Inner:
        pass


Point = namedtuple("Point", "x y")


def function():
    pass


cases = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, 2**31 - 1, -2**31, 2**31, 2**63, -2**63 - 1,
    2**100, -(2**100), 2**2100, -(2**2100), 0.0, -0.0, 1.5, -2.25, 1e300, 1e-300, float("inf"), float("-inf"),
    "", "abc", "h\xe9llo", "\u20ac\U0001f600", "a\nb\\c\r\0\x1a", b"", b"abc", b"\x00\x7f\x80\xff",
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 2, 3], {}, {1: 2}, {1: 2, 3: 4},
    {1, 2, 3}, frozenset([1, 2]), frozenset(), set(), range(1, 10, 2), range(5), slice(1, 2, None),
    [[1], [2]], ("abc", "abc"), [(), ()], Plain(), Point(1, 2), function, Plain, Nested.Inner, len, ValueError("boom"),
    KeyError(1), OrderedDict([(1, 2)]), defaultdict(list, {1: [2]}), deque([1, 2]), deque([1], maxlen=3),
    Counter({1: 2}), type(None), type(NotImplemented), type(...), int, str, range, [].append, NotImplemented, ...,
    list(range(2500)), {i: -i for i in range(1200)}, set(range(1100)), "x" * 70000, b"y" * 66000,
    [b"z" * 66000, "w" * 66000, 1, "v" * 100],
]
for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
    for case in cases:
        try:
            data = pickle.dumps(case, protocol)
        except Exception as e:
            print(protocol, "error", type(e).__name__, e)
            continue
        text = repr(data)
        if len(text) > 400:
            import hashlib
            text = "%d bytes, sha1 %s, starts %r" % (len(data), hashlib.sha1(data).hexdigest(), data[:40])
        print(protocol, cases.index(case) if not isinstance(case, float) else "f", text)

# Slotted instances: CPython refuses protocols 0 and 1.
for protocol in range(6):
    try:
        print(protocol, pickle.dumps(Slotted(), protocol))
    except TypeError as e:
        print(protocol, "TypeError", e)
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, pickle.dumps(1) == pickle.dumps(1, 4))
print(pickle.dumps(7, -1) == pickle.dumps(7, 5))
