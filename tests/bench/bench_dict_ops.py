# Dict get/set with int and str keys.
def run():
    d = {}
    for i in range(500_000):
        d[i] = i
        d[str(i & 1023)] = i
    total = 0
    for i in range(500_000):
        total += d[i] + d.get(str(i & 1023), 0)
    return total
import time
start = time.perf_counter()
result = run()
print(f"measure: {time.perf_counter() - start:.6f}")
print(result)
