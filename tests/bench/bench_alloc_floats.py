# Float arithmetic: every result is a new float object.
import time
start = time.perf_counter()
x = 0.0
step = 1.0 / 3.0
for i in range(3_000_000):
    x = x * 0.999 + step
print("measure:", time.perf_counter() - start)
print(round(x, 6))
