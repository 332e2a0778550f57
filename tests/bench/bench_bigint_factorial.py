# Big-int multiplication: factorials.
def factorial(n):
    r = 1
    for k in range(2, n + 1):
        r *= k
    return r
import time
start = time.perf_counter()
total = 0
for _ in range(20):
    total += factorial(3000) % 1000003
print(f"measure: {time.perf_counter() - start:.6f}")
print(total)
