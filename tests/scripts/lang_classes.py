# Classes: inheritance, MRO, super, properties, class/static methods, dunders.
class Animal:
    kind = "animal"
    count = 0

    def __init__(self, name):
        self.name = name
        Animal.count += 1

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Dog(Animal):
    kind = "dog"

    def speak(self):
        return super().speak() + " (woof)"

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

p = Puppy("Rex", 1)
print(p, p.speak(), p.kind, Animal.count, p.age)
print(isinstance(p, Animal), issubclass(Puppy, Dog), type(p).__mro__)

class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])

class Temperature:
    def __init__(self):
        self._c = 0.0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("too cold")
        self._c = value
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @classmethod
    def boiling(cls):
        t = cls()
        t.celsius = 100
        return t
    @staticmethod
    def unit():
        return "C"

t = Temperature.boiling()
print(t.celsius, t.fahrenheit, Temperature.unit(), t.unit())
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError", e)

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    def __rmul__(self, k): return self * k
    def __eq__(self, o): return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __lt__(self, o): return (self.x, self.y) < (o.x, o.y)
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __iter__(self): yield self.x; yield self.y
    def __bool__(self): return bool(self.x or self.y)
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __str__(self): return f"<{self.x}, {self.y}>"
    def __call__(self, z): return self.x + self.y + z
    def __contains__(self, v): return v in (self.x, self.y)

v = Vec(1, 2) + Vec(3, 4)
print(v, repr(v), 2 * v, v * 3, v == Vec(4, 6), v != Vec(0, 0), len(v), v[1], list(v), v(10), 4 in v)
print(sorted([Vec(2, 1), Vec(1, 5)]), bool(Vec(0, 0)), str(v), f"{v}", f"{v!r}")

class Box:
    def __init__(self):
        self.items = {}
    def __getattr__(self, name):
        return f"missing:{name}"
    def __setitem__(self, k, v): self.items[k] = v
    def __getitem__(self, k): return self.items[k]
    def __delitem__(self, k): del self.items[k]
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None)
        return True

b = Box()
print(b.anything)
b["k"] = 5
print(b["k"])
del b["k"]
print(b.items)
with Box() as bx:
    raise KeyError("swallowed")
print("after with")

class Counter:
    instances = []
    def __init__(self):
        Counter.instances.append(self)
print(len([Counter(), Counter()]), len(Counter.instances))
print(Dog.__name__, Dog.__qualname__, Dog.__bases__, Dog.kind, hasattr(Dog, "speak"))
print(getattr(p, "missing", "default"), vars(Vec(5, 6)))
setattr(p, "color", "brown")
print(p.color)
delattr(p, "color")
print(hasattr(p, "color"))
class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    pass
print(type(WithMeta).__name__)
try:
    Vec(1)
except TypeError as e:
    print(e)
try:
    object().foo
except AttributeError as e:
    print(e)
