# sys.set_asyncgen_hooks / get_asyncgen_hooks, driven without an event loop:
# firstiter runs at an async generator's first iteration, the finalizer
# when one that was iterated and not finished is collected. Each drop is
# followed on its line by a comprehension and gc.collect(), so that CPython
# (finalizing at the drop) and gilvm (at the collection) agree.
import gc
import sys


def step(awaitable):
    """Runs one awaitable that never suspends; its result."""
    try:
        awaitable.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError("suspended")


async def counter(label):
    try:
        for i in range(3):
            yield i
    finally:
        print("finally of", label)


hooks = sys.get_asyncgen_hooks()
print(type(hooks).__name__, hooks, isinstance(hooks, tuple), len(hooks))
print(hooks.firstiter, hooks.finalizer, hooks[0], hooks[1])

seen = []


def firstiter(agen):
    seen.append(agen.__name__)
    print("firstiter:", agen.__qualname__)


finalized = []


def finalizer(agen):
    print("finalizer:", agen.__name__)
    finalized.append(agen)


sys.set_asyncgen_hooks(firstiter=firstiter)
print(sys.get_asyncgen_hooks().firstiter is firstiter, sys.get_asyncgen_hooks().finalizer)
sys.set_asyncgen_hooks(finalizer=finalizer)
print(sys.get_asyncgen_hooks() == (firstiter, finalizer))

# firstiter: once, at the first __anext__ (not at creation).
g = counter("g")
print("created", seen)
print(step(g.__anext__()), step(g.__anext__()), seen)
try:
    step(g.aclose())
except StopIteration:
    pass
print("closed", seen)
del g

# The finalizer gets a generator dropped mid-iteration; closing it is its job.
g = counter("dropped")
print(step(g.__anext__()))
del g; [0 for _ in "ab"]; gc.collect()
print("finalizer calls:", len(finalized))
step(finalized.pop().aclose())

# Finished, or never iterated: no finalizer call.
g = counter("finished")
for _ in range(3):
    step(g.__anext__())
try:
    step(g.__anext__())
except StopAsyncIteration:
    print("exhausted")
del g; [0 for _ in "ab"]; gc.collect()
g = counter("never iterated")
del g; [0 for _ in "ab"]; gc.collect()
print("finalizer calls:", len(finalized))

# The hooks are those in force at the first iteration.
g = counter("early")
step(g.__anext__())
sys.set_asyncgen_hooks(firstiter=None, finalizer=None)
print(sys.get_asyncgen_hooks())
del g; [0 for _ in "ab"]; gc.collect()
print("finalizer calls:", len(finalized))
step(finalized.pop().aclose())

# With no finalizer hook, a dropped generator is closed on the spot.
g = counter("no hook")
step(g.__anext__())
del g; [0 for _ in "ab"]; gc.collect()
print("after the drop")

# Errors.
for kwargs in ({"firstiter": 1}, {"finalizer": "x"}, {"firstiter": 1, "finalizer": finalizer}):
    try:
        sys.set_asyncgen_hooks(**kwargs)
    except TypeError as e:
        print("TypeError:", e)
print(sys.get_asyncgen_hooks().finalizer is finalizer)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks()
print(sys.get_asyncgen_hooks())


def failing(agen):
    raise ValueError("firstiter failed")


sys.set_asyncgen_hooks(firstiter=failing)
g = counter("failing")
try:
    g.__anext__()
except ValueError as e:
    print("ValueError:", e)
print(step(g.__anext__()))
sys.set_asyncgen_hooks(firstiter=None)
step(g.aclose())
