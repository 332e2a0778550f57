# threading API: Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event
# (names, defaults, return values, reprs without addresses, error messages).
import threading
import _thread


def attempt(label, fn, *args, **kwargs):
    try:
        print(label, "->", repr(fn(*args, **kwargs)))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


def head(obj):
    # A repr up to its address, which differs from run to run.
    return repr(obj).split(" at 0x")[0]


def tail(obj):
    # What a repr shows after its address.
    return repr(obj).split(": ")[-1]


# Lock
print(threading.Lock is _thread.allocate_lock, threading.ThreadError is RuntimeError)
print(type(threading.Lock()), _thread.LockType is type(threading.Lock()))
lock = threading.Lock()
print(head(lock), lock.locked())
print(lock.acquire(), lock.locked(), head(lock))
print(lock.acquire(False), lock.acquire(blocking=False), lock.acquire(True, 0.01), lock.acquire(timeout=0))
attempt("acquire(False, 1)", lock.acquire, False, 1)
attempt("acquire(timeout=-2)", lock.acquire, timeout=-2)
attempt("acquire(blocking=False, timeout=-1)", lock.acquire, blocking=False, timeout=-1)
print(lock.release(), lock.locked())
attempt("release unlocked", lock.release)
with lock as got:
    print("with lock as", got, lock.locked())
print(lock.locked())
print(lock.acquire_lock(), lock.locked_lock(), lock.release_lock(), lock.locked())
try:
    with lock:
        raise KeyError("inside")
except KeyError as e:
    print("KeyError", e, lock.locked())

# A plain lock may be released by another thread.
lock.acquire()
releaser = threading.Thread(target=lock.release)
releaser.start()
releaser.join()
print("released by another thread:", not lock.locked())

# RLock
print(type(threading.RLock).__name__, type(threading.RLock()), threading._CRLock is type(threading.RLock()), type(threading.RLock()).__name__)
r = threading.RLock()
print(head(r))
print(r.acquire(), r.acquire(), r.acquire(False), r.acquire(timeout=0.01))
print(head(r).split(" owner=")[0], head(r).split(" count=")[1], r._is_owned())
attempt("rlock acquire(False, 1)", r.acquire, False, 1)
for _ in range(4):
    r.release()
print(head(r), r._is_owned())
attempt("rlock release unowned", r.release)
attempt("rlock _release_save unowned", r._release_save)
with r as got:
    print("with rlock as", got)
    with r:
        print(head(r).split(" count=")[1])


def release_foreign():
    try:
        r.release()
    except RuntimeError as e:
        print("foreign release:", e)
    print("foreign acquire:", r.acquire(False))


r.acquire()
t = threading.Thread(target=release_foreign)
t.start()
t.join()
state = r._release_save()
print("release_save count", state[0], head(r).split(" owner=")[0])
r._acquire_restore(state)
print(head(r).split(" count=")[1], r._is_owned())
r.release()
py = threading._PyRLock()
print(type(py), py.acquire(), py.acquire(), head(py).split(" owner=")[0], head(py).split(" count=")[1])
py.release()
py.release()
print(head(py))
attempt("_PyRLock release unowned", py.release)

# Condition
print(head(threading.Condition()))
print(head(threading.Condition(threading.Lock())))
cond = threading.Condition()
attempt("wait un-acquired", cond.wait)
attempt("wait un-acquired with timeout", cond.wait, 0.01)
attempt("notify un-acquired", cond.notify)
attempt("notify_all un-acquired", cond.notify_all)
with cond as got:
    print("with cond as", got)
    print(cond.wait(0), cond.wait(0.01), cond.wait(timeout=-1))
    print(cond.wait_for(lambda: 0, 0.01), cond.wait_for(lambda: [], timeout=0), cond.wait_for(lambda: "ready"))
    print(cond.notify(), cond.notify(5), cond.notify_all())
print(cond.acquire(), cond.acquire(False), cond.release(), cond.release())

# Condition on a plain Lock uses the acquire/release fallback.
plain = threading.Condition(threading.Lock())
attempt("plain wait un-acquired", plain.wait, 0)
with plain:
    print("plain wait", plain.wait(0.01), plain._lock.locked())

# A waiter on an RLock taken twice releases it completely while it waits.
rc = threading.Condition(threading.RLock())
waiting = threading.Event()
woken = []


def waiter():
    with rc:
        with rc:
            waiting.set()
            woken.append(rc.wait(5))
            woken.append(head(rc._lock).split(" count=")[1])


wt = threading.Thread(target=waiter)
wt.start()
waiting.wait()
with rc:
    rc.notify()
wt.join()
print("rlock condition", woken)

# notify(n) wakes exactly n waiters.
nc = threading.Condition()
ready = threading.Semaphore(0)
counts = {"woken": 0}


def sleeper():
    with nc:
        ready.release()
        if nc.wait(5):
            counts["woken"] += 1


sleepers = [threading.Thread(target=sleeper) for _ in range(3)]
for s in sleepers:
    s.start()
for _ in sleepers:
    ready.acquire()
with nc:
    print("waiters", len(nc._waiters))
    nc.notify(2)
    print("after notify(2)", len(nc._waiters))
with nc:
    nc.notify_all()
for s in sleepers:
    s.join()
print("woken", counts["woken"])

# Semaphore
attempt("Semaphore(-1)", threading.Semaphore, -1)
s = threading.Semaphore()
print(head(s), s.acquire(), tail(s), s.acquire(False), s.acquire(timeout=0.01), s.acquire(True, 0))
attempt("semaphore acquire(False, 1)", s.acquire, False, 1)
attempt("semaphore release(0)", s.release, 0)
print(s.release(3), tail(s), s._value)
with s as got:
    print("with semaphore as", got, s._value)
print(s._value)
print(threading.Semaphore(0).acquire(timeout=0), threading.Semaphore(value=2)._value)

b = threading.BoundedSemaphore(2)
print(head(b), isinstance(b, threading.Semaphore), b.acquire(), tail(b))
attempt("bounded release(2)", b.release, 2)
print(b.release(), b._value)
attempt("bounded release too many", b.release)
attempt("bounded release(0)", b.release, 0)
attempt("BoundedSemaphore(-1)", threading.BoundedSemaphore, -1)
print(head(threading.BoundedSemaphore()), tail(threading.BoundedSemaphore(3)))

# Event
e = threading.Event()
print(head(e), tail(e), e.is_set(), e.wait(0), e.wait(0.01), e.wait(timeout=-1))
print(e.set(), tail(e), e.is_set(), e.wait(), e.wait(0))
print(e.clear(), e.is_set(), tail(e))
gate = threading.Event()
got = []


def event_waiter():
    got.append(gate.wait(5))


ewaiters = [threading.Thread(target=event_waiter) for _ in range(3)]
for w in ewaiters:
    w.start()
gate.set()
for w in ewaiters:
    w.join()
print("event waiters", got)
print(threading.Event().isSet())

# Argument errors of the C-level lock functions.
attempt("acquire(timeout=None)", threading.Lock().acquire, timeout=None)
attempt("acquire(timeout='x')", threading.Lock().acquire, timeout="x")
attempt("acquire(timeout=1e10)", threading.Lock().acquire, timeout=1e10)
attempt("acquire(timeout=TIMEOUT_MAX)", threading.Lock().acquire, timeout=threading.TIMEOUT_MAX)
attempt("allocate_lock(1)", _thread.allocate_lock, 1)
attempt("LockType()", _thread.LockType)
attempt("get_ident(1)", threading.get_ident, 1)
attempt("get_native_id(1)", threading.get_native_id, 1)
