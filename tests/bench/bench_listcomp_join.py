# List comprehensions and string joining.
def run():
    total = 0
    for _ in range(200):
        squares = [x * x for x in range(5000) if x % 3]
        text = ",".join([str(v) for v in squares[:500]])
        total += len(squares) + len(text)
    return total
import time
start = time.perf_counter()
result = run()
print(f"measure: {time.perf_counter() - start:.6f}")
print(result)
