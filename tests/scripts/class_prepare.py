# A metaclass's __prepare__ gives the class body its namespace: a mapping
# whose __setitem__ and __getitem__ the body's statements go through.


class Recording(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.order.append(key)
            if isinstance(value, int):
                value *= 10
        super().__setitem__(key, value)

    def __getitem__(self, key):
        if key == "magic":
            return 42
        return super().__getitem__(key)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        print("prepare", name, [b.__name__ for b in bases], sorted(kwargs))
        return Recording()

    def __new__(mcls, name, bases, namespace, **kwargs):
        print("new", type(namespace).__name__, namespace.order)
        return super().__new__(mcls, name, bases, dict(namespace))

    def __init__(cls, name, bases, namespace, **kwargs):
        super().__init__(name, bases, namespace)


class Base:
    def __init_subclass__(cls, **kwargs):
        pass


class C(Base, metaclass=Meta, flavour="x"):
    a = 1
    b = a + 1          # reads the stored value, 10
    c = magic          # found through the namespace's __getitem__
    del a

    def method(self):
        return "m"


print(C.b, C.c, hasattr(C, "a"), C().method())


def outer(value):
    class D(metaclass=Meta):
        x = value      # the enclosing function's variable
        y = x
    return D.x, D.y


print(outer(3))


class Plain:
    __prepare__ = None


class NotMapping(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5


try:
    class E(metaclass=NotMapping):
        pass
except TypeError as e:
    print("TypeError", e)


class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return {"preset": "from prepare"}


class F(metaclass=Ordered):
    own = preset


print(F.preset, F.own)
