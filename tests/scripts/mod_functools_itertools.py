# functools (reduce, partial, wraps, lru_cache, cache, total_ordering,
# cmp_to_key, cached_property) and itertools.
import functools
import itertools
from functools import reduce, partial, wraps, lru_cache, cache, total_ordering, cmp_to_key, cached_property
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 10))
try:
    reduce(max, [])
except TypeError as e:
    print("TypeError:", e)
p = partial(int, base=2)
print(p("101"), p.args, p.keywords, partial(partial(max, 1), 5)(3))
def deco(f):
    @wraps(f)
    def inner(*a):
        return f(*a)
    return inner
@deco
def documented(x):
    "Doc text."
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented(4))
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@lru_cache(maxsize=2)
def sq(n):
    return n * n
for n in [1, 2, 1, 3, 2]:
    sq(n)
print(sq.cache_info())
sq.cache_clear(); print(sq.cache_info())
@cache
def twice(x):
    return 2 * x
print(twice(3), twice(3), twice.cache_info().hits)
@lru_cache
def plain(x):
    return x
print(plain(1), plain.cache_info())
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), V(2) >= V(2))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
class Data:
    @cached_property
    def expensive(self):
        print("computing")
        return 42
d = Data()
print(d.expensive, d.expensive)
print(list(itertools.islice(itertools.count(10, 5), 3)), list(itertools.islice(itertools.cycle("ab"), 5)))
print(list(itertools.repeat("x", 3)), list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(itertools.chain([1, 2], "ab", (3,))), list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.filterfalse(lambda x: x % 2, range(6))))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.islice(range(10), 2, 8, 3)), list(itertools.islice("abc", None)))
print(list(itertools.pairwise("abcd")), list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print([(k, list(g)) for k, g in itertools.groupby("aaabbcaa")], [(k, len(list(g))) for k, g in itertools.groupby([1, 3, 2, 4], key=lambda x: x % 2)])
a, b = itertools.tee([1, 2, 3])
print(list(a), list(b))
print(list(itertools.product("ab", repeat=2)), list(itertools.product([1, 2], "x")))
print(list(itertools.permutations([1, 2, 3], 2)), len(list(itertools.permutations(range(4)))))
print(list(itertools.combinations("abcd", 2)), list(itertools.combinations_with_replacement("ab", 2)))
try:
    itertools.islice([], -1)
except ValueError as e:
    print("ValueError:", e)
for bad in [lambda: itertools.permutations("ab", -1), lambda: itertools.combinations("ab", -1), lambda: itertools.product("a", repeat=-1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)

# total_ordering from each root comparison; Counter arithmetic both ways.
from functools import total_ordering
from collections import Counter
for root in ["__lt__", "__le__", "__gt__", "__ge__"]:
    ns = {"__init__": lambda s, v: setattr(s, "v", v), "__eq__": lambda s, o: s.v == o.v}
    ns[root] = {"__lt__": lambda s, o: s.v < o.v, "__le__": lambda s, o: s.v <= o.v,
                "__gt__": lambda s, o: s.v > o.v, "__ge__": lambda s, o: s.v >= o.v}[root]
    C = total_ordering(type("C", (), ns))
    print(root, [(op(C(a), C(b))) for a in (1, 2) for b in (1, 2)
                 for op in (lambda x, y: x < y, lambda x, y: x <= y, lambda x, y: x > y, lambda x, y: x >= y)],
          C.__lt__.__name__, C.__ge__.__name__)
a, b = Counter(a=3, b=1, c=-2), Counter(b=2, d=4, c=1, e=-1)
print(a + b, a - b, a | b, a & b, b - a, b | a)
print(Counter(x=1).__add__(5))
