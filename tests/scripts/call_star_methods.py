# obj.method(*args, **kwargs): the method is looked up as for a plain call
# (no bound method), self goes in front of the unpacked arguments.
import math


class Base:
    def m(self, *args, **kwargs):
        return ("Base.m", type(self).__name__, args, sorted(kwargs.items()))


class C(Base):
    def m(self, a, b=2, *rest, **kw):
        return ("C.m", a, b, rest, sorted(kw.items()))

    def up(self, *args):
        return super().m(*args, via="super")

    @classmethod
    def cm(cls, *args):
        return (cls.__name__, args)

    @staticmethod
    def sm(*args, **kw):
        return (args, sorted(kw.items()))

    def many(self, *args):
        return len(args), args[-1] if args else None


class TupleSub(tuple):
    pass


def gen(n):
    yield from range(n)


c = C()
args = (1, 2, 3)
print(c.m(*args))
print(c.m(*args, **{"k": 4}))
print(c.m(**{"a": 9}))
print(c.m(*[7]))
print(c.m(*gen(4)))
print(c.m(*TupleSub((5, 6))))
print(c.up(*args))
print(c.cm(*args), C.cm(*args))
print(c.sm(*args, z=1), C.sm(*args))
print(c.many(*range(20)))
print(c.many(*()))
print(C.m(c, *args))

# An instance attribute shadows the method; it gets no self.
c.m = lambda *a: ("instance", a)
print(c.m(*args))
del c.m
print(c.m(*args)[0])

# A bound method of another object kept as an attribute.
other = Base()
c.bound = other.m
print(c.bound(*args))

# Native methods and module functions.
print("a-b-c".split(*["-"]), "a-b-c".split(*["-"], **{"maxsplit": 1}))
items = []
items.append(*[1])
items.extend(*[[2, 3]])
print(items, math.pow(*(2, 10)), dict.fromkeys(*[("x", "y")], **{}))

# Errors name the function as CPython does.
for call in (lambda: c.m(*5), lambda: items.append(*5), lambda: c.m(**{"a": 1}, **{"a": 2}),
             lambda: c.m(*args, **{"a": 1}), lambda: c.sm(*None), lambda: items.append(*[1, 2])):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
c.value = 5
try:
    c.value(*args)
except TypeError as e:
    print("TypeError:", e)
