# Sequence unpacking and packing: swaps, tuple returns, star targets,
# iteration over pairs.
import time


def divmod_pair(a, b):
    return a // b, a % b


start = time.perf_counter()
total = 0
a, b, c = 1, 2, 3
for i in range(300_000):
    a, b, c = b, c, a
    q, r = divmod_pair(i, 7)
    first, *rest = (q, r, i)
    total += q + r + first + len(rest) + a
pairs = [(i, i * 2) for i in range(1000)]
for _ in range(200):
    for x, y in pairs:
        total += x - y
print(f"measure: {time.perf_counter() - start:.6f}")
print(total)
