# Slotted objects with the library: copy, pickle (copyreg's protocol with
# __getstate__ returning (None, slots) as in 3.11), dataclasses(slots=True),
# weakref, and the garbage collector tracing slot cells.
import copy
import dataclasses
import gc
import pickle
import weakref

class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

p = Point(1, [2, 3])
print(p.__reduce_ex__(2)[2])
q = Point(0, 0)
del q.y
print(q.__reduce_ex__(2)[2], q.__getstate__())
print(p.__getstate__())

c = copy.copy(p)
print(c, c.y is p.y)
d = copy.deepcopy(p)
print(d, d.y is p.y)
cq = copy.copy(q)
print(cq.x, hasattr(cq, "y"))

for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
    try:
        r = pickle.loads(pickle.dumps(p, proto))
        print(proto, r, r == p)
    except Exception as e:
        print(proto, type(e).__name__, e)
r = pickle.loads(pickle.dumps(q, 2))
print(r.x, hasattr(r, "y"))

# Slots together with a __dict__: state is (dict, slots).
class Mixed:
    __slots__ = ("a", "__dict__")
m = Mixed(); m.a = 1; m.b = 2
print(m.__getstate__())
m2 = pickle.loads(pickle.dumps(m))
print(m2.a, m2.b, copy.copy(m).__dict__)

# Inherited slots are all in the state.
class Point3(Point):
    __slots__ = ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
p3 = Point3(1, 2, 3)
print(sorted(p3.__getstate__()[1].items()))
p3c = pickle.loads(pickle.dumps(p3))
print(p3c.x, p3c.y, p3c.z, type(p3c).__name__)

# A custom __getstate__/__setstate__ still wins.
class Custom:
    __slots__ = ("v",)
    def __getstate__(self):
        return {"v": self.v * 10}
    def __setstate__(self, state):
        self.v = state["v"] + 1
cu = Custom(); cu.v = 4
print(pickle.loads(pickle.dumps(cu)).v, copy.copy(cu).v)

# dataclasses with slots=True.
@dataclasses.dataclass(slots=True)
class DC:
    a: int
    b: str = "b"
dc = DC(1)
print(dc, DC.__slots__, hasattr(dc, "__dict__"), type(DC.__dict__["a"]).__name__)
try:
    dc.c = 3
except AttributeError as e:
    print("AttributeError", e)
print(dataclasses.asdict(dc), dataclasses.replace(dc, a=5), copy.deepcopy(dc) == dc)
print(pickle.loads(pickle.dumps(dc)))
@dataclasses.dataclass(slots=True, frozen=True)
class Frozen:
    a: int
fr = Frozen(3)
try:
    fr.a = 4
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e)
print(fr, hash(fr) == hash(Frozen(3)), pickle.loads(pickle.dumps(fr)))
try:
    @dataclasses.dataclass(slots=True)
    class Twice:
        __slots__ = ("a",)
        a: int
except TypeError as e:
    print("TypeError", e)
@dataclasses.dataclass(slots=True)
class Child(DC):
    c: float = 0.5
ch = Child(1, "x", 2.0)
print(ch, Child.__slots__, hasattr(ch, "__dict__"))

# weakref: allowed with __weakref__ in slots or a dict-having subclass.
class NoWeak:
    __slots__ = ("v",)
class Weak:
    __slots__ = ("v", "__weakref__")
class WeakSub(NoWeak):
    pass
class StillNoWeak(NoWeak):
    __slots__ = ("w",)
for cls in (NoWeak, Weak, WeakSub, StillNoWeak):
    try:
        obj = cls()
        ref = weakref.ref(obj)
        print(cls.__name__, ref() is obj)
    except TypeError as e:
        print(cls.__name__, "TypeError", e)
# Dropped objects' weak references die (most of them: a stale stack slot
# of gilvm's conservative scan may keep one or two a collection longer).
def weak_refs_to_dropped(count):
    return [weakref.ref(Weak()) for _ in range(count)]
refs = weak_refs_to_dropped(50)
gc.collect()
print(sum(r() is None for r in refs) >= 45)
ws = weakref.WeakSet()
ks = [Weak() for _ in range(3)]
for k in ks:
    ws.add(k)
print(len(ws))

# The collector traces slot cells: values reachable only from slots live.
class Holder:
    __slots__ = ("payload", "link")
chain = None
for i in range(3000):
    h = Holder()
    h.payload = {"i": i, "data": [i] * 4}
    h.link = chain
    chain = h
gc.collect()
junk = [[j] for j in range(20000)]
gc.collect()
total = 0
node = chain
while node is not None:
    total += node.payload["i"] + sum(node.payload["data"])
    node = node.link
print(total)
