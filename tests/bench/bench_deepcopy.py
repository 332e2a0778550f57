# copy.deepcopy of nested containers and small objects, with shared parts
# (the memo) and a class that copies through __reduce__.
import copy
import time


class Record:
    def __init__(self, name, tags):
        self.name = name
        self.tags = tags


class Reduced:
    def __init__(self, a):
        self.a = a

    def __reduce__(self):
        return (Reduced, (self.a,))


start = time.perf_counter()
shared = [1, 2, 3]
data = {
    "records": [Record("r%d" % i, ["t", i, (i, i + 1)]) for i in range(50)],
    "shared": (shared, shared, {"x": shared}),
    "reduced": [Reduced(i) for i in range(20)],
    "nested": {"a": [{"b": [1.5, "s", None, True]}] * 5},
}
total = 0
for _ in range(300):
    c = copy.deepcopy(data)
    total += len(c["records"]) + c["reduced"][-1].a + (c["shared"][0] is c["shared"][1])
print(f"measure: {time.perf_counter() - start:.6f}")
print(total)
