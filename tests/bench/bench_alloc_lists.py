# Small short-lived lists: allocation and collection of the commonest object.
import time
start = time.perf_counter()
total = 0
for i in range(2_000_000):
    pair = [i, i + 1]
    total += pair[1] - pair[0]
print("measure:", time.perf_counter() - start)
print(total)
