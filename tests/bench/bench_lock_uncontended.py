# Uncontended threading.Lock acquire/release, one thread: the fast path that
# must not touch the GIL. Times itself, so start-up cost is left out.
import threading
import time

lock = threading.Lock()
acquire = lock.acquire
release = lock.release
N = 1_000_000
start = time.perf_counter()
for _ in range(N):
    acquire()
    release()
elapsed = time.perf_counter() - start
print(f"measure: {elapsed:.6f}")
print(lock.locked(), N)
