# Method calls and attribute updates on instances.
class Counter:
    def __init__(self):
        self.count = 0
        self.step = 1

    def bump(self):
        self.count += self.step
        return self.count

def run():
    c = Counter()
    for _ in range(2_000_000):
        c.bump()
    return c.count
import time
start = time.perf_counter()
result = run()
print(f"measure: {time.perf_counter() - start:.6f}")
print(result)
