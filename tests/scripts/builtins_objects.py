# isinstance, issubclass, hasattr, getattr, setattr, delattr, id, hash,
# repr, ascii, format, callable, len, vars, dir, globals, locals.

def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Base:
    cls_attr = 1
    def method(self):
        return 2

class Child(Base):
    def __init__(self):
        self.x = 10
        self.y = 20

class Other:
    pass

c = Child()
print(isinstance(c, Child), isinstance(c, Base), isinstance(c, Other), isinstance(c, object))
print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)))
print(isinstance("s", (int, (list, str))), isinstance(1, ()), isinstance(1, (int, 3)))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(c, type))
check(lambda: isinstance(1, 2))
check(lambda: isinstance(1, (str, 2)))
check(lambda: isinstance(1))
check(lambda: isinstance(1, int, 2))
print(issubclass(Child, Base), issubclass(Base, Child), issubclass(Child, (Other, Base)))
print(issubclass(bool, int), issubclass(int, object), issubclass(Child, Child))
check(lambda: issubclass(1, int))
check(lambda: issubclass(int, 1))
check(lambda: issubclass(int, (1,)))
check(lambda: issubclass(c, Base))

class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"
    def __subclasscheck__(cls, sub):
        return sub is int

class Magic(metaclass=Meta):
    pass
print(isinstance("magic", Magic), isinstance(1, Magic), issubclass(int, Magic), issubclass(str, Magic))

print(hasattr(c, "x"), hasattr(c, "cls_attr"), hasattr(c, "method"), hasattr(c, "nope"))
print(getattr(c, "x"), getattr(c, "nope", "default"), getattr(c, "cls_attr", None))
setattr(c, "z", 30)
print(c.z, getattr(c, "z"))
delattr(c, "z")
print(hasattr(c, "z"))
check(lambda: getattr(c, "nope"))
check(lambda: getattr(c, 1))
check(lambda: getattr(c, 1, 2))
check(lambda: getattr(c))
check(lambda: hasattr(c, 1))
check(lambda: setattr(c, 1, 2))
check(lambda: delattr(c, "nope"))
check(lambda: delattr(c, 1))
check(lambda: setattr(c, "a"))

class Raiser:
    @property
    def boom(self):
        raise ValueError("inner")
check(lambda: hasattr(Raiser(), "boom"))
check(lambda: getattr(Raiser(), "boom", 5))

a = [1]
b = [1]
print(id(a) == id(a), id(a) == id(b), type(id(a)).__name__, id(None) == id(None), id(1) == id(1))
print(hash(1) == hash(1.0), hash("abc") == hash("abc"), hash(-1), hash(2**61 - 1), hash(True))
print(hash((1, 2)) == hash((1, 2)))
check(lambda: hash([]))
check(lambda: hash({}))

print(repr("a'b"), repr([1, "x"]), repr(None), repr(1.5))
print(ascii("héllo"), ascii("\u263a"), ascii("\U0001F600"), ascii([1, "é"]), ascii("plain"))
check(lambda: repr())

print(format(3.14159, ".2f"), format(42, "05d"), format("x", ">3"), format(255, "x"), format(1234567, ","))
print(repr(format(5)), repr(format("s")), format(True), format(None))
check(lambda: format(1, 2))
check(lambda: format(1, "zz"))
check(lambda: format())

print(callable(len), callable(Child), callable(c), callable(c.method), callable(1), callable(lambda: 0))

class Call:
    def __call__(self):
        return 1
print(callable(Call()))

print(len([1, 2]), len("héllo"), len({1: 2}), len(range(10)), len(()), len(b"ab"))

class L:
    def __len__(self):
        return 7
print(len(L()))
check(lambda: len(5))
check(lambda: len())
check(lambda: len([1], [2]))

print(vars(c))
print(sorted(vars(Child).keys()) == sorted(Child.__dict__.keys()))
check(lambda: vars(1))
check(lambda: vars(1, 2))

def dirnames(obj):
    return [n for n in dir(obj) if not n.startswith("__")]
print(dirnames(c))
print(dirnames(Child))
print(dirnames(Base))

class WithDir:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(WithDir()))

def local_dir():
    p = 1
    q = 2
    return dir()
print(local_dir())
check(lambda: dir(1, 2))

g = globals()
print(g["Base"] is Base, "check" in g, type(g).__name__)
module_level_name = 5
print(globals()["module_level_name"], locals()["module_level_name"], locals() is globals())

def f(arg, *rest, kw=3):
    local = arg + 1
    def inner():
        return local
    print(sorted(locals().keys()), locals()['arg'], locals()['rest'], locals()['kw'])
    return inner
f(1, 2)

def g2():
    outer = 5
    def inner(v):
        w = v + outer
        return sorted(locals().keys())
    return inner(1)
print(g2())

class Body:
    a = 1
    b = a + 1
    names = sorted(k for k in locals().keys() if not k.startswith("__"))
print(Body.names)
check(lambda: globals(1))
check(lambda: locals(1))
