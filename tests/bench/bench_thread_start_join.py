# Starting and joining threading.Thread objects one after another: the cost
# of an OS thread, its thread state and the threading bookkeeping.
import threading
import time

results = []


def work(i):
    results.append(i)


N = 2_000
start = time.perf_counter()
for i in range(N):
    t = threading.Thread(target=work, args=(i,))
    t.start()
    t.join()
elapsed = time.perf_counter() - start
print(f"measure: {elapsed:.6f}")
print(len(results), sum(results))
