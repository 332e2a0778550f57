# A 20-million-iteration countdown while loop at module level.
import time
start = time.perf_counter()
n = 20_000_000
while n > 0:
    n -= 1
print(f"measure: {time.perf_counter() - start:.6f}")
print(n)
