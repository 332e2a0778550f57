# itertools, operator, heapq, bisect and collections.deque in the hot loops
# of ordinary programs: Dijkstra with a heapq priority queue, BFS over a
# grid with a deque, a sliding-window maximum, itertools pipelines
# (groupby/islice/chain/accumulate/combinations/product), sorting records
# with operator.itemgetter/attrgetter, and a bisect-maintained sorted list.
import bisect
import heapq
import itertools
import operator
import random
import time
from collections import deque

rng = random.Random(11)
N = 60
grid = [[rng.randrange(1, 10) for _ in range(N)] for _ in range(N)]
walls = {(rng.randrange(N), rng.randrange(N)) for _ in range(N * N // 5)} - {(0, 0)}
records = [(rng.randrange(50), rng.random(), "name%d" % i) for i in range(6000)]
stream = [rng.randrange(1000) for _ in range(20000)]


class Rec:
    __slots__ = ("group", "score")

    def __init__(self, group, score):
        self.group = group
        self.score = score


objs = [Rec(g, s) for g, s, _ in records]
STEPS = ((1, 0), (-1, 0), (0, 1), (0, -1))


def dijkstra():
    dist = {(0, 0): 0}
    heap = [(0, 0, 0)]
    pop, push = heapq.heappop, heapq.heappush
    while heap:
        d, x, y = pop(heap)
        if d > dist[(x, y)]:
            continue
        for dx, dy in STEPS:
            nx, ny = x + dx, y + dy
            if 0 <= nx < N and 0 <= ny < N:
                nd = d + grid[ny][nx]
                if nd < dist.get((nx, ny), 1 << 30):
                    dist[(nx, ny)] = nd
                    push(heap, (nd, nx, ny))
    return dist[(N - 1, N - 1)]


def bfs():
    seen = {(0, 0)}
    queue = deque([(0, 0, 0)])
    far = 0
    while queue:
        x, y, d = queue.popleft()
        far = max(far, d)
        for dx, dy in STEPS:
            p = (x + dx, y + dy)
            if 0 <= p[0] < N and 0 <= p[1] < N and p not in seen and p not in walls:
                seen.add(p)
                queue.append((p[0], p[1], d + 1))
    return far + len(seen)


def window_max(k=50):
    window = deque()
    total = 0
    for i, v in enumerate(stream):
        while window and stream[window[-1]] <= v:
            window.pop()
        window.append(i)
        if window[0] <= i - k:
            window.popleft()
        if i >= k - 1:
            total += stream[window[0]]
    recent = deque(maxlen=100)
    for v in stream:
        recent.append(v)
    return total + sum(recent)


def pipelines():
    total = 0
    by_group = sorted(records, key=operator.itemgetter(0))
    for key, group in itertools.groupby(by_group, key=operator.itemgetter(0)):
        total += key * sum(1 for _ in group)
    total += sum(itertools.islice(itertools.accumulate(stream), 0, None, 7)) % 100003
    total += sum(map(operator.mul, stream, itertools.cycle((1, -1, 2))))
    total += sum(1 for a, b in itertools.pairwise(stream) if a < b)
    total += sum(1 for c in itertools.combinations(range(40), 3) if sum(c) % 7 == 0)
    total += sum(a * b for a, b in itertools.product(range(60), repeat=2))
    total += len(list(itertools.chain.from_iterable([stream[:100]] * 50)))
    total += sum(itertools.starmap(operator.add, zip(stream, itertools.repeat(1))))
    total += sum(1 for _ in itertools.filterfalse(operator.not_, itertools.takewhile(lambda v: v < 999, stream)))
    for a, b in zip(itertools.count(), itertools.islice(stream, 500)):
        total += a ^ b
    return total


def sorting():
    total = 0
    total += sorted(records, key=operator.itemgetter(1))[0][0]
    total += sorted(records, key=operator.itemgetter(0, 1))[-1][0]
    total += sorted(objs, key=operator.attrgetter("score"))[100].group
    total += len(heapq.nsmallest(10, stream)) + heapq.nlargest(5, stream)[0]
    total += sum(heapq.merge(sorted(stream[:2000]), sorted(stream[2000:4000])))
    return total


def sorted_list():
    s = []
    total = 0
    for v in stream[:8000]:
        bisect.insort(s, v)
        total += bisect.bisect_left(s, v // 2)
    for v in stream[8000:16000]:
        i = bisect.bisect_right(s, v)
        total += i
    return total


start = time.perf_counter()
checksum = 0
for _ in range(3):
    checksum += dijkstra()
    checksum += bfs()
    checksum += window_max()
    checksum += pipelines()
    checksum += sorting()
    checksum += sorted_list()
print(f"measure: {time.perf_counter() - start:.6f}")
print(checksum)
