# Built-ins that drain an iterator (list, tuple, set, sorted, sum, min, str.join,
# dict, enumerate...) over generators and sequence iterators: exhaustion,
# return values, StopIteration raised inside a generator, re-use after the end.
def gen(n, ret=None):
    for i in range(n):
        yield i
    return ret

print(list(gen(3)), tuple(gen(2, "r")), set(gen(4)), sorted(gen(3)), sum(gen(5)))
print(min(gen(3)), max(x * 2 for x in gen(3)), "-".join(str(x) for x in gen(3)))
print(dict((x, x * x) for x in gen(3)), list(enumerate(gen(2))), list(zip(gen(3), "ab")))

def bad():
    yield 1
    raise StopIteration("inner")

for consume in (list, tuple, set, sorted, sum):
    try:
        consume(bad())
    except RuntimeError as e:
        print(consume.__name__, type(e).__name__, e, type(e.__cause__).__name__)

g = gen(3)
print(next(g), list(g), list(g), tuple(g))
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
r = iter(range(5))
print(next(r), tuple(r), tuple(r))
t = iter((1, 2))
print(list(t), set(t))

def failing():
    yield 1
    raise ValueError("boom")

try:
    list(failing())
except ValueError as e:
    print("ValueError", e)

def nested():
    yield from gen(2, "x")
    yield list(gen(2))

print(list(nested()))
running = None
def self_drain():
    yield 1
    list(running)
running = self_drain()
try:
    list(running)
except ValueError as e:
    print(e)
