# threading API: Barrier (indices, action, timeout, abort, reset, broken
# state, reprs) and Timer (attributes, cancel, args), deterministic output.
import threading


def attempt(label, fn, *args, **kwargs):
    try:
        print(label, "->", repr(fn(*args, **kwargs)))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", repr(e))


def tail(obj):
    return repr(obj).split(": ")[-1]


print(issubclass(threading.BrokenBarrierError, RuntimeError), repr(threading.BrokenBarrierError()))
b = threading.Barrier(3)
print(repr(b).split(" at 0x")[0], tail(b), b.parties, b.n_waiting, b.broken)

# Every party gets a distinct index; the action runs once, before release.
indices = []
actions = []
lock = threading.Lock()


def party(barrier):
    i = barrier.wait()
    with lock:
        indices.append(i)


b = threading.Barrier(3, action=lambda: actions.append(len(indices)))
threads = [threading.Thread(target=party, args=(b,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(indices), actions, b.n_waiting, b.broken, tail(b))

# It can be used again.
indices.clear()
threads = [threading.Thread(target=party, args=(b,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(indices), actions)

# A party of one returns at once.
print(threading.Barrier(1).wait(), threading.Barrier(1, timeout=0.01).wait())

# A timeout breaks the barrier for everyone.
tb = threading.Barrier(2)
attempt("wait(timeout)", tb.wait, 0.01)
print(tb.broken, tail(tb), tb.n_waiting)
attempt("wait on broken", tb.wait)
tb.reset()
print("after reset", tb.broken, tail(tb))

# The default timeout from the constructor.
db = threading.Barrier(2, timeout=0.01)
attempt("default timeout", db.wait)
print(db.broken)

# abort() wakes a waiting party with BrokenBarrierError.
ab = threading.Barrier(2)
outcome = []


def waiting_party():
    try:
        ab.wait()
        outcome.append("passed")
    except threading.BrokenBarrierError as e:
        outcome.append(type(e).__name__)


w = threading.Thread(target=waiting_party)
w.start()
while ab.n_waiting == 0:
    threading.Event().wait(0.001)
print("waiting", ab.n_waiting, tail(ab))
ab.abort()
w.join()
print(outcome, ab.broken, tail(ab), ab.n_waiting)

# reset() while a party waits: it gets BrokenBarrierError, the barrier is usable.
rb = threading.Barrier(2)
outcome = []


def reset_party():
    try:
        rb.wait()
        outcome.append("passed")
    except threading.BrokenBarrierError:
        outcome.append("broken")


w = threading.Thread(target=reset_party)
w.start()
while rb.n_waiting == 0:
    threading.Event().wait(0.001)
rb.reset()
w.join()
print(outcome, rb.broken, rb.n_waiting)
w = threading.Thread(target=reset_party)
w.start()
print("main index", rb.wait(5) in (0, 1))
w.join()
print(outcome)

# An action that raises breaks the barrier; its thread sees the error.
def bad_action():
    raise ValueError("action failed")


eb = threading.Barrier(2, action=bad_action)
outcome = []


def error_party():
    try:
        eb.wait()
    except Exception as e:
        outcome.append(type(e).__name__)


w = threading.Thread(target=error_party)
w.start()
while eb.n_waiting == 0:
    threading.Event().wait(0.001)
try:
    eb.wait()
except ValueError as e:
    outcome.append("main " + str(e))
w.join()
print(sorted(outcome), eb.broken)

# Timer
fired = []
t = threading.Timer(0.01, fired.append, args=["fired"])
print(isinstance(t, threading.Thread), t.interval, t.function == fired.append, t.args, t.kwargs)
print(t.finished.is_set(), t.name.startswith("Thread-"), t.daemon)
t.start()
t.join()
print(fired, t.finished.is_set(), t.is_alive())

t2 = threading.Timer(5, fired.append, kwargs={"object": "never"})
print(t2.args, t2.kwargs)
t2.start()
t2.cancel()
t2.join()
print(fired, t2.finished.is_set())

t3 = threading.Timer(0, fired.append, ("cancelled before start",))
t3.cancel()
t3.start()
t3.join()
print(fired)


def report(*args, **kwargs):
    fired.append((args, sorted(kwargs.items())))


t4 = threading.Timer(0, report, (1, 2), {"k": "v"})
t4.start()
t4.join()
print(fired[-1])
t5 = threading.Timer(interval=0.0, function=report)
t5.start()
t5.join()
print(fired[-1])
