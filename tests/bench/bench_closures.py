# Closures and higher-order functions: counters in cells, adders, map/filter
# with lambdas, a decorator wrapping every call.
import time


def make_counter():
    count = 0

    def bump(step):
        nonlocal count
        count += step
        return count
    return bump


def traced(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper


@traced
def add(a, b=1):
    return a + b


start = time.perf_counter()
total = 0
counter = make_counter()
for i in range(200_000):
    total += counter(i & 7)
adders = [(lambda k: (lambda x: x + k))(k) for k in range(10)]
for i in range(20_000):
    for f in adders:
        total += f(i)
total += sum(map(lambda v: v * 2, filter(lambda v: v % 3, range(200_000))))
for i in range(100_000):
    total += add(i, b=2)
print(f"measure: {time.perf_counter() - start:.6f}")
print(total)
