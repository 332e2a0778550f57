# Sorting: floats, strings, tuples, key functions and reverse, at a few sizes.
import random
import time

rng = random.Random(5)
floats = [rng.random() for _ in range(50_000)]
words = ["w%07d" % rng.randrange(10 ** 7) for _ in range(50_000)]
pairs = [(rng.randrange(100), rng.random()) for _ in range(50_000)]

start = time.perf_counter()
total = 0
for _ in range(5):
    total += int(sorted(floats)[25_000] * 1000)
    total += len(sorted(words)[1000])
    total += sorted(pairs)[0][0]
    total += sorted(words, key=len, reverse=True)[0].count("w")
    total += sorted(pairs, key=lambda p: p[1])[-1][0]
    small = [floats[i:i + 10] for i in range(0, 20_000, 10)]
    total += sum(len(sorted(s)) for s in small)
print(f"measure: {time.perf_counter() - start:.6f}")
print(total)
