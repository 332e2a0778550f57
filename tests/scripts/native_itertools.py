# itertools in C++: values, laziness, reprs, types and error messages of
# every iterator, as CPython 3.11.
import itertools as it
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress, count, cycle,
                       dropwhile, filterfalse, groupby, islice, pairwise, permutations, product, repeat, starmap,
                       takewhile, tee, zip_longest)
import operator


def show(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


# count, cycle, repeat
c = count(5)
print(repr(c), next(c), next(c), repr(c))
print(repr(count()), repr(count(1, 2)), repr(count(1.5)), repr(count(0, 0.5)), repr(count(1, 1.0)))
print(list(islice(count(2 ** 62 - 2), 4)))
print(list(islice(count(1.0, 0.25), 4)))
print(list(islice(count(10, -3), 4)))
print(repr(count(2 ** 70)))
print(list(islice(cycle("abc"), 7)), list(cycle([])))
r = repeat("x", 3)
print(repr(r), r.__length_hint__(), list(r), repr(r))
print(repr(repeat(1)), repr(repeat(1, -3)), list(repeat(1, 0)), list(islice(repeat(7), 3)))
print(list(map(pow, range(5), repeat(2))))
print(type(count()).__name__, count.__module__, repr(count), repr(it._grouper), repr(it._tee))

# accumulate
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=5)), list(accumulate([])))
print(list(accumulate("abc")), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2], func=None, initial=None)))

# chain
print(list(chain("ab", [1, 2], (), range(2))), list(chain()), list(chain.from_iterable(["ab", "cd"])))
ch = chain.from_iterable(iter([[1], [2, 3]]))
print(next(ch), list(ch), type(ch).__name__)

# compress, dropwhile, takewhile, filterfalse, starmap
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress("AB", [1])), list(compress(data="ab", selectors=[0, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
tw = takewhile(lambda x: x < 3, iter([1, 2, 3, 1, 2]))
print(list(tw), list(tw))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None])))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(starmap(operator.add, [[1, 2], "ab"])))

# islice
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)))
print(list(islice("ABCDEFG", 0, None, 2)), list(islice(range(10), 1, 8, 3)), list(islice(range(3), None)))
src = iter(range(10))
print(list(islice(src, 2, 4)), next(src))
print(list(islice(range(5), None, None, None)))

# pairwise, zip_longest
print(list(pairwise("ABCD")), list(pairwise("A")), list(pairwise([])))
for a, b in pairwise([1, 2, 3]):
    print(a + b, end=" ")
print()
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest()), list(zip_longest([1], [])))

# groupby
print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")])
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5, 7], key=lambda x: x % 2)])
groups = list(groupby("aabbc"))
print([(k, list(g)) for k, g in groups])  # earlier groups are exhausted
g = groupby("aab")
k1, g1 = next(g)
print(k1, next(g1), type(g1).__name__)
k2, g2 = next(g)
print(k2, list(g1), list(g2))

# tee
a, b = tee(iter(range(5)))
print(next(a), next(a), list(b), list(a))
x, y, z = tee("abc", 3)
print(list(x), list(y), list(z), type(x).__name__, tee([1], 0))
t1, t2 = tee(range(200))
print(sum(t1), sum(t2))
t3, = tee(t1, 1)
print(t3 is t1)
u, v = tee(iter([1, 2, 3]))
w = u.__copy__()
print(next(u), list(w), list(v))

# combinatorics
print(list(product("ab", range(2))), list(product(range(2), repeat=2)), list(product()))
print(list(permutations(range(3))), list(permutations("abc", 2)), list(permutations([], 0)))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations("ab", 3)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement([], 0)))
print(len(list(permutations(range(6)))), len(list(combinations(range(20), 3))))

# subclassing
class Counter2(count):
    pass

c2 = Counter2(3)
print(next(c2), next(c2), repr(c2))


class MyChain(chain):
    def __next__(self):
        return super().__next__() * 2

print(list(MyChain([1, 2], [3])))

# errors
for label, f in [
    ("count('a')", lambda: count("a")), ("count(x=1)", lambda: count(x=1)), ("cycle()", lambda: cycle()),
    ("cycle(1)", lambda: cycle(1)), ("cycle kw", lambda: cycle([1], x=1)), ("repeat()", lambda: repeat()),
    ("repeat(1,'a')", lambda: repeat(1, "a")), ("repeat 3 args", lambda: repeat(1, 2, 3)),
    ("repeat hint", lambda: repeat(1).__length_hint__()),
    ("accumulate()", lambda: accumulate()), ("accumulate(1)", lambda: accumulate(1)),
    ("accumulate bad add", lambda: list(accumulate([1, "a"]))),
    ("chain kw", lambda: chain(x=1)), ("from_iterable()", lambda: chain.from_iterable()),
    ("chain bad", lambda: list(chain([1], 2))),
    ("compress([1])", lambda: compress([1])), ("dropwhile(None)", lambda: dropwhile(None)),
    ("dropwhile kw", lambda: dropwhile(None, [1], x=1)), ("filterfalse(None)", lambda: filterfalse(None)),
    ("groupby()", lambda: groupby()), ("islice([1])", lambda: islice([1])), ("islice()", lambda: islice()),
    ("islice -1", lambda: islice([1], -1)), ("islice 'a'", lambda: islice([1], "a")),
    ("islice -1,2", lambda: islice([1], -1, 2)), ("islice 1,-2", lambda: islice([1], 1, -2)),
    ("islice step 0", lambda: islice([1], 1, 2, 0)), ("islice step a", lambda: islice([1], 1, 2, "a")),
    ("islice 5 args", lambda: islice([1], 1, 2, 3, 4)), ("islice kw", lambda: islice([1], x=1)),
    ("pairwise()", lambda: pairwise()), ("pairwise 2", lambda: pairwise([1], [2])),
    ("starmap(None)", lambda: starmap(None)), ("starmap int", lambda: list(starmap(pow, [1]))),
    ("takewhile(None)", lambda: takewhile(None)), ("tee -1", lambda: tee([1], -1)), ("tee()", lambda: tee()),
    ("tee 'a'", lambda: tee([1], "a")), ("zip_longest kw", lambda: zip_longest(x=1)),
    ("zip_longest(1)", lambda: zip_longest(1)), ("product repeat -1", lambda: product(repeat=-1)),
    ("product kw", lambda: product(x=1)), ("product(1)", lambda: product(1)),
    ("product repeat a", lambda: product([1], repeat="a")), ("permutations -1", lambda: permutations([1], -1)),
    ("permutations a", lambda: permutations([1], "a")), ("permutations()", lambda: permutations()),
    ("combinations([1])", lambda: combinations([1])), ("combinations -1", lambda: combinations([1], -1)),
    ("combinations a", lambda: combinations([1], "a")),
    ("cwr -1", lambda: combinations_with_replacement([1], -1)),
    ("cwr([1])", lambda: combinations_with_replacement([1])),
    ("next(count) arg", lambda: count().__next__(1)),
    ("groupby key raises", lambda: list(groupby([1, 2], key=lambda x: 1 / 0))),
]:
    show(label, f)


# StopIteration from next() on an exhausted native iterator
e = islice([1], 1)
print(next(e), next(e, "done"))
try:
    next(e)
except StopIteration as exc:
    print("StopIteration", exc.args)
