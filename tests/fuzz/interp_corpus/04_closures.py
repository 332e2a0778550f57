def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc

c = counter()
print(c(), c(5), c.__closure__ is not None)
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
import functools
@functools.lru_cache(maxsize=None)
def f(n):
    return n if n < 2 else f(n - 1) + f(n - 2)
print(f(30), functools.reduce(lambda a, b: a * b, range(1, 8)))
