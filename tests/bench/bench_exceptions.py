# Raising and catching: a raise statement caught one frame up, and a
# missing attribute caught as AttributeError (hasattr-style probing).
class Plain:
    pass


def fail(i):
    raise ValueError(i)


def probe(obj):
    try:
        return obj.missing
    except AttributeError:
        return None


import time
start = time.perf_counter()
caught = 0
obj = Plain()
for i in range(300_000):
    try:
        fail(i)
    except ValueError:
        caught += 1
    if probe(obj) is None:
        caught += 1
print(f"measure: {time.perf_counter() - start:.6f}")
print(caught)
