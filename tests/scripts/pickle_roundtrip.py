# Round trips through pickle at every protocol: values come back equal and
# of the same type; files written with dump/Pickler read back with
# load/Unpickler, several pickles in one file.
import io
import pickle
from collections import OrderedDict, defaultdict, deque, namedtuple, Counter

Point = namedtuple("Point", ["x", "y"])


class Plain:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __eq__(self, other):
        return type(other) is type(self) and vars(other) == vars(self)


class Slotted:
    __slots__ = ("p", "q")

    def __init__(self, p):
        self.p = p

    def __eq__(self, other):
        return type(other) is Slotted and other.p == self.p and not hasattr(other, "q")


class Both(Plain):
    __slots__ = ("s",)


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyInt(int):
    pass


class MyStr(str):
    pass


class MyError(Exception):
    pass


def module_function(x):
    return x * 2


values = [
    None, True, False, 0, -5, 2**31, 2**64, -(2**200), 3.25, -0.0, 1e308, float("inf"), "", "text", "\u0394\U0001f40d",
    b"", b"\x00bytes\xff", (), (1,), (1, "two", 3.0), [], [1, [2, [3]]], {}, {"a": 1, 2: "b", (3, 4): [5]},
    {1, 2, 3}, set(), frozenset({"x"}), frozenset(), range(0), range(-5, 50, 7), slice(None), slice(1, None, -1),
    Plain(1, [2]), Slotted(9), Point(3, 4), MyList([1, 2]), MyDict(k=1), MyInt(42), MyStr("mine"),
    OrderedDict(a=1, b=2), defaultdict(int, {"z": 26}), deque("abc"), deque([1, 2, 3], maxlen=2), Counter("hello"),
    module_function, Plain, len, pickle.dumps, ValueError("bad", 1), MyError("mine"), KeyError("k"),
    [10**i for i in range(40)], {str(i): float(i) for i in range(50)},
]

for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
    bad = []
    for index, value in enumerate(values):
        try:
            copy = pickle.loads(pickle.dumps(value, protocol))
        except Exception as e:
            bad.append((index, type(e).__name__, str(e)))
            continue
        if isinstance(value, BaseException):
            same = type(copy) is type(value) and copy.args == value.args
        else:
            same = type(copy) is type(value) and copy == value
        if not same:
            bad.append((index, repr(copy)))
    print("protocol", protocol, "mismatches", bad)

b = Both(1, 2)
b.s = "slot"
for protocol in (2, 4, 5):
    c = pickle.loads(pickle.dumps(b, protocol))
    print(type(c).__name__, c.a, c.b, c.s)

dd = pickle.loads(pickle.dumps(defaultdict(list), 4))
dd["new"].append(1)
print(dict(dd), dd.default_factory is list)
print(pickle.loads(pickle.dumps(deque([1, 2, 3], maxlen=2))).maxlen)
print(pickle.loads(pickle.dumps(Point(1, 2), 2)).x)
print(pickle.loads(pickle.dumps(module_function))(21))
e = pickle.loads(pickle.dumps(MyError("x", 2)))
print(type(e).__name__, e.args)

# Files: dump / load, several pickles one after another.
buffer = io.BytesIO()
for protocol in range(6):
    pickle.dump({"protocol": protocol, "data": [1, 2.5, "three"]}, buffer, protocol)
pickle.dump("big" * 30000, buffer)
buffer.seek(0)
for _ in range(7):
    item = pickle.load(buffer)
    print(item if not isinstance(item, str) else len(item))
print(buffer.read())

buffer = io.BytesIO()
p = pickle.Pickler(buffer, 3)
shared = [1, 2]
p.dump(shared)
p.dump(shared)  # the memo persists: the second is a reference to the first
p.clear_memo()
p.dump(shared)
buffer.seek(0)
u = pickle.Unpickler(buffer)
print(u.load(), u.load(), u.load())
print(len(buffer.getvalue()))

# Keyword arguments are accepted.
data = pickle.dumps([1, "a"], protocol=2, fix_imports=False)
print(pickle.loads(data, fix_imports=True, encoding="latin1", errors="strict"))
print(pickle.loads(b"U\x03abc.", encoding="bytes"), pickle.loads(b"U\x02\xe9t.", encoding="latin1"))
