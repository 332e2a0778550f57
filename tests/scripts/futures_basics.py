# concurrent.futures with threads: submit, map order, result/exception,
# callbacks, cancel, wait, as_completed.
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED, ALL_COMPLETED
import concurrent.futures

def square(x):
    return x * x

def slow(x, delay):
    time.sleep(delay)
    return x

def fails():
    raise ValueError("failed in worker")

with ThreadPoolExecutor(max_workers=4) as pool:
    print(list(pool.map(square, range(8))))
    f = pool.submit(square, 12)
    print(f.result(), f.done(), f.running(), f.cancelled(), f.exception())
    bad = pool.submit(fails)
    try:
        bad.result()
    except ValueError as e:
        print("ValueError:", e, type(bad.exception()).__name__)
    seen = []
    cb = pool.submit(square, 3)
    cb.add_done_callback(lambda fut: seen.append(fut.result()))
    cb.result()
    for _ in range(500):  # the callback runs in the worker, just after the result is set
        if seen:
            break
        time.sleep(0.01)
    print(seen)
    futures = [pool.submit(slow, i, 0.05 * (3 - i)) for i in range(3)]
    print(sorted(f.result() for f in as_completed(futures)))
    done, not_done = wait([pool.submit(slow, "x", 0.01), pool.submit(slow, "y", 0.02)], return_when=ALL_COMPLETED)
    print(len(done), len(not_done))
    quick = pool.submit(slow, "quick", 0.0)
    done, not_done = wait([quick, pool.submit(slow, "slow", 0.3)], return_when=FIRST_COMPLETED)
    print(quick in done)

single = ThreadPoolExecutor(max_workers=1)
blocker = single.submit(slow, "first", 0.1)
queued = single.submit(slow, "second", 0.0)
print(queued.cancel(), queued.cancelled(), blocker.result())
try:
    queued.result()
except concurrent.futures.CancelledError:
    print("CancelledError")
single.shutdown()
try:
    single.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    concurrent.futures.Future().result(timeout=0.01)
except concurrent.futures.TimeoutError:
    print("TimeoutError")
