# Attribute lookup rules: instance vs class attributes, descriptors,
# metaclasses, __getattr__/__setattr__ hooks, class attribute updates.
class Meta(type):
    def hello(cls):
        return "hello from " + cls.__name__
    @property
    def tag(cls):
        return "tag:" + cls.__name__

class Base(metaclass=Meta):
    shared = []
    def method(self):
        return "method"

b = Base()
print(Base.hello(), Base.tag, Base.method(b), b.method())
b.shared.append(1)
print(Base.shared, b.shared is Base.shared)
b.shared = ["own"]
print(Base.shared, b.shared)
del b.shared
print(b.shared)

class Counter:
    total = 0
    def __init__(self):
        Counter.total += 1
        self.id = Counter.total
for _ in range(3):
    Counter()
print(Counter.total, Counter().id)

class Logged:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value)
    def __getattr__(self, name):
        return "default-" + name
lg = Logged()
lg.x = 1
lg.y = 2
print(lg.log, lg.x, lg.missing)

class Desc:
    def __get__(self, obj, owner):
        return "desc" if obj is not None else "class-desc"
    def __set__(self, obj, value):
        obj.__dict__["stored"] = value * 2
class UsesDesc:
    d = Desc()
u = UsesDesc()
u.d = 21
print(u.d, UsesDesc.d, u.stored)

class Slotless:
    pass
s = Slotless()
s.a = 1
s.__dict__["b"] = 2
print(s.a, s.b, sorted(vars(s)))
def method_added(self):
    return "added"
Slotless.extra = method_added
print(s.extra())
Slotless.extra = lambda self: "replaced"
print(s.extra())
