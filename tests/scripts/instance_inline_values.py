# Instances keep attributes inline until they need a dict
# (vm/objects/instance_values.hpp): every way of reaching, changing or
# reordering attributes must look exactly like a per-instance dict.
import copy
import gc

class P:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z
    def total(self):
        return self.x + self.y + self.z

# Early instances have fewer cells than later ones; the attribute caches
# see both kinds in one loop.
ps = [P(i, i * 2, i * 3) for i in range(20)]
print(sum(p.total() for p in ps), [p.x for p in ps[:3]], ps[0].__dict__, vars(ps[-1]))
for p in ps:
    p.y += 1
print(sum(p.y for p in ps), ps[0].__dict__)

# Other orders, extra names, deletion, re-adding: the dict keeps assignment order.
q = P.__new__(P)
q.z = 1; q.x = 2; q.y = 3
print(q.__dict__, q.total())
r = P(1, 2, 3); r.extra = 4
print(r.__dict__, sorted(n for n in dir(r) if not n.startswith("_")))
del r.y
print(r.__dict__, hasattr(r, "y"), getattr(r, "y", "gone"))
r.y = 9
print(r.__dict__, r.total())
try:
    del r.nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    P(1, 2, 3).missing
except AttributeError as e:
    print("AttributeError:", e)

# An instance attribute shadows a method; a class attribute shadows nothing
# until a data descriptor arrives.
s = P(1, 2, 3)
s.total = lambda: "instance wins"
print(s.total(), P(1, 1, 1).total())
class Late:
    def __init__(self):
        self.v = 1
def read_v(o):
    return o.v
ls = [Late() for _ in range(3)]
print([read_v(o) for o in ls])
Late.v = property(lambda self: "property")
print([read_v(o) for o in ls], ls[0].__dict__)
del Late.v
print([read_v(o) for o in ls])

# Replacing __dict__, setting through it, and __class__ changes.
t = P(1, 2, 3)
t.__dict__["w"] = 4
print(t.w, t.__dict__)
t.__dict__ = {"x": 10, "y": 20, "z": 30}
print(t.total(), t.__dict__)
class Q:
    def __init__(self):
        self.a = "qa"
u = P(5, 6, 7)
u.__class__ = Q
print(type(u).__name__, u.__dict__, u.x)

# Many attributes (past the shared-key limit) and many classes.
class Wide:
    pass
w = Wide()
for i in range(40):
    setattr(w, "a%d" % i, i)
print(len(w.__dict__), w.a0, w.a39, list(w.__dict__)[:3])
w2 = Wide()
for i in reversed(range(5)):
    setattr(w2, "a%d" % i, i)
print(list(w2.__dict__))

# Subclasses learn their own names; __getattr__ and __setattr__ hooks still run.
class Sub(P):
    def __init__(self):
        super().__init__(1, 2, 3)
        self.extra = "sub"
print(Sub().__dict__, Sub().total())
class Hooked:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        return "hook:" + name
class Logged:
    def __setattr__(self, name, value):
        print("set", name)
        object.__setattr__(self, name, value)
h = Hooked()
print(h.real, h.other)
lg = Logged(); lg.a = 1; lg.b = 2
print(lg.__dict__)

# Copies, equality of dicts, collection.
c = copy.copy(ps[3]); d = copy.deepcopy(ps[4])
print(c.__dict__, d.__dict__, c is ps[3])
nodes = []
for i in range(3000):
    n = P(i, [i], None)
    n.z = nodes[-1] if nodes else None
    nodes.append(n)
del ps
gc.collect()
print(nodes[-1].z.y, sum(n.x for n in nodes))
