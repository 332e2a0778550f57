# Small dicts made and dropped, and a few kept in a list that grows.
import time
start = time.perf_counter()
kept = []
total = 0
for i in range(1_000_000):
    d = {"a": i, "b": i * 2}
    total += d["b"] - d["a"]
    if i % 100 == 0:
        kept.append(d)
print("measure:", time.perf_counter() - start)
print(total, len(kept))
