# A coroutine collected without ever having started warns
# "RuntimeWarning: coroutine '...' was never awaited" through the warnings
# module. Each drop is followed on the same line by a comprehension (a
# Python call, which leaves no stale copy of the coroutine on gilvm's
# native stack) and gc.collect(), so that CPython (which warns at the drop)
# and gilvm (which warns when the collector finds it) report the same line.
import gc
import warnings


async def f():
    return 1


class K:
    async def method(self):
        pass


def make():
    return f()


f(); [0 for _ in "ab"]; gc.collect()
print("dropped at once")

make(); [0 for _ in "ab"]; gc.collect()
print("dropped by a caller")

c = K().method()
del c; [0 for _ in "ab"]; gc.collect()
print("a method's coroutine")

# Started, closed or thrown into before starting: no warning.
c = f()
try:
    c.send(None)
except StopIteration as e:
    print("ran to", e.value)
del c; [0 for _ in "ab"]; gc.collect()
c = f()
c.close()
del c; [0 for _ in "ab"]; gc.collect()
c = f()
try:
    c.throw(ValueError("in"))
except ValueError as e:
    print("thrown:", e)
del c; [0 for _ in "ab"]; gc.collect()
print("no warning for those")


async def outer():
    return await f()


c = outer()
try:
    c.send(None)
except StopIteration as e:
    print("awaited:", e.value)
del c; [0 for _ in "ab"]; gc.collect()

# The warning goes through the filters.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    f(); [0 for _ in "ab"]; gc.collect()
for w in caught:
    print(w.category.__name__, str(w.message), w.lineno)

with warnings.catch_warnings():
    warnings.simplefilter("ignore", RuntimeWarning)
    f(); [0 for _ in "ab"]; gc.collect()
print("ignored")
