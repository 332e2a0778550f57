# Without the __future__ import, annotations are evaluated where the def or
# the annotated assignment runs, in order, and kept in __annotations__.
order = []


def note(value):
    order.append(value)
    return value


def f(a: note(int), /, b: note("b") = 1, *args: note(tuple), c: note(float), **kw: note(dict)) -> note(None):
    pass


print(f.__annotations__, order)


def g(x, y=2):
    pass


print(g.__annotations__, (lambda q: q).__annotations__)


class K:
    count: int = 0
    name: note(str)
    if True:
        nested: list = []

    def method(self, other: "K") -> bool:
        return True


print(K.__annotations__, K.method.__annotations__, order[-1])
total: float = 1.5
print(__annotations__)
try:
    def h(x: undefined_name):
        pass
except NameError as e:
    print("NameError:", e)
