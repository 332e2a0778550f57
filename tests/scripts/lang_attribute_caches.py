# Attribute lookups that the interpreter caches per code location must see
# every change a script can make: to the class, to the instance's dict, to
# the instance's class, and through hooks added later.
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def read_x(p):
    return p.x


def write_x(p, v):
    p.x = v


def call_norm(p):
    return p.norm1()


p = Point(1, 2)
for _ in range(3):
    print(read_x(p), call_norm(p))

# The same call site sees several types in turn.
class Other:
    def __init__(self):
        self.x = "other"

    def norm1(self):
        return "other norm"


for obj in [p, Other(), p, Other()]:
    print(read_x(obj), call_norm(obj))

# A class attribute that is a data descriptor (property) wins over the
# instance dict once it is added.
Point.x = property(lambda self: "property x")
print(read_x(p))
try:
    write_x(p, 5)
except AttributeError as e:
    print("AttributeError:", e)
del Point.x
print(read_x(p))
write_x(p, 7)
print(read_x(p))

# A plain class attribute does not shadow the instance's own value.
Point.x = "class x"
print(read_x(p), read_x(Point.__new__(Point)))
del Point.x

# An instance attribute shadows a method; removing it unshadows.
p.norm1 = lambda: "instance norm"
print(call_norm(p))
del p.norm1
print(call_norm(p))

# Replacing the method on the class, and overriding it in a subclass.
Point.norm1 = lambda self: "patched norm"
print(call_norm(p))


class Sub(Point):
    def norm1(self):
        return "sub norm"


print(call_norm(Sub(0, 0)), call_norm(p))

# Deleting and re-adding moves the attribute within the dict.
q = Point(10, 20)
print(read_x(q))
del q.x
try:
    read_x(q)
except AttributeError as e:
    print("AttributeError:", e)
q.z = 1
q.x = 30
print(read_x(q), list(vars(q)))

# Changing __class__ and replacing __dict__.
class Plain:
    pass


r = Point(3, 4)
print(read_x(r))
r.__class__ = Plain
print(read_x(r))
r.__dict__ = {"x": "new dict"}
print(read_x(r))
write_x(r, "written")
print(r.__dict__)

# Hooks added to a class after its attributes were cached.
def get_missing(self, name):
    return "missing " + name


h = Plain()
h.x = "plain"
print(read_x(h))
Plain.__getattr__ = get_missing
print(read_x(h), h.nothing)
del h.x
print(read_x(h))

log = []


def logging_setattr(self, name, value):
    log.append((name, value))
    object.__setattr__(self, name, value)


s = Plain()
s.x = 1
write_x(s, 2)
Plain.__setattr__ = logging_setattr
write_x(s, 3)
print(s.x, log)

# A key spelled by a different (non-interned) string object.
t = Plain()
setattr(t, "".join(["x"]), "joined")
print(read_x(t))
t.__dict__["x"] = "through dict"
print(read_x(t))

# Module attributes, read at one site, then rebound.
mod = sys.modules[__name__]
marker = "first"


def read_marker():
    return mod.marker


print(read_marker())
marker = "second"
print(read_marker())
del marker
try:
    read_marker()
except AttributeError as e:
    print("AttributeError:", e)

# Built-in methods through the method cache, and a list subclass
# overriding one of them.
def append_to(lst, v):
    lst.append(v)
    return lst


class LoudList(list):
    def append(self, v):
        super().append(("loud", v))


print(append_to([], 1), append_to(LoudList(), 2), append_to([], 3))

# Property error messages name the property when the class body did.
class WithProps:
    named = property()
    read_only = property(lambda self: 1)


w = WithProps()
WithProps.unnamed = property()
for action in [lambda: w.named, lambda: setattr(w, "read_only", 1), lambda: delattr(w, "read_only"),
               lambda: w.unnamed, lambda: setattr(w, "unnamed", 1), lambda: delattr(w, "unnamed")]:
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)

# What __class__ and __dict__ accept.
class IntA(int):
    pass


class IntB(int):
    pass


for target, value in [(Plain(), WithProps), (Plain(), 5), (Plain(), int), (Plain(), IntA), (5, Plain),
                      (IntA(), Plain), (IntA(), IntB), (Plain(), Plain)]:
    try:
        target.__class__ = value
        print("now", type(target).__name__)
    except TypeError as e:
        print("TypeError:", e)
try:
    Plain().__dict__ = 5
except TypeError as e:
    print("TypeError:", e)
