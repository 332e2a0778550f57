def gen(n):
    for i in range(n):
        got = yield i
        if got:
            yield from range(got)

g = gen(4)
print(next(g), g.send(2), list(g))
print(sum(x * x for x in range(10) if x % 3), [y for y in gen(3)])
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 10)))
