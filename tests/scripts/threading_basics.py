# threading: threads, joins, locks, conditions, semaphores, events,
# barriers, timers, thread-local data (deterministic outputs only).
import threading
import time

results = []
lock = threading.Lock()

def worker(n, label="w"):
    total = sum(range(n))
    with lock:
        results.append((label, total))

threads = [threading.Thread(target=worker, args=(1000 * i,), kwargs={"label": "t%d" % i}) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), [t.is_alive() for t in threads])
print(threads[0].name.startswith("Thread-"), "(worker)" in threads[0].name, threading.current_thread().name)
print(threading.main_thread() is threading.current_thread(), threading.active_count())

class Counter(threading.Thread):
    def __init__(self):
        super().__init__(name="counter")
        self.value = 0
    def run(self):
        for _ in range(1000):
            self.value += 1
c = Counter()
c.start()
c.join()
print(c.name, c.value, c.daemon, c.ident is not None)
try:
    c.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=print).join()
except RuntimeError as e:
    print("RuntimeError:", e)

rlock = threading.RLock()
with rlock:
    with rlock:
        print("reentrant ok")
try:
    rlock.release()
except RuntimeError as e:
    print("RuntimeError:", e)

cond = threading.Condition()
items = []
def consumer():
    with cond:
        cond.wait_for(lambda: len(items) >= 3)
        items.append("consumed")
ct = threading.Thread(target=consumer)
ct.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify_all()
ct.join()
print(items)

sem = threading.BoundedSemaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
sem.release()
sem.release()
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)

event = threading.Event()
def setter():
    time.sleep(0.05)
    event.set()
threading.Thread(target=setter).start()
print(event.wait(5), event.is_set(), threading.Event().wait(0.01))

order = []
barrier = threading.Barrier(3, action=lambda: order.append("action"))
def arrive(i):
    barrier.wait()
    with lock:
        order.append(i)
ts = [threading.Thread(target=arrive, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(order[0], sorted(order[1:]), barrier.parties, barrier.n_waiting, barrier.broken)

fired = []
timer = threading.Timer(0.02, lambda: fired.append("fired"))
timer.start()
cancelled = threading.Timer(10, lambda: fired.append("never"))
cancelled.start()
cancelled.cancel()
timer.join()
cancelled.join()
print(fired)

data = threading.local()
data.x = "main"
seen = []
def use_local():
    data.x = "thread"
    seen.append(data.x)
lt = threading.Thread(target=use_local)
lt.start()
lt.join()
print(data.x, seen)

def fails():
    raise ValueError("boom in thread")
ft = threading.Thread(target=fails, name="failing")
ft.start()
ft.join()
print("main continues")
