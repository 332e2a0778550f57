# copy.copy and copy.deepcopy through a class's own __reduce__/__reduce_ex__:
# the callable and its arguments, __setstate__, dict state, (dict, slots)
# state pairs, list and dict item iterators, and shared references.
import copy

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __reduce__(self):
        return (Point, (self.x, self.y))
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

class Stateful:
    def __init__(self):
        self.data = [1, 2]
        self.log = []
    def __reduce_ex__(self, protocol):
        return (Stateful, (), {"data": self.data, "copied_with": protocol})
    def __setstate__(self, state):
        self.__dict__.update(state)
        self.log = ["restored"]

class Bag(list):
    def __reduce__(self):
        return (Bag, (), {"label": getattr(self, "label", None)}, iter(self))

class Table(dict):
    def __reduce__(self):
        return (Table, (), None, None, iter(self.items()))

class Renamed:
    def __reduce__(self):
        return "Renamed"

p = Point([1], 2)
print(copy.copy(p), copy.deepcopy(p), copy.copy(p).x is p.x, copy.deepcopy(p).x is p.x)
s = Stateful()
s2 = copy.deepcopy(s)
print(s2.data, s2.data is s.data, s2.copied_with, s2.log, copy.copy(s).data is s.data)
b = Bag([[1], [2]])
b.label = "bag"
b2 = copy.deepcopy(b)
print(type(b2).__name__, b2, b2.label, b2[0] is b[0], copy.copy(b)[0] is b[0])
t = Table(a=[1], b=[2])
t2 = copy.deepcopy(t)
print(type(t2).__name__, t2, t2["a"] is t["a"])
r = Renamed()
print(copy.copy(r) is r, copy.deepcopy(r) is r)
shared = Point(0, 0)
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)
