# Properties and native getset descriptors read and written from the same
# place many times (the interpreter caches what obj.name means per type),
# with everything that must change that answer: the class edited, a hook
# added, the instance's class replaced, getters of every kind.
import sys


class P:
    def __init__(self):
        self._x = 0

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, value):
        self._x = value * 10

    @property
    def ro(self):
        return "read-only"

    @property
    def frame_name(self):
        return sys._getframe(1).f_code.co_name


def read_x(obj):
    return obj.x


def write_x(obj, value):
    obj.x = value


p = P()
for i in range(3):
    write_x(p, i)
    print(read_x(p), p.ro)


def caller_of_property():
    return p.frame_name


print(caller_of_property())

# The property wins over an instance dict entry of the same name.
p.__dict__["x"] = "shadow"
print(read_x(p), p.__dict__["x"])

# Read-only and missing accessors raise CPython's errors, cached or not.
for attempt in range(2):
    try:
        p.ro = 1
    except AttributeError as e:
        print("AttributeError:", e)


class NoGetter:
    x = property(None, lambda self, v: print("set only", v))


n = NoGetter()
write_x(n, 4)
try:
    read_x(n)
except AttributeError as e:
    print("AttributeError:", e)

# The class edited after the caches filled.
P.x = "class attribute now"
print(read_x(p))
del P.x
print(read_x(p))
P.x = property(lambda self: "new getter")
print(read_x(p))
try:
    write_x(p, 1)
except AttributeError as e:
    print("AttributeError:", e)


# A getter raising AttributeError falls back to __getattr__, also when the
# hook is added after the caches filled.
class Late:
    @property
    def x(self):
        raise AttributeError("from getter")


late = Late()
for attempt in range(2):
    try:
        read_x(late)
    except AttributeError as e:
        print("AttributeError:", e)
Late.__getattr__ = lambda self, name: "fallback for " + name
print(read_x(late))
del Late.__getattr__


# __setattr__ added later is used by writes.
class Hooked:
    @property
    def x(self):
        return "hooked x"

    @x.setter
    def x(self, v):
        print("setter", v)


h = Hooked()
write_x(h, 1)
Hooked.__setattr__ = lambda self, name, v: print("__setattr__", name, v)
write_x(h, 2)


# Replacing the instance's class.
class Other:
    x = "other's x"


q = P()
print(read_x(q))
q.__class__ = Other
print(read_x(q))


# Getters of other kinds: a generator function, a built-in, a partial.
import functools
import operator


class Kinds:
    def __init__(self):
        self.items = [3, 1, 2]

    @property
    def x(self):
        yield from self.items

    length = property(operator.attrgetter("items"))
    first = property(functools.partial(lambda self, i: self.items[i], i=0))


k = Kinds()
print(list(read_x(k)), k.length, k.first, k.first)


# A subclass of a built-in type with a property; slots with a property.
class MyList(list):
    @property
    def x(self):
        return len(self)


class Slotted:
    __slots__ = ("_v",)

    def __init__(self):
        self._v = 1

    @property
    def x(self):
        return self._v

    @x.setter
    def x(self, v):
        self._v = v + 1


ml = MyList([1, 2, 3])
s = Slotted()
write_x(s, 5)
print(read_x(ml), read_x(s))


# Tracebacks run through the getter's frame.
class Raises:
    @property
    def x(self):
        return 1 / 0


try:
    read_x(Raises())
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("ZeroDivisionError through", names[1:])


# Native getset descriptors: exception args, function names.
def read_args(e):
    return e.args


def write_args(e, value):
    e.args = value


err = ValueError("a", "b")
for value in ((1,), [2, 3], "xy"):
    write_args(err, value)
    print(read_args(err))


def rename(f, name):
    f.__name__ = name
    return f.__name__


def fn():
    pass


print(rename(fn, "renamed"), fn.__name__)
for bad in (3, None):
    try:
        rename(fn, bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    read_args(3)
except AttributeError as e:
    print("AttributeError:", e)
