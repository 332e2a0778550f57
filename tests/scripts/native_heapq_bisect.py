# heapq and bisect in C++: results, ordering through `<` (user classes),
# key=, lo/hi, merge, and error messages, as CPython 3.11.
import bisect
import heapq
import random


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


rng = random.Random(3)
data = [rng.randrange(1000) for _ in range(300)]
heap = []
for x in data:
    heapq.heappush(heap, x)
print(heap[:10], [heapq.heappop(heap) for _ in range(len(heap))] == sorted(data))
h = list(data)
heapq.heapify(h)
print(h[:10], heapq.heappushpop(h, -1), heapq.heappushpop(h, 5000), heapq.heapreplace(h, 10), h[0])
print(heapq.heappushpop([], 3), heapq.nsmallest(3, data), heapq.nlargest(3, data), heapq.nsmallest(2, data, key=lambda x: -x))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge()), list(heapq.merge([], [1])))
print(list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)), list(heapq.merge(["bb", "a"], ["ccc"], key=len)))
print(list(heapq.merge([1, 2], [1, 2], key=lambda x: 0)))
tasks = [(2, "write"), (1, "plan"), (3, "test"), (1, "argue")]
q = []
for t in tasks:
    heapq.heappush(q, t)
print([heapq.heappop(q) for _ in range(len(q))])


class Job:
    def __init__(self, p):
        self.p = p

    def __lt__(self, other):
        return self.p < other.p

    def __repr__(self):
        return "Job(%d)" % self.p


jobs = [Job(p) for p in (5, 2, 8, 1)]
heapq.heapify(jobs)
print(heapq.heappop(jobs), jobs[0], heapq._heappop_max([3, 1, 2]))
mh = [1, 5, 3, 9]
heapq._heapify_max(mh)
print(mh, heapq._heapreplace_max(mh, 0), mh)

for label, f in [
    ("heappush(1, 2)", lambda: heapq.heappush(1, 2)), ("heappush([])", lambda: heapq.heappush([])),
    ("heappop([])", lambda: heapq.heappop([])), ("heapreplace([], 1)", lambda: heapq.heapreplace([], 1)),
    ("heapify(())", lambda: heapq.heapify(())), ("heappush kw", lambda: heapq.heappush(heap=[], item=1)),
    ("heappushpop(5, 1)", lambda: heapq.heappushpop(5, 1)), ("heapify 2 args", lambda: heapq.heapify([1], 2)),
    ("heappop(1)", lambda: heapq.heappop(1)), ("heappush mixed", lambda: heapq.heappush([1], "a")),
    ("heapify objects", lambda: heapq.heapify([object(), object()])),
]:
    show(label, f)

# bisect
a = [1, 2, 2, 2, 3, 5, 8]
print([bisect.bisect_left(a, x) for x in range(10)])
print([bisect.bisect_right(a, x) for x in range(10)])
print(bisect.bisect(a, 2), bisect.bisect_left(a, 2, 2), bisect.bisect_left(a, 2, 0, 2), bisect.bisect_right(a, 9, hi=3))
print(bisect.bisect_left(a, 2, 0, None), bisect.bisect_right(a, 2, lo=4), bisect.bisect is bisect.bisect_right)
records = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(records, 3, key=lambda r: r[1]), bisect.bisect_right(records, 3, key=lambda r: r[1]))
bisect.insort(records, ("d", 4), key=lambda r: r[1])
bisect.insort_left(records, ("e", 3), key=lambda r: r[1])
print(records)
s = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(s, x)
print(s)
bisect.insort_left(s, 1)
bisect.insort_right(s, 9, 0)
print(s)


class Seq:
    def __init__(self):
        self.items = []

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def insert(self, i, x):
        self.items.insert(i, x)


sq = Seq()
for x in [3, 1, 2]:
    bisect.insort(sq, x)
print(sq.items, bisect.bisect_left("abcde", "c"), bisect.bisect(range(0, 100, 10), 35))

for label, f in [
    ("lo -1", lambda: bisect.bisect_right([1], 1, -1)), ("no len", lambda: bisect.bisect_right(1, 1)),
    ("lo str", lambda: bisect.bisect_right([1], 1, "a")), ("hi str", lambda: bisect.bisect_right([1], 1, hi="a")),
    ("missing x", lambda: bisect.bisect_right([1])), ("hi too big", lambda: bisect.bisect_right([1], 1, 0, 5)),
    ("insort int", lambda: bisect.insort(1, 1)), ("x twice", lambda: bisect.bisect_right([1], 1, x=1)),
    ("mixed", lambda: bisect.bisect([1, 2], "a")), ("key positional", lambda: bisect.bisect([1], 1, 0, 1, len)),
]:
    show(label, f)
