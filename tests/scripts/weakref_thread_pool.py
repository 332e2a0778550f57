# A ThreadPoolExecutor dropped without shutdown(): its workers hold it
# weakly, so once it is collected they are woken and end (as in CPython).
# gilvm scans native stacks conservatively, so the executor may survive a
# collection or two: the script collects until its weak reference's
# callback says it died, after which the workers are certain to end. (It
# never calls the reference: the strong reference that returns would sit
# in a native stack slot through the next collection.)
import gc
import threading
import weakref
from concurrent.futures import ThreadPoolExecutor

died = []


def start_pool():
    ex = ThreadPoolExecutor(max_workers=3)
    futures = [ex.submit(pow, 2, i) for i in range(10)]
    print([f.result() for f in futures])
    return weakref.ref(ex, lambda ref: died.append(True)), list(ex._threads)


executor_ref, workers = start_pool()
print(len(workers) >= 1)
for attempt in range(20):
    gc.collect()
    if died:
        break
print("executor collected:", bool(died))
for t in workers:
    t.join(timeout=60)
print("workers ended:", not any(t.is_alive() for t in workers), threading.active_count())
