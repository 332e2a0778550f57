# operator in C++: the function forms and their dunder aliases, the getter
# types, reprs, __reduce__ and error messages, as CPython 3.11.
import operator
from operator import attrgetter, itemgetter, methodcaller


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print(operator.add(1, 2), operator.sub(5, 3), operator.mul("ab", 2), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 10), operator.neg(5), operator.pos(-5), operator.abs(-3))
print(operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None))
print(operator.eq(1, 1.0), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2), operator.gt(1, 2), operator.ge(3, 2))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.invert(5), operator.inv(5))
print(operator.lshift(1, 10), operator.rshift(1024, 3), operator.index(True), operator.concat([1], [2]))
print(operator.contains([1, 2], 2), operator.countOf([1, 2, 1, 1.0], 1), operator.indexOf("abc", "c"))
print(operator.length_hint([1, 2, 3]), operator.length_hint(iter(range(7))), operator.length_hint(3, 9))
d = {}
operator.setitem(d, "k", 1)
print(operator.getitem(d, "k"), d)
operator.delitem(d, "k")
print(d)
lst = [1]
print(operator.iadd(lst, [2]) is lst, lst, operator.iadd(1, 2), operator.isub(5, 1), operator.imul([0], 3))
print(operator.ipow(2, 3), operator.imod(7, 4), operator.ilshift(1, 2), operator.irshift(8, 1), operator.iand(6, 3))
print(operator.ior(4, 1), operator.ixor(5, 1), operator.itruediv(1, 4), operator.ifloordiv(9, 2), operator.iconcat([1], (2,)))
print(operator.call(max, 3, 9, key=lambda x: -x))
print(operator.__add__ is operator.add, operator.__lt__ is operator.lt, operator.__not__ is operator.not_)
print(repr(operator.add), repr(operator.__add__), repr(operator.itemgetter))


class Vec:
    def __init__(self, x):
        self.x = x

    def __matmul__(self, other):
        return self.x * other.x

    def __imatmul__(self, other):
        self.x += other.x
        return self

    def __lt__(self, other):
        return self.x < other.x

    def __length_hint__(self):
        return 42

    def scaled(self, k, offset=0):
        return self.x * k + offset


v = Vec(3)
print(operator.matmul(v, Vec(4)), operator.imatmul(v, Vec(1)).x, operator.lt(Vec(1), Vec(2)), operator.length_hint(v))

# getters
print(itemgetter(1)([5, 6, 7]), itemgetter(-1)((5, 6, 7)), itemgetter(0, 2)("abc"), itemgetter("k")({"k": 9}))
print(itemgetter(slice(1, None))([1, 2, 3]), repr(itemgetter(1)), repr(itemgetter(1, "a")))
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(0)))


class P:
    pass


p = P()
p.name = "n"
p.inner = P()
p.inner.value = 5
print(attrgetter("name")(p), attrgetter("inner.value")(p), attrgetter("name", "inner.value")(p))
print(repr(attrgetter("a.b", "c")))
print(methodcaller("scaled", 2)(Vec(3)), methodcaller("scaled", 2, offset=1)(Vec(3)), methodcaller("upper")("ab"))
print(repr(methodcaller("f", 1, x=2)), repr(methodcaller("f")))
print(itemgetter(1).__reduce__(), attrgetter("a.b").__reduce__(), methodcaller("f", 1).__reduce__())
red = methodcaller("scaled", 2, offset=1).__reduce__()
print(red[1], red[0](*red[1])(Vec(3)))

for label, f in [
    ("itemgetter()", lambda: itemgetter()), ("itemgetter kw", lambda: itemgetter(x=1)),
    ("attrgetter()", lambda: attrgetter()), ("attrgetter(1)", lambda: attrgetter(1)),
    ("methodcaller()", lambda: methodcaller()), ("methodcaller(1)", lambda: methodcaller(1)),
    ("itemgetter on int", lambda: itemgetter(1)(1)), ("itemgetter 2 args", lambda: itemgetter(1)(1, 2)),
    ("itemgetter 0 args", lambda: itemgetter(1)()), ("itemgetter range", lambda: itemgetter(5)([1])),
    ("attrgetter missing", lambda: attrgetter("a")(1)), ("attrgetter dotted", lambda: attrgetter("a.b")(1)),
    ("methodcaller missing", lambda: methodcaller("f")(1)), ("add(1)", lambda: operator.add(1)),
    ("add 3", lambda: operator.add(1, 2, 3)), ("add kw", lambda: operator.add(a=1, b=2)),
    ("add int str", lambda: operator.add(1, "a")), ("neg str", lambda: operator.neg("a")),
    ("index float", lambda: operator.index(1.5)), ("indexOf missing", lambda: operator.indexOf([1], 2)),
    ("concat int", lambda: operator.concat(1, 2)), ("concat list int", lambda: operator.concat([1], 2)),
    ("length_hint bad default", lambda: operator.length_hint(1, "a")), ("lt mixed", lambda: operator.lt(1, "a")),
    ("setitem range", lambda: operator.setitem([1], 5, 1)), ("delitem range", lambda: operator.delitem([1], 5)),
    ("getitem range", lambda: operator.getitem([1], 5)), ("truediv zero", lambda: operator.truediv(1, 0)),
    ("getitem dict", lambda: operator.getitem({}, "k")), ("invert float", lambda: operator.invert(1.5)),
]:
    show(label, f)
