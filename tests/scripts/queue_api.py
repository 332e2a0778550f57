# queue API: Queue, LifoQueue, PriorityQueue, SimpleQueue; maxsize, block and
# timeout semantics, Empty/Full, task_done/join, errors and class names.
import queue
import threading


def attempt(label, fn, *args, **kwargs):
    try:
        print(label, "->", repr(fn(*args, **kwargs)))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", repr(e))


print(sorted(queue.__all__))
print(queue.Empty, queue.Full, queue.SimpleQueue, queue.Queue, queue.LifoQueue, queue.PriorityQueue)
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception), repr(queue.Empty()), repr(queue.Full()))
print(issubclass(queue.LifoQueue, queue.Queue), issubclass(queue.PriorityQueue, queue.Queue),
      issubclass(queue.SimpleQueue, queue.Queue))

# Queue defaults and bookkeeping.
q = queue.Queue()
print(q.maxsize, q.qsize(), q.empty(), q.full(), q.unfinished_tasks)
print(q.put(1), q.put(2, True), q.put(3, block=False), q.put_nowait(4), q.put(5, timeout=0.01))
print(q.qsize(), q.empty(), q.full(), q.unfinished_tasks, list(q.queue))
print(q.get(), q.get(True), q.get(block=False), q.get_nowait(), q.get(timeout=0.01))
print(q.qsize(), q.empty(), q.unfinished_tasks)
attempt("get_nowait empty", q.get_nowait)
attempt("get(False) empty", q.get, False)
attempt("get(timeout=0.01) empty", q.get, timeout=0.01)
attempt("get(timeout=0) empty", q.get, timeout=0)
attempt("get(timeout=-1)", q.get, timeout=-1)
attempt("get(False, timeout=-1) empty", q.get, False, -1)
q.put("x")
attempt("get(False, timeout=-1) nonempty", q.get, False, -1)

# Bounded queues.
b = queue.Queue(maxsize=2)
print(b.maxsize, b.put("a"), b.full(), b.put("b"), b.full(), b.qsize())
attempt("put_nowait full", b.put_nowait, "c")
attempt("put(block=False) full", b.put, "c", block=False)
attempt("put(timeout=0.01) full", b.put, "c", timeout=0.01)
attempt("put(timeout=0) full", b.put, "c", timeout=0)
attempt("put(timeout=-1) full", b.put, "c", timeout=-1)
print(b.get(), b.full())
attempt("put(timeout=-1) not full", b.put, "c", timeout=-1)
print(list(b.queue), b.unfinished_tasks, b.queue, type(b.queue).__name__, len(b.queue))
print(queue.Queue(0).full(), queue.Queue(-5).full(), queue.Queue(-5).maxsize)
unbounded = queue.Queue(maxsize=-1)
for i in range(100):
    unbounded.put(i)
print(unbounded.full(), unbounded.qsize())
attempt("unbounded put(timeout=-1)", unbounded.put, 0, timeout=-1)

# task_done and join.
t = queue.Queue()
attempt("task_done on new queue", t.task_done)
t.put(1)
t.put(2)
print(t.get(), t.task_done(), t.unfinished_tasks)
print(t.get(), t.task_done(), t.unfinished_tasks, t.join())
attempt("task_done too many", t.task_done)
print(t.unfinished_tasks)

# join waits for task_done from a worker; a blocked get wakes on put.
work = queue.Queue()
done = []


def consumer():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            return
        done.append(item * 10)
        work.task_done()


c = threading.Thread(target=consumer)
c.start()
for i in range(5):
    work.put(i)
work.join()
print(done, work.unfinished_tasks)
work.put(None)
c.join()

# A put blocked on a full queue wakes when a get makes room.
full = queue.Queue(1)
full.put("first")
order = []


def producer():
    full.put("second")
    order.append("put returned")


p = threading.Thread(target=producer)
p.start()
p.join(0.05)
order.append("main gets " + full.get())
p.join()
print(order, full.get(), full.empty())

# LIFO and priority order.
lq = queue.LifoQueue()
for v in "abc":
    lq.put(v)
print(lq.queue, lq.qsize(), lq.get(), lq.get_nowait(), lq.get(timeout=0.01))
attempt("lifo get_nowait empty", lq.get_nowait)
lb = queue.LifoQueue(maxsize=1)
lb.put(1)
attempt("lifo put_nowait full", lb.put_nowait, 2)

pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "A"), (5, "e"), (0, "z")]:
    pq.put(item)
print(pq.qsize(), [pq.get() for _ in range(6)])
for v in [5, 3, 8, 1, 9, 2, 7, 4, 6, 0]:
    pq.put(v)
print([pq.get_nowait() for _ in range(10)], pq.empty())
attempt("priority get empty", pq.get, block=False)
pq.put(1)
attempt("priority put incomparable", pq.put, "x")
print(pq.qsize())

# SimpleQueue: unbounded, no task tracking.
sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize(), sq.put(1), sq.put(2, block=False), sq.put(3, timeout=-1), sq.put_nowait(4))
print(sq.qsize(), sq.empty(), sq.get(), sq.get(False), sq.get_nowait(), sq.get(timeout=0.01))
attempt("simple get_nowait empty", sq.get_nowait)
attempt("simple get(block=False) empty", sq.get, block=False)
attempt("simple get(timeout=0.01) empty", sq.get, timeout=0.01)
attempt("simple get(timeout=-1)", sq.get, timeout=-1)
attempt("simple get(False, -1)", sq.get, False, -1)
print(hasattr(sq, "task_done"), hasattr(sq, "join"), hasattr(sq, "full"), hasattr(sq, "maxsize"))

got = []


def simple_getter():
    got.append(sq.get())


g = threading.Thread(target=simple_getter)
g.start()
sq.put("wakes")
g.join()
print(got)
