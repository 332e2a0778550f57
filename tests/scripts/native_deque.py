# collections.deque in C++: methods, maxlen, indexing, iteration and its
# mutation check, reprs, comparisons, copies, subclassing, error messages,
# and queue.Queue on top of it, as CPython 3.11.
import copy
import queue
from collections import deque


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([9, 8])
print(d, d.count("a"), d.index(2), d.index("b", 2), d.index(2, -6, -1))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate()
print(d)
d.reverse()
print(d, list(reversed(d)))
d.insert(1, "x")
d.insert(-1, "y")
d.insert(100, "z")
d.insert(-100, "w")
print(d)
d.remove("x")
del d[0]
d[0] = "first"
print(d, "a" in d, "q" in d)
print(d.copy(), copy.copy(d), copy.deepcopy(deque([[1], [2]])), d.clear(), d)

# maxlen
m = deque(range(5), maxlen=3)
print(m, m.maxlen, deque().maxlen, deque([], maxlen=3), deque(maxlen=0))
m.append(9)
m.appendleft(-1)
print(m)
m.extend(range(10, 20))
print(m)
m.extendleft("ab")
print(m)
z = deque(maxlen=0)
z.append(1)
z.extend(iter([1, 2]))
print(z, len(z))

# ring growth and wraparound
r = deque()
for i in range(100):
    r.append(i)
    if i % 3 == 0:
        r.popleft()
for i in range(50):
    r.appendleft(-i)
print(len(r), r[0], r[-1], r[40], sum(r), list(r)[:5])
r.rotate(17)
print(r[0], r[-1], len(r))
r.rotate(-200)
print(r[0], r[-1])

# iteration and mutation
it = iter(deque([1, 2, 3]))
print(next(it), it.__length_hint__(), list(it))
dq = deque([1, 2, 3])
try:
    for x in dq:
        dq.append(x)
except RuntimeError as e:
    print("RuntimeError", e)
dq2 = deque([1, 2, 3])
rit = reversed(dq2)
print(next(rit), type(rit).__name__, type(iter(dq2)).__name__)
dq2.pop()
show("reversed after pop", lambda: next(rit))
dq3 = deque([1, 2])
it3 = iter(dq3)
dq3[0] = 5
print(list(it3))

# comparisons, arithmetic
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1, 3]), deque([1, 2]) < deque([1, 3]))
print(deque([1, 2]) <= deque([1]), deque([2]) > deque([1, 9]), deque([1]) >= deque([1]), deque([1]) == [1])
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, 2 * deque("ab"), deque([1]) * 0, deque([1, 2, 3], 4) * 2)
a = deque([1])
b = a
a += [2, 3]
a *= 2
print(b, a is b)
a += a
print(a)
a.extend(a)
print(len(a))

# repr
rec = deque([1])
rec.append(rec)
print(rec, repr(deque()), repr(deque("ab", 5)))
print(deque([deque([1])]))

# reduce and copies
print(deque([1, 2], 3).__reduce__()[:3], deque([1]).__reduce__()[:3], list(deque([1, 2]).__reduce__()[3]))
cm = copy.copy(deque([1, [2]], 5))
print(cm, cm.maxlen)


# subclassing
class MyDeque(deque):
    def __init__(self, iterable=(), tag="t"):
        super().__init__(iterable, maxlen=4)
        self.tag = tag

    def total(self):
        return sum(self)


md = MyDeque(range(6), tag="x")
print(md, md.tag, md.total(), md.maxlen, type(md.copy()).__name__, isinstance(md, deque))


class Plain(deque):
    pass


pl = Plain([1, 2], 5)
pl.attr = 1
print(pl, pl.attr, pl == deque([1, 2]), type(pl + pl).__name__, copy.copy(pl))

# queue.Queue runs on deque
q = queue.Queue()
for i in range(5):
    q.put(i)
print(q.qsize(), [q.get() for _ in range(5)], q.empty(), type(q.queue).__name__)

for label, f in [
    ("remove missing", lambda: deque([1]).remove(5)), ("maxlen str", lambda: deque([1], "a")),
    ("index missing", lambda: deque([1]).index(7)), ("index str", lambda: deque([1])["a"]),
    ("rotate str", lambda: deque([1]).rotate("a")), ("maxlen -1", lambda: deque([1], -1)),
    ("add list", lambda: deque([1]) + [1]), ("pop empty", lambda: deque().pop()),
    ("popleft empty", lambda: deque().popleft()), ("insert full", lambda: deque([1], 1).insert(0, 1)),
    ("mul str", lambda: deque([1]) * "a"), ("index range", lambda: deque([1])[5]), ("deque(1)", lambda: deque(1)),
    ("slice", lambda: deque([1])[0:1]), ("del range", lambda: deque().__delitem__(0)),
    ("set range", lambda: deque([1]).__setitem__(-2, 0)), ("too many", lambda: deque([1], 2, 3)),
    ("bad kw", lambda: deque(x=1)), ("append 0", lambda: deque().append()),
    ("maxlen float", lambda: deque([], 1.5)), ("index start", lambda: deque([1, 2, 3]).index(1, 1)),
]:
    show(label, f)

# generic alias and the ABCs
import collections.abc
print(deque[int], isinstance(deque(), collections.abc.MutableSequence), issubclass(deque, collections.abc.Sequence))
