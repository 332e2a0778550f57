# collections: deque, defaultdict, Counter, namedtuple, OrderedDict.
from collections import deque, defaultdict, Counter, namedtuple, OrderedDict
import collections
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([-1, -2]); print(d)
d.rotate(2); print(d); d.rotate(-3); print(d)
print(d.count(7), d.index(7), 7 in d, list(reversed(d)))
d.remove(7); d.reverse(); print(d, d == deque(list(d)), bool(deque()))
m = deque(range(10), maxlen=3); print(m, m.maxlen); m.append(10); print(m); m.appendleft(5); print(m)
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)
try:
    deque([1]).remove(5)
except ValueError as e:
    print("ValueError:", e)
q = deque()
for i in range(1000):
    q.append(i)
total = 0
while q:
    total += q.popleft()
print(total, q)
dd = defaultdict(list)
for word in "apple avocado banana cherry blueberry".split():
    dd[word[0]].append(word)
print(dd, dd["z"], sorted(dd))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, dict(counts))
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError:", e)
n = defaultdict(None); 
try:
    n["x"]
except KeyError as e:
    print("KeyError:", e)
c = Counter("mississippi")
print(c, c["s"], c["z"], c.most_common(2), sorted(c.elements()))
c.update("sss"); c.subtract({"i": 4}); print(c, c.total())
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2), Counter())
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p._fields, p._asdict(), p._replace(x=5), Point._make([3, 4]), p == (1, 2))
x, y = p; print(x + y, isinstance(p, tuple), type(p).__name__, len(p))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 1])
print(P3(9), P3(1, 2, 3), P3._field_defaults)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    namedtuple("Bad", "x _y")
except ValueError as e:
    print("ValueError:", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError")
od = OrderedDict(a=1, b=2, c=3)
od.move_to_end("a"); print(od); od.move_to_end("c", last=False); print(od)
print(od.popitem(), od.popitem(last=False), od, OrderedDict())
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})


class Stack(list):
    def __init__(self, name, *items):
        super().__init__(items)
        self.name = name


s = Stack("s", 1, 2)
print(s, s.name, len(s))


class Registry(dict):
    def __init__(self, owner):
        super().__init__()
        self.owner = owner


r = Registry("me")
r["k"] = 1
print(r, r.owner)
