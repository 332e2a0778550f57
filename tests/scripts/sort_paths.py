# list.sort and sorted() through each of their paths: plain ints, floats and
# strs, tuples led by a plain item, and the general protocol; stability with
# reverse, errors, mutation during the sort, and inconsistent comparisons.
import random

rng = random.Random(7)
ints = [rng.randrange(-50, 50) for _ in range(300)]
floats = [rng.uniform(-5, 5) for _ in range(300)] + [0.0, -0.0, 1e300, -1e-300, float("inf")]
strs = ["w%03d" % rng.randrange(200) for _ in range(300)] + ["é", "z", "", "Zé", "\U0001F600"]
print(sorted(ints) == sorted(ints, key=lambda v: v), sorted(ints)[:8], sorted(ints, reverse=True)[:8])
print(sorted(floats)[:4], sorted(floats)[-3:], [str(x) for x in sorted([0.0, -0.0, 0.0, -0.0])])
print(sorted(strs)[:6], sorted(strs)[-4:], sorted(strs, reverse=True)[:3])

# Stability, forwards and reversed: equal keys keep their original order.
records = [(rng.randrange(5), i) for i in range(40)]
print(sorted(records, key=lambda r: r[0])[:10])
print(sorted(records, key=lambda r: r[0], reverse=True)[:10])
words = ["bb", "a", "ccc", "dd", "e", "fff"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))

# Tuples led by ints, floats or strs; ties decided by later items.
pairs = [(rng.randrange(4), rng.choice("xyz"), i) for i in range(30)]
print(sorted(pairs)[:8], sorted(pairs, reverse=True)[:4])
print(sorted([(1.5, "b"), (1.5, "a"), (-0.0, "z"), (0.0, "y")]), sorted([("b", 2), ("a", 3), ("b", 1)]))
print(sorted([(2,), (1, 5), (1,), ()]), sorted([(1, [2]), (1, [1])]))

# Mixed kinds go through the protocol: ints with big ints and floats, bools.
print(sorted([3, 2 ** 70, -1.5, True, 0, -2 ** 65]), sorted([True, False, True]), sorted([1, 1.0, True]))

class Version:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return "V%d" % self.n
print(sorted([Version(3), Version(1), Version(2)]), max([Version(3), Version(5)]))

for bad in ([1, "a"], [(1, 2), (1, "x")], [None, None], [{1}, [1]]):
    try:
        sorted(bad)
    except TypeError as e:
        print("TypeError:", e)

def failing_key(v):
    if v == 3:
        raise ValueError("key failed at 3")
    return v
data = [5, 3, 1, 4]
try:
    data.sort(key=failing_key)
except ValueError as e:
    print(e, data)

victim = [3, 1, 2]
def meddle(v):
    victim.append(v)
    return v
try:
    victim.sort(key=meddle)
except ValueError as e:
    print("ValueError:", e)

class Chaos:
    calls = 0
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        Chaos.calls += 1
        return rng.random() < 0.5
chaos = [Chaos(i) for i in range(500)]
out = sorted(chaos)
print(len(out), sorted(c.n for c in out) == list(range(500)), Chaos.calls > 0)
chaos.sort(reverse=True)
print(len(chaos))
