# json.dumps / json.dump through the native encoder: every option, subclasses,
# dict key conversion, float repr, escapes, errors and deep nesting.
import json
import io
import sys


def show(*args, **kw):
    try:
        print(repr(json.dumps(*args, **kw)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


# Scalars and floats.
for v in [0, -1, 1, 2**62, -2**62, 2**63, -2**63 - 1, 10**30, -10**40, True, False, None, 0.0, -0.0, 1.5,
          1e16, 1e-5, 1e22, 1e400, -1e400, float("nan"), 3.141592653589793, 1/3, 5e-324, 1.7976931348623157e308,
          123456789.0, 0.1 + 0.2]:
    show(v)
    show([v])
show(2**200)

# Strings: escapes, control characters, unicode, surrogates.
for s in ["", "plain", 'q"uote', "back\\slash", "\n\r\t\b\f", "\x00\x01\x1f\x7f\x80", "/slash",
          "é☺", "\U0001F600", "\ud800", "\udfff", "\ud83d\ude00", "a\u2028b\u2029", "\uffff\U0010ffff",
          "mixed é \x00 \U0001F600 \"x\""]:
    show(s)
    show(s, ensure_ascii=False)
    show({s: s})
    show({s: s}, ensure_ascii=False)

# Containers, separators, indent.
data = {"b": [1, 2, {"c": ()}], "a": {}, "c": [[]], "d": [{}], "e": {"x": {"y": {}}}, "f": (1, "t")}
show(data)
show(data, sort_keys=True)
for indent in [0, 1, 2, 4, -1, "", "\t", "--", " "]:
    show(data, indent=indent)
    show(data, indent=indent, sort_keys=True)
    show([], indent=indent)
    show({}, indent=indent)
    show([[], {}, [[]], [{}]], indent=indent)
show(data, separators=(",", ":"))
show(data, separators=(" , ", " : "), indent=2)
show(data, indent=2, separators=(",", ": "))
show([1, 2], indent=None, separators=(";", "="))

# Dict keys.
show({1: "int", 2.5: "float", True: "t", False: "f", None: "n", -3: "neg", 10**25: "big"})
show({1.0: 1, -0.0: 2, 1e400: 3, -1e400: 4, 1e16: 5})
show({float("nan"): 1})
show({float("nan"): 1}, allow_nan=False)
show({float("inf"): 1}, allow_nan=False, indent=1)
show({(1, 2): 3})
show({(1, 2): 3, "a": 1}, skipkeys=True)
show({(1, 2): 3, "a": 1, frozenset(): 4, "b": 2}, skipkeys=True, indent=2)
show({(1, 2): 3}, skipkeys=True, indent=2)
show({(1, 2): 3}, skipkeys=True)
show({b"x": 1})
show({3: "a", 1: "b", 2: "c"}, sort_keys=True)
show({"b": 1, "a": 2, "é": 3, "z": 4, "\U0001F600": 5, "\uffff": 6, "A": 7}, sort_keys=True)
show({"b": 1, 2: 3}, sort_keys=True)
show({2.5: 1, 1: 2, True: 3}, sort_keys=True)
show({None: 1, "a": 2}, sort_keys=True)

# allow_nan.
show([float("nan"), float("inf"), -float("inf")])
show([float("nan")], allow_nan=False)
show([float("inf")], allow_nan=False)
show(-float("inf"), allow_nan=False)
show([float("nan")], allow_nan=False, indent=2)


# Subclasses.
class MyInt(int):
    def __repr__(self):
        return "MyInt!"

    def __str__(self):
        return "MyInt?"


class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"


class MyStr(str):
    def __str__(self):
        return "other"


class MyList(list):
    pass


class MyTuple(tuple):
    pass


class MyDict(dict):
    pass


import enum


class Color(enum.IntEnum):
    RED = 1
    GREEN = 2


show([MyInt(5), MyFloat(2.5), MyStr("s"), MyList([1, 2]), MyTuple((3,)), MyDict(a=1)])
show({MyInt(5): 1, MyFloat(0.5): 2, MyStr("k"): 3})
show([Color.RED, Color.GREEN], indent=1)
show({Color.RED: "r"})
show(MyFloat("nan"), allow_nan=False)
show(MyFloat("nan"), allow_nan=False, indent=1)
show(True + 0)


# default=.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def point_default(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    if isinstance(o, (set, frozenset)):
        return sorted(o)
    raise TypeError("cannot " + type(o).__name__)


show([Point(1, 2), {3, 1, 2}], default=point_default)
show([Point(1, Point(3, 4))], default=point_default, indent=2)
show(object(), default=point_default)
show({1, 2})
show(Point(1, 2))
show([1, {"a": b"bytes"}])
show(default=repr, obj={"x": Point})
show(Point(0, 0), default=lambda o: o)

# check_circular.
loop = []
loop.append(loop)
show(loop)
d = {}
d["self"] = d
show(d)
show([d], indent=2)
shared = [1]
show([shared, shared, {"a": shared}])


def self_default(o):
    return [o]


show(Point(1, 1), default=self_default)
try:
    json.dumps(loop, check_circular=False)
except RecursionError as e:
    print("RecursionError (no circular check)")

# Deep nesting.
# Built 100 levels a call: a loop of 100000 steps is slow under GILVM_GC_STRESS.
wrap_list = eval("lambda x: " + "[" * 100 + "x" + "]" * 100)
wrap_dict = eval("lambda x: " + '{"k": ' * 100 + "x" + "}" * 100)
deep = []
for _ in range(1000):
    deep = wrap_list(deep)
try:
    json.dumps(deep)
except RecursionError as e:
    print("RecursionError:", e)
try:
    json.dumps(deep, indent=1)
except RecursionError as e:
    print("RecursionError with indent")
deep_d = {}
for _ in range(1000):
    deep_d = wrap_dict(deep_d)
try:
    json.dumps(deep_d)
except RecursionError as e:
    print("RecursionError:", e)
ok = []
for _ in range(200):
    ok = [ok, {"k": ok}] if False else [ok]
print(len(json.dumps(ok)), len(json.dumps(ok, indent=1)))

# Big ints and the digit limit.
show(10**4299)
show(10**4300 if False else 1)
try:
    json.dumps(10**5000)
except ValueError as e:
    print("ValueError:", e)

# Errors.
show({"a": [1, 2, {1, 2}]})
show({"k": object})

# JSONEncoder subclasses.
class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({"s": {3, 2}}, cls=SetEncoder))
print(json.dumps({"s": {3, 2}}, cls=SetEncoder, indent=2, sort_keys=True))
try:
    json.dumps({"s": object()}, cls=SetEncoder)
except TypeError as e:
    print("TypeError:", e)


class UpperEncoder(json.JSONEncoder):
    def encode(self, o):
        return super().encode(o).upper()


print(json.dumps({"a": "b"}, cls=UpperEncoder))


class ChunkEncoder(json.JSONEncoder):
    def iterencode(self, o, _one_shot=False):
        yield "<"
        yield from super().iterencode(o, _one_shot)
        yield ">"


print(json.dumps([1, 2], cls=ChunkEncoder))
enc = json.JSONEncoder(sort_keys=True, indent=3, separators=(",", " = "))
print(enc.encode({"b": [1], "a": None}))
print("".join(enc.iterencode({"x": 1})))
print(enc.item_separator, enc.key_separator, json.JSONEncoder().item_separator, json.JSONEncoder(indent=1).item_separator)
print(json.JSONEncoder().encode("é\n"), json.JSONEncoder(ensure_ascii=False).encode("é\n"))
print(json.encoder.encode_basestring_ascii("é\"\U0001F600"), json.encoder.encode_basestring("é\"\x00"))
try:
    json.JSONEncoder().default(3)
except TypeError as e:
    print("TypeError:", e)

# json.dump.
buf = io.StringIO()
json.dump({"a": [1, 2.5, None]}, buf)
json.dump([1], buf, indent=2)
json.dump({"z": 1, "y": 2}, buf, sort_keys=True, separators=(",", ":"))
print(repr(buf.getvalue()))

# The pyperformance workload's shapes.
SIMPLE = {'key1': 0, 'key2': True, 'key3': 'value', 'key4': 'foo', 'key5': 'string'}
NESTED = {'key1': 0, 'key2': SIMPLE, 'key3': 'value', 'key4': SIMPLE, 'key5': SIMPLE, 'key': '\u0105\u0107\u017c'}
print(json.dumps(NESTED))
print(len(json.dumps([NESTED] * 1000)), json.dumps({}))

# Containers changed by default() or by key comparisons while they encode.
lst = [1, object(), 3]


def grow(o):
    lst.append(len(lst))
    if len(lst) > 6:
        lst.clear()
    return "d"


show(lst, default=grow)
lst = [object(), object(), 5]


def shrink(o):
    lst.clear()
    return "x"


show(lst, default=shrink)
d = {"a": object(), "b": 2}


def mutate(o):
    d.clear()
    d.update({"z": 1, "y": 2, "w": 3})
    return "m"


show(d, default=mutate)
print(d)


class K:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        dd.clear()
        return self.v < other.v

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return id(self)


dd = {K(2): 1, K(1): 2, "s": 3}
show(dd, sort_keys=True, skipkeys=True)
dd = {K(2): 1, K(1): 2}
show(dd, sort_keys=True, skipkeys=True)


# Subclasses whose __iter__ / items() differ from their contents.
class IterList(list):
    def __iter__(self):
        return iter([9, 9])


class EmptyIterTuple(tuple):
    def __iter__(self):
        return iter(())


class ItemsDict(dict):
    def items(self):
        return [("x", 1), (2, "two")]


class BadItems(dict):
    def items(self):
        return [("x", 1, 2)]


show([IterList([1, 2]), EmptyIterTuple((1,)), ItemsDict(a=1)])
show([IterList([1, 2]), ItemsDict(a=1)], indent=1, sort_keys=True)
show(BadItems(a=1))
show(ItemsDict())
il = IterList()
show(il)

# Separators that are not str.
show([1, {"a": 1}], separators=(1, 2))
show([1, {"a": 1}], separators=(",", 2))
show([1, {"a": 1}], separators=(1, ":"))
show([1, {"a": 1}], separators=(1, 2), indent=1)
show([1], indent=[1])
