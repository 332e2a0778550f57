# collections.abc: the mixin methods of user classes built on the ABCs,
# __subclasshook__ (including None blocking a method), register, and the
# abstract-class errors.
from collections.abc import (Mapping, MutableMapping, Sequence, MutableSequence, Set, MutableSet, Iterable,
                             Iterator, Hashable, Sized, Generator, Container, Callable, KeysView, ItemsView,
                             ValuesView, Reversible, Collection)


def t(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


class Frozen(Mapping):
    def __init__(self, **kw):
        self._d = dict(kw)

    def __getitem__(self, key):
        return self._d[key]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


m = Frozen(a=1, b=2)
print(m.get("a"), m.get("z"), m.get("z", 0), "a" in m, "z" in m, list(m.keys()), list(m.items()), list(m.values()))
print(m == {"a": 1, "b": 2}, m == {"a": 1}, m != Frozen(a=1, b=2), len(m.keys()), ("a", 1) in m.items(), 2 in m.values())
print(sorted(m.keys() & {"a", "c"}), sorted(m.keys() | {"c"}), sorted(m.keys() - {"a"}), sorted(m.keys() ^ {"a", "q"}), m.items() <= {("a", 1), ("b", 2)})
print(repr(m.keys()).startswith("KeysView("), isinstance(m.keys(), Set), isinstance(m.values(), Set))
t(hash, m)
print(m.__reversed__)


class Store(MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, key):
        return self._d[key]

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


s = Store()
s.update({"x": 1}, y=2)
s.update([("z", 3)])
s.update(Frozen(w=4))
print(sorted(s.items()), s.setdefault("x", 9), s.setdefault("n", 5), s.pop("n"), s.pop("n", "gone"))
t(s.pop, "n")
print(s.popitem(), len(s))
s.clear()
print(len(s), dict(s))
t(s.popitem)


class Seq(Sequence):
    def __init__(self, *items):
        self._items = list(items)

    def __getitem__(self, i):
        return self._items[i]

    def __len__(self):
        return len(self._items)


q = Seq(1, 2, 3, 2)
print(list(q), list(reversed(q)), 2 in q, 9 in q, q.index(2), q.index(2, 2), q.index(2, -2), q.count(2))
t(q.index, 9); t(q.index, 1, 1); t(q.index, 3, 0, 2)


class MSeq(MutableSequence):
    def __init__(self):
        self._items = []

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __delitem__(self, i):
        del self._items[i]

    def __len__(self):
        return len(self._items)

    def insert(self, i, v):
        self._items.insert(i, v)


ms = MSeq()
ms.append(1)
ms.extend([2, 3, 4])
ms += [5]
ms.reverse()
print(list(ms), ms.pop(), ms.pop(0), list(ms))
ms.remove(3)
print(list(ms))
t(ms.remove, 99)
ms.extend(ms)
print(list(ms))
ms.clear()
print(list(ms))


class S(Set):
    def __init__(self, items=()):
        self._items = list(dict.fromkeys(items))

    def __contains__(self, x):
        return x in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)


a, b = S([1, 2, 3]), S([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= b, S([2]) < a, a == S([3, 2, 1]), a >= S(), a > a)
print(a.isdisjoint([5]), a.isdisjoint([1]), sorted(a & [1, 9]), sorted([9] - S([9, 8])) if False else None)
print(a._hash() == S([3, 1, 2])._hash(), a._hash() == frozenset([1, 2, 3]).__hash__())
t(lambda: a & 5)


class MS(MutableSet):
    def __init__(self, items=()):
        self._s = set(items)

    def __contains__(self, x):
        return x in self._s

    def __iter__(self):
        return iter(sorted(self._s))

    def __len__(self):
        return len(self._s)

    def add(self, x):
        self._s.add(x)

    def discard(self, x):
        self._s.discard(x)


z = MS([1, 2, 3])
z |= {7}
z &= {1, 2, 7, 8}
z ^= {2, 10}
z -= {10}
print(list(z), z.pop(), list(z))
z.remove(7)
t(z.remove, 7)
z.clear()
print(list(z))


class Gen(Generator):
    def __init__(self):
        self.n = 0

    def send(self, value):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n

    def throw(self, typ, val=None, tb=None):
        raise typ


print(list(Gen()), isinstance(Gen(), Iterator))
g = Gen()
next(g)
g.close()


class It:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


class NoHash:
    __hash__ = None


class Blocked(list):
    __iter__ = None


print(isinstance(It(), Iterator), isinstance(It(), Iterable), issubclass(It, Reversible), issubclass(NoHash, Hashable))
print(issubclass(Blocked, Iterable), issubclass(list, Iterable), isinstance(It(), Collection), isinstance(len, Callable))


class Odd:
    pass


Sized.register(Odd)
print(issubclass(Odd, Sized), isinstance(Odd(), Sized), issubclass(Odd, Collection), Sized.register(Odd) is Odd)
t(Sized.register, 5)
t(Mapping); t(MutableSequence); t(Sized); t(Iterable)


class Half(Mapping):
    def __getitem__(self, key):
        return 1


t(Half)
t(issubclass, 5, Sized)
print(sorted(Sequence.__abstractmethods__), sorted(MutableMapping.__abstractmethods__), sorted(MutableSet.__abstractmethods__))
print(Container.__subclasshook__(list), Sized.__subclasshook__(int), Mapping.__subclasshook__(dict))
print(KeysView({"a": 1}), ItemsView({"a": 1}), ValuesView({"a": 1}), list(ItemsView({"a": 1})), len(ValuesView({1: 2})))
