# queue: FIFO/LIFO/priority order, bounds, timeouts, task tracking, threads.
import queue
import threading

q = queue.Queue()
for i in range(5):
    q.put(i)
print(q.qsize(), q.empty(), [q.get() for _ in range(5)], q.empty())
lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for v in [5, 1, 4, 2, 3]:
    lq.put(v)
    pq.put((v, "item%d" % v))
print([lq.get() for _ in range(5)], [pq.get()[1] for _ in range(5)])
bounded = queue.Queue(maxsize=2)
bounded.put("a")
bounded.put_nowait("b")
print(bounded.full())
try:
    bounded.put("c", timeout=0.01)
except queue.Full:
    print("Full")
try:
    queue.Queue().get_nowait()
except queue.Empty:
    print("Empty")
try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")

work = queue.Queue()
results = []
lock = threading.Lock()
def worker():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            break
        with lock:
            results.append(item * item)
        work.task_done()
threads = [threading.Thread(target=worker) for _ in range(3)]
for t in threads:
    t.start()
for i in range(20):
    work.put(i)
work.join()
for _ in threads:
    work.put(None)
for t in threads:
    t.join()
print(sorted(results) == [i * i for i in range(20)], work.unfinished_tasks)
try:
    work.task_done()
except ValueError as e:
    print("ValueError:", e)
sq = queue.SimpleQueue()
sq.put(1)
print(sq.get(), sq.empty())
