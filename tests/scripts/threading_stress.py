# Many threads hammering the synchronisation primitives at once, with the
# switch interval changed while they run. The output is deterministic; the
# point is that the run is clean (and that the ThreadSanitizer build sees no
# data race in the GIL, the locks or the queue).
import queue
import sys
import threading

sys.setswitchinterval(1e-5)

# Counters under a Lock and an RLock.
lock = threading.Lock()
rlock = threading.RLock()
totals = {"lock": 0, "rlock": 0}


def bump(n):
    for _ in range(n):
        with lock:
            totals["lock"] += 1
        with rlock:
            with rlock:
                totals["rlock"] += 1


workers = [threading.Thread(target=bump, args=(2000,)) for _ in range(6)]
for w in workers:
    w.start()


# A thread that keeps changing the switch interval while the others run.
def fiddle():
    for i in range(200):
        sys.setswitchinterval((1 + i % 7) * 1e-5)


fiddler = threading.Thread(target=fiddle)
fiddler.start()
for w in workers:
    w.join()
fiddler.join()
print("lock", totals["lock"], "rlock", totals["rlock"])

# Producers and consumers over a bounded queue.
q = queue.Queue(maxsize=8)
consumed = []
consumed_lock = threading.Lock()


def produce(base):
    for i in range(500):
        q.put(base + i)


def consume():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        with consumed_lock:
            consumed.append(item)
        q.task_done()


producers = [threading.Thread(target=produce, args=(k * 1000,)) for k in range(4)]
consumers = [threading.Thread(target=consume) for _ in range(3)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(None)
q.join()
for t in consumers:
    t.join()
print("consumed", len(consumed), sum(consumed), sorted(consumed) == sorted(k * 1000 + i for k in range(4) for i in range(500)))

# A Condition-guarded hand-off chain: each thread waits for its turn.
cond = threading.Condition()
turn = [0]
order = []


def take_turn(me, rounds, count):
    for r in range(rounds):
        with cond:
            cond.wait_for(lambda: turn[0] % count == me)
            order.append((r, me))
            turn[0] += 1
            cond.notify_all()


ring = [threading.Thread(target=take_turn, args=(i, 50, 4)) for i in range(4)]
for t in ring:
    t.start()
for t in ring:
    t.join()
print("turns", len(order), order == [(r, i) for r in range(50) for i in range(4)])

# Events and a barrier, many times over.
barrier = threading.Barrier(5)
passes = []


def through(k):
    for i in range(30):
        index = barrier.wait()
        if index == 0:
            passes.append(i)


party = [threading.Thread(target=through, args=(k,)) for k in range(5)]
for t in party:
    t.start()
for t in party:
    t.join()
print("barrier rounds", passes == list(range(30)))
print("threads left", threading.active_count())
