# Recursive fib(27): Python-to-Python call overhead.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
import time
start = time.perf_counter()
result = fib(27)
print(f"measure: {time.perf_counter() - start:.6f}")
print(result)
