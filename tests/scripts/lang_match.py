# match statements (PEP 634): every pattern kind, guards, captures, the
# compile-time errors and the run-time TypeErrors, soft keywords.
from dataclasses import dataclass
import collections

@dataclass
class Point:
    x: int
    y: int

class Color:
    RED = 'red'
    GREEN = 'green'

def describe(v):
    match v:
        case None:
            return "none"
        case True:
            return "true"
        case 0 | 1 as small:
            return f"small {small}"
        case -5:
            return "minus five"
        case "hello" | b"bytes":
            return f"literal {v!r}"
        case Color.RED:
            return "red color"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float():
            return f"number {v}"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x=px, y=py):
            return f"point {px},{py}"
        case []:
            return "empty seq"
        case [x]:
            return f"one {x}"
        case [1, *rest]:
            return f"starts with 1, rest {rest}"
        case [first, *_, last]:
            return f"first {first} last {last}"
        case {"kind": "circle", "r": r}:
            return f"circle r={r}"
        case {"kind": kind, **others}:
            return f"kind {kind} others {sorted(others.items())}"
        case {}:
            return "mapping"
        case str() as s:
            return f"string {s}"
        case (a, b):
            return "unreachable pair"
        case _:
            return "other"

for v in [None, True, 0, 1, -5, "hello", b"bytes", "red", 500, 7, 2.5, Point(0, 0), Point(0, 3),
          Point(4, 4), Point(1, 2), [], [9], (9,), [1, 2, 3], [5, 6, 7, 8], (5, 6), "str", range(3),
          {"kind": "circle", "r": 2}, {"kind": "sq", "a": 1, "b": 2}, {"x": 1}, collections.OrderedDict(kind="od"),
          collections.deque([1, 2]), bytearray(b"ab")]:
    print(repr(v)[:30], '->', describe(v))

# captures are bound only on success; guard sees them
match [1, 2]:
    case [a, b] if a > b:
        print("no")
    case [a, b]:
        print("captured", a, b)
x = 'unset'
match (1, 2):
    case (x, 3):
        pass
    case _:
        print("x still", x)
# subject tuple without parens
match 1, 2:
    case (1, 2):
        print("tuple subject")
# match as a name still works
match = {'a': 1}
print(match['a'])
def case(x): return x
print(case(3))
match, case = 1, 2
print(match, case)
# nested
match {"pts": [Point(1, 2), Point(3, 4)]}:
    case {"pts": [Point(x=a), Point(y=b)]}:
        print("nested", a, b)
# class with __match_args__ and errors
class C:
    __match_args__ = ('a', 'b')
    def __init__(self): self.a, self.b = 1, 2
match C():
    case C(a, b):
        print("C", a, b)
for src in ["class D:\n    __match_args__ = 'x'\nmatch D():\n    case D(1): pass",
            "class D:\n    __match_args__ = ('x',)\n    x = 1\nmatch D():\n    case D(1, 2): pass",
            "class D:\n    pass\nmatch D():\n    case D(1): pass",
            "class D:\n    __match_args__ = ('x',)\n    x = 1\nmatch D():\n    case D(1, x=2): pass",
            "class D:\n    __match_args__ = (1,)\n    x = 1\nmatch D():\n    case D(1): pass",
            "match 1:\n    case int(1, 2): pass",
            "k = 'a'\nclass N: k1 = 'a'; k2 = 'a'\nmatch {'a': 1}:\n    case {N.k1: 1, N.k2: 2}: pass",
            "f = 5\nclass N: f = 5\nmatch 1:\n    case N.f(): pass",
            ]:
    try:
        exec(src, {})
    except Exception as e:
        print(type(e).__name__, e)
for src in ["match x:\n case a | b: pass", "match x:\n case [a, a]: pass", "match x:\n case a:\n  pass\n case 1:\n  pass",
            "match x:\n case _:\n  pass\n case 1:\n  pass", "match x:\n case a | 1: pass", "match x:\n case [*a, *b]: pass",
            "match x:\n case C(a=1, 2): pass", "match x:\n case f'{a}': pass", "match x:\n case 1 + 1: pass",
            "match x:\n case {**_}: pass", "match x:\n case _ as y:\n  pass\n case 2: pass", "match x:\n case (a as _): pass",
            "match x:\n case *a: pass", "match x:\n case {a.b: 1}: pass", "match x:\n case [a] | (b,): pass",
            "match x:\n case {'a': 1, 'a': 2}: pass", "match x:\n case 1:\n  pass\n case 5(): pass",
            "match x:\ncase 1: pass", "match x:\n case 1 if y:\n  pass\n case z if z:\n  pass\n case _: pass"]:
    try:
        compile(src, "<s>", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_offset)

# Semantics details: strings are not sequences; get() is used on mappings
# (a defaultdict does not grow); registered ABCs count; captures are locals
# of functions and cells for closures; the subject is evaluated once.
import collections.abc
def kinds(v):
    match v:
        case [*_]:
            return "sequence"
        case {}:
            return "mapping"
        case _:
            return "neither"
class MySeq:
    def __len__(self): return 2
    def __getitem__(self, i):
        if i >= 2: raise IndexError
        return i * 10
collections.abc.Sequence.register(MySeq)
class MyMap(collections.abc.Mapping):
    def __init__(self): self.d = {'k': 'v'}
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
print([kinds(v) for v in ["abc", b"ab", bytearray(b"x"), [1], (1,), range(2), MySeq(), {}, MyMap(), 5, {1, 2}]])
match MySeq():
    case [a, b]:
        print("MySeq", a, b)
match MyMap():
    case {'k': value, **rest}:
        print("MyMap", value, rest)
d = collections.defaultdict(list)
match d:
    case {'missing': _}:
        print("no")
    case _:
        print("defaultdict untouched", dict(d))
calls = []
def subject():
    calls.append(1)
    return 3
match subject():
    case 1: pass
    case 2: pass
    case 3: print("subject evaluated", len(calls), "time")
def closure(v):
    match v:
        case [x, *ys]:
            return lambda: (x, ys)
print(closure([1, 2, 3])())
class Body:
    match {'n': 4}:
        case {'n': n}:
            doubled = n * 2
print(Body.n, Body.doubled)
def guard_counter(items):
    seen = []
    for item in items:
        match item:
            case int(i) if (seen.append(i) or i % 2 == 0):
                print("even", i)
            case int(i):
                print("odd", i)
    return seen
print(guard_counter([1, 2, 3]))
for v in [True, 1, 1.0]:
    match v:
        case True:
            print(repr(v), "is True")
        case 1:
            print(repr(v), "== 1")
match 42:
    case bool(): print("bool")
    case int(x): print("int", x)
match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]] as whole:
        print(a + b + c + d, whole)
while True:
    match 5:
        case 5:
            break
print("break out of a match in a loop")
for i in range(3):
    match i:
        case 0:
            continue
        case _:
            print("loop", i)
