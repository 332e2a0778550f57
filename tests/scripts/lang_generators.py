# Generators, send/return values, yield from, comprehensions, unpacking.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "done"

print(list(countdown(3)))
g = countdown(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("return value:", e.value)

def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value

acc = accumulator()
next(acc)
print(acc.send(5), acc.send(10))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)

def inner():
    yield 1
    yield 2
    return "inner-result"

def outer():
    result = yield from inner()
    yield result
    yield from range(3)

print(list(outer()))

def thrower():
    try:
        yield 1
    except ValueError as e:
        yield "caught " + str(e)

t = thrower()
next(t)
print(t.throw(ValueError("boom")))

squares = [x * x for x in range(6) if x % 2 == 0]
pairs = [(a, b) for a in range(3) for b in range(a)]
unique = {c for c in "mississippi"}
index = {w: len(w) for w in ["a", "bb", "ccc"]}
lazy = (x + 1 for x in range(3))
print(squares, pairs, sorted(unique), index, list(lazy), sum(x for x in range(101)))
nested = [[i * j for j in range(3)] for i in range(3)]
print(nested)

a, *rest = [1, 2, 3, 4]
*init, last = "abc"
x, (y, z) = 1, (2, 3)
print(a, rest, init, last, x, y, z)
first, second = "hi"
print(first, second)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print(e)
print([*range(3), *"ab"], {**{"a": 1}, "b": 2}, (*[1], 2))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fib():
    if v > 50:
        break
    out.append(v)
print(out)
it = iter([10, 20])
print(next(it), next(it), next(it, "end"))
print(list(zip("ab", [1, 2, 3])), list(enumerate("xy", 1)), list(reversed([1, 2, 3])))
gen_expr_scope = [lambda: i for i in range(3)]
print([f() for f in gen_expr_scope])
print(type(countdown(1)).__name__, any(x > 2 for x in [1, 3]), all([]))
