# operator, heapq and bisect.
import operator, heapq, bisect, random
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(1, 2), operator.mul("a", 3), operator.neg(5), operator.abs(-3), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.contains([1, 2], 2), operator.getitem({"a": 1}, "a"), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), itemgetter(0, 1)(rows[0]), itemgetter(1))
class Pt:
    def __init__(self, x): self.x = x; self.inner = self
print(attrgetter("x")(Pt(5)), attrgetter("inner.x", "x")(Pt(7)), methodcaller("upper")("ab"), methodcaller("split", ",")("a,b"))
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print(h[0], [heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data[0], heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), sorted(data))
print(heapq.nlargest(2, [3, 1, 4, 1, 5]), heapq.nsmallest(2, [3, 1, 4, 1, 5]), list(heapq.merge([1, 4], [2, 3])))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "read"))
heapq.heappush(tasks, (3, "exit"))
print([heapq.heappop(tasks)[1] for _ in range(3)])
random.seed(3)
items = [random.randint(0, 100) for _ in range(200)]
heap = []
for v in items:
    heapq.heappush(heap, v)
print([heapq.heappop(heap) for _ in range(200)] == sorted(items))
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect_left(a, 0))
bisect.insort(a, 5); bisect.insort_left(a, 4); print(a)
print(bisect.bisect_left([("a", 1), ("c", 3)], "b", key=lambda t: t[0]))
