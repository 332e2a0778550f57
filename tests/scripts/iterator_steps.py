# Built-in iterators step without StopIteration, and 'for a, b in' over
# enumerate, zip and dict.items() takes the parts without a 2-tuple; the
# edge cases of both, checked against CPython.
for i, x in enumerate("abc"): print(i, x)
for a, b in zip([1,2,3], "xy"): print(a, b)
for a, b in zip([1,2,3], "xy"): print(a, b)
try:
    for a, b in zip([1,2,3], "xy", strict=True): print(a, b)
except ValueError as e: print(e)
d = {"a": 1, "b": 2}
for k, v in d.items(): print(k, v)
try:
    for k, v in d.items(): d["c"] = 3
except RuntimeError as e: print(e)
for k in d.items(): print(k)
try:
    for a, b in zip([1], [2], [3]): pass
except ValueError as e: print(e)
def f(x):
    if x == 3: raise StopIteration
    return x
print(list(map(f, range(10))))
it = iter([1,2,3,4]).__next__
print(list(iter(it, 3)))
e = enumerate([1,2]); print(next(e), next(e)); 
try: next(e)
except StopIteration: print("stop")
class E(enumerate):
    def __next__(self): return (0, 0) if False else super().__next__()
for i, x in E("ab"): print(i, x)
print(list(reversed([1,2,3])), list(filter(None, [0,1,2])))
for i, (a, b) in enumerate(zip("ab", "cd")): print(i, a, b)


class Pairs:
    """Not a built-in iterator: FOR_ITER's general path with unpacking."""

    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return (self.n, -self.n)


for a, b in Pairs():
    print(a, b)
for a, b in [(1, 2), (3, 4)]:
    print(a + b)
try:
    for a, b in enumerate([1]).__iter__():
        raise KeyError("inside")
except KeyError as e:
    print("KeyError", e)
for i, c in enumerate("xyz", start=10):
    print(i, c)
for i, c in enumerate(iter(["p"]), 2**62 - 1):
    print(i, c)
big = {i: i * i for i in range(50)}
print(sum(k + v for k, v in big.items()))
for a, b in zip(range(3), (x * 2 for x in range(3))):
    print(a, b)
z = zip([1, 2], [3, 4])
print(next(z), list(z))
print(list(zip()), list(enumerate([])), list(map(str, [])))
for x, y in map(lambda p: (p, p + 1), range(2)):
    print(x, y)
