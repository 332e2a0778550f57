# enumerate, zip, map, filter, reversed, iter, next, sorted, min, max, sum,
# any, all: results and CPython's error messages.

def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(list(enumerate("abc")))
print(list(enumerate([10, 20], 5)))
print(list(enumerate([10, 20], start=-2)))
print(list(enumerate(iterable=[1], start=2**70)))
e = enumerate([1, 2])
print(type(e).__name__, iter(e) is e, next(e), next(e))
check(lambda: next(e))
check(lambda: enumerate())
check(lambda: enumerate([1], 2, 3))
check(lambda: enumerate([1], foo=3))
check(lambda: enumerate(5))
check(lambda: enumerate([1], "a"))
print(isinstance(enumerate([]), enumerate))

print(list(zip()))
print(list(zip([1, 2, 3], "ab")))
print(list(zip([1, 2], [3, 4], [5, 6])))
print(list(zip([1, 2], [3, 4], strict=True)))
check(lambda: list(zip([1, 2], [3], strict=True)))
check(lambda: list(zip([1], [3, 4], strict=True)))
check(lambda: list(zip([1], [2], [3, 4], strict=True)))
check(lambda: list(zip([1, 2], [2, 3], [3], strict=True)))
check(lambda: zip([1], foo=1))
check(lambda: zip([1], strict=True, foo=1))
check(lambda: zip(1))
print(type(zip()).__name__)

print(list(map(abs, [-1, 2, -3])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(str, range(3))))
check(lambda: map(abs))
check(lambda: map())
check(lambda: map(abs, 1))
check(lambda: list(map(None, [1])))
check(lambda: map(abs, [1], x=1))

print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(filter(lambda x: x % 2, range(10))))
print(list(filter(bool, [0, 3])))
check(lambda: filter(None))
check(lambda: filter(None, 5))

print(list(reversed([1, 2, 3])))
print(list(reversed((1, 2, 3))))
print(list(reversed("abc")))
print(list(reversed(range(4))))

class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10

class Rev:
    def __reversed__(self):
        return iter([7, 8, 9])

class NoRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i

print(list(reversed(Seq())))
print(list(reversed(Rev())))
check(lambda: reversed(NoRev()))
check(lambda: reversed(5))
check(lambda: reversed({1, 2}))
check(lambda: reversed())
check(lambda: reversed([1], [2]))

it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
check(lambda: next(it))
check(lambda: next([1]))
check(lambda: next())
check(lambda: iter())
check(lambda: iter(5))
check(lambda: iter(5, 1))

counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)))
ci = iter(tick, 100)
print(next(ci), next(ci))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), next(Countdown(0), "empty"))

print(sorted([3, 1, 2]))
print(sorted([3, 1, 2], reverse=True))
print(sorted("hello"))
print(sorted(["bb", "a", "ccc", "dd"], key=len))
print(sorted(["bb", "a", "ccc", "dd"], key=len, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c"), (1, "c")]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted(range(20), key=lambda x: x % 3))
print(sorted([2.5, 1, 3, -1.5, 0]))
print(sorted([]), sorted({}), sorted({3: 1, 1: 2}))
big = [(i * 7919) % 1000 for i in range(1000)]
s = sorted(big)
print(s[:5], s[-5:], len(s))
print(sorted([2**70, 1, -2**70, 5]))
check(lambda: sorted([1, "a"]))
check(lambda: sorted())
check(lambda: sorted([1], [2]))
check(lambda: sorted([1], foo=1))
check(lambda: sorted([1], reverse="x"))
check(lambda: sorted(5))

print(max([3, 1, 2]), min([3, 1, 2]))
print(max(3, 1, 2), min(3, 1, 2))
print(max("hello"), min("hello"))
print(max(["bb", "a", "ccc"], key=len), min(["bb", "a", "ccc"], key=len))
print(max([1, 3, 3.0], key=lambda x: x), max([(1, "a"), (1, "b")]))
print(max([], default="none"), min((), default=None))
print(max([5], default=0), max(1, 2, key=None))
print(max([1, 2, 1], key=lambda x: -x), min(["b", "a", "c"], key=None))
check(lambda: max([]))
check(lambda: min(()))
check(lambda: max())
check(lambda: max(1))
check(lambda: max(1, 2, default=0))
check(lambda: max([1], foo=1))
check(lambda: max([1], key=len, default=1, foo=1))
check(lambda: max([1, "a"]))

print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([], 5), sum(range(101)))
print(sum([0.1] * 10), sum([1, 2.5]), sum([2**62, 2**62, 2**62]))
print(sum([[1], [2]], []), sum(((1,), (2,)), ()))
print(sum([1, 2], start=3))
print(sum(x * x for x in range(5)))
check(lambda: sum(["a"], ""))
check(lambda: sum([b"a"], b""))
check(lambda: sum(["a", "b"]))
check(lambda: sum())
check(lambda: sum([1], 2, 3))
check(lambda: sum(5))
check(lambda: sum([1], foo=2))

print(any([]), any([0, 0]), any([0, 1]), any(x > 2 for x in range(4)))
print(all([]), all([1, 1]), all([1, 0]), all(x < 2 for x in range(4)))
check(lambda: any())
check(lambda: all(1))
check(lambda: any([1], [2]))
