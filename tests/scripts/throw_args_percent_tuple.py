# generator.throw(type, value) normalizes as CPython does, and % takes the
# items of a tuple subclass (a namedtuple).
from collections import namedtuple


def catcher():
    while True:
        try:
            yield
        except Exception as e:
            print(type(e).__name__, repr(e.args))


g = catcher()
next(g)
g.throw(ValueError, 123)
g.throw(ValueError, (1, 2))
g.throw(ValueError, ValueError("same"))
g.throw(ValueError, None)
g.throw(KeyError("k"))
g.throw(LookupError, KeyError("sub"))
try:
    g.throw(KeyError("k"), 1)
except TypeError as e:
    print("TypeError", e)
try:
    g.throw(1)
except TypeError as e:
    print("TypeError", e)

P = namedtuple("P", "x y")


class T(tuple):
    pass


class S(str):
    pass


print("%d-%d" % P(1, 2), "%s|%s" % T(("a", "b")), "%s" % S("q"), "(%d, %d)" % P(3, 4))
try:
    "%d %d" % T((1,))
except TypeError as e:
    print("TypeError", e)
