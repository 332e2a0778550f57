# pprint (pformat, pprint, PrettyPrinter options, saferepr, isreadable,
# isrecursive, pp) and reprlib.
import collections
import pprint
import reprlib
import sys

data = {
    "name": "gilvm",
    "numbers": list(range(30)),
    "nested": {"z": [1, 2, {"deep": ("a", "b" * 30, "c")}], "a": {1, 2, 3}, "m": frozenset({"x"})},
    "text": "a rather long string with many words that must be wrapped because it is far too long for one line",
    "lines": "first line\nsecond line which is also quite long, long enough to need wrapping somewhere\n",
    "blob": bytes(range(40)),
    "ba": bytearray(b"0123456789" * 6),
    "tuple1": ("single",),
    "empty": [(), [], {}, set(), frozenset(), "", b""],
    "big": 12345678901234567890,
}
pprint.pprint(data)
print(pprint.pformat(data, width=40, indent=3))
print(pprint.pformat(data, depth=2))
print(pprint.pformat(data, compact=True, width=50))
print(pprint.pformat(data, sort_dicts=False, width=60))
print(pprint.pformat(list(range(40)), compact=True), pprint.pformat(10**12, underscore_numbers=True))
pprint.pp({"b": 1, "a": [1] * 30})
od = collections.OrderedDict((str(i), i * "x") for i in range(8))
dd = collections.defaultdict(list, {"k": list(range(25)), "j": ["v"] * 10})
ct = collections.Counter("abracadabra" * 5)
dq = collections.deque(range(30), maxlen=40)
for obj in (od, dd, ct, dq, collections.deque("abc"), collections.OrderedDict()):
    print(pprint.pformat(obj, width=30))
print(pprint.pformat({3: "c", 1: "a", "x": 2, (1, 2): None}, width=10))
recursive = [1, 2]
recursive.append(recursive)
print(pprint.saferepr(recursive).replace(str(id(recursive)), "ID"), pprint.isrecursive(recursive), pprint.isreadable(recursive))
print(pprint.isreadable([1, "a", {2: 3}]), pprint.isreadable([object]), pprint.saferepr({"b": 1, "a": (2,)}))
printer = pprint.PrettyPrinter(indent=2, width=20, stream=sys.stdout)
printer.pprint({"key": ["value"] * 5})
print(printer.pformat("x" * 50), printer.isreadable(1), printer.isrecursive([]))
for kwargs in (dict(indent=-1), dict(depth=0), dict(width=0)):
    try:
        pprint.PrettyPrinter(**kwargs)
    except ValueError as e:
        print("ValueError", e)

r = reprlib.Repr()
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr(10 ** 100), reprlib.repr({i: i for i in range(10)}))
print(reprlib.repr(set(range(20))), reprlib.repr(frozenset("abcdefghij")), reprlib.repr((1,)), reprlib.repr([[[[[[[1]]]]]]]))
print(reprlib.repr(collections.deque(range(10))), reprlib.repr(object()).startswith("<object object"), reprlib.repr(set()), reprlib.repr({}))
r.maxlist = 2
r.maxstring = 10
r.fillvalue = "<more>"
print(r.repr([1, 2, 3, 4]), r.repr("abcdefghijklmnop"), r.repr(["long string here"]))


class Node:
    def __init__(self):
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return "Node(%r)" % (self.children,)


n = Node()
n.children.append(n)
print(repr(n), Node.__repr__.__name__)
