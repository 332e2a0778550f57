# __slots__: fixed attribute cells, member descriptors, no instance dict,
# CPython's errors; inheritance; the interpreter's attribute caches on slots.
import copy
import gc

class P:
    __slots__ = ('x', 'y')
p = P()
try: p.x
except AttributeError as e: print(1, e)
try: p.z = 1
except AttributeError as e: print(2, e)
try: del p.x
except AttributeError as e: print(3, e)
p.x = 5; print(p.x); del p.x
print(type(P.x).__name__, repr(P.x), P.x.__name__, P.x.__objclass__)
try: P.x.__get__(1)
except TypeError as e: print(4, e)
try: P.x.__set__(1, 2)
except TypeError as e: print(5, e)
try:
    class Q:
        __slots__ = ('a',)
        a = 1
except ValueError as e: print(6, e)
try:
    class R: __slots__ = (1,)
except TypeError as e: print(7, e)
try:
    class R2: __slots__ = ('1a',)
except TypeError as e: print(8, e)
try:
    class R3: __slots__ = ('a', 'a')
except Exception as e: print(9, type(e).__name__, e)
try: p.__dict__
except AttributeError as e: print(10, e)
try: vars(p)
except TypeError as e: print(11, e)
class S: __slots__ = 'only'
print(S.__slots__, hasattr(S(), '__dict__'))
class A: __slots__=('a',)
class B: __slots__=('b',)
try:
    class C(A, B): pass
except TypeError as e: print(12, e)
class T(P): pass
t = T(); t.z = 3; print(t.__dict__)
class U:
    __slots__ = ('__priv',)
    def __init__(self): self.__priv = 1
print(set(U.__dict__) - set(object.__dict__) - {'__module__', '__doc__', '__init__', '__slots__'}, U()._U__priv)
try: P().__class__ = T
except TypeError as e: print(13, e)
class V:
    __slots__ = ('x', '__dict__')
v = V(); v.q = 1; v.x = 2; print(v.__dict__)
try:
    class W: __slots__ = ('__dict__', '__dict__')
except TypeError as e: print(14, e)

# Inherited and extended slots; the cells of base and subclass are distinct.
class Base:
    __slots__ = ("a",)
class Derived(Base):
    __slots__ = ("b", "c")
d = Derived()
d.a, d.b, d.c = 1, 2, 3
print(d.a, d.b, d.c, hasattr(d, "__dict__"), getattr(d, "b"), hasattr(d, "zz"))
setattr(d, "c", 30)
delattr(d, "b")
print(d.c, hasattr(d, "b"), getattr(d, "b", "gone"))
print(sorted(n for n in dir(d) if not n.startswith("__")))

# Hot loops go through the attribute caches: reads, writes, a deletion in
# the middle, and an object of another class with the same attribute name.
class Vec:
    __slots__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        self.x = x; self.y = y; self.z = z
    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z
class Loose:
    def __init__(self):
        self.x = "loose"
def read_x(o):
    return o.x
vs = [Vec(i, i + 1.5, -i) for i in range(50)]
print(sum(v.dot(v) for v in vs))
for v in vs:
    v.x += 1
print(sum(read_x(v) for v in vs), read_x(Loose()), read_x(vs[3]))
del vs[3].x
for o in (vs[2], vs[3], Loose()):
    try:
        print(read_x(o))
    except AttributeError as e:
        print("AttributeError:", e)

# Slots and properties, class attributes of other names, __class__ swaps.
class WithProp:
    __slots__ = ("_v",)
    kind = "class attr"
    @property
    def v(self):
        return self._v * 2
    @v.setter
    def v(self, value):
        self._v = value
w = WithProp()
w.v = 21
print(w.v, w.kind)
try:
    w.kind = "instance"
except AttributeError as e:
    print("AttributeError:", e)
class Twin:
    __slots__ = ("_v",)
w.__class__ = Twin
print(type(w).__name__, w._v)

# A built-in base: __slots__ = () only removes the dict.
class Pair(tuple):
    __slots__ = ()
p = Pair((1, 2))
print(p, hasattr(p, "__dict__"))
try:
    p.extra = 1
except AttributeError as e:
    print("AttributeError:", e)

# Copies and collection.
c = copy.copy(vs[0])
dc = copy.deepcopy(vs[1])
print(c.x, c.y, dc.x, dc.y, dc is vs[1])
class Node:
    __slots__ = ("next", "payload")
head = None
for i in range(2000):
    n = Node()
    n.next = head
    n.payload = [i] * 3
    head = n
ring = Node(); ring.next = ring; ring.payload = "cycle"
gc.collect()
total = 0
while head is not None:
    total += head.payload[0]
    head = head.next
print(total, ring.next.next.payload)
