# Instances of a small class with two attributes, most dropped at once.
import time


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


start = time.perf_counter()
total = 0
keep = []
for i in range(1_000_000):
    p = Point(i, -i)
    total += p.x + p.y
    if i % 1000 == 0:
        keep.append(p)
print("measure:", time.perf_counter() - start)
print(total, len(keep))
