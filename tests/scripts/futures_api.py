# concurrent.futures API (threads): Future states and errors, callbacks,
# ThreadPoolExecutor arguments, map, shutdown, initializers, wait() and
# as_completed(). Reprs are shown without addresses; stderr (logged callback
# and initializer errors) is checked by .expected_err.
import os
import threading
import concurrent.futures
from concurrent.futures import (Future, ThreadPoolExecutor, wait, as_completed, FIRST_COMPLETED,
                                FIRST_EXCEPTION, ALL_COMPLETED, CancelledError, InvalidStateError)
from concurrent.futures.thread import BrokenThreadPool


def attempt(label, fn, *args, **kwargs):
    try:
        print(label, "->", repr(fn(*args, **kwargs)))
    except BaseException as e:
        print(label, "->", type(e).__name__ + ":", str(e).split(" at 0x")[0])


def state(f):
    # "<Future at 0x... state=...>" without the address.
    return repr(f).split(" ", 3)[3]


print(sorted(concurrent.futures.__all__))
print(concurrent.futures.TimeoutError is TimeoutError, CancelledError.__mro__)
print(InvalidStateError.__mro__, BrokenThreadPool.__mro__)
print(Future, ThreadPoolExecutor, concurrent.futures.Executor, concurrent.futures.ProcessPoolExecutor)
print(FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)

# A future's life, by hand.
f = Future()
print(repr(f).split(" at 0x")[0], state(f), f.running(), f.done(), f.cancelled())
attempt("result(timeout=0)", f.result, timeout=0)
attempt("result(0.01)", f.result, 0.01)
attempt("exception(timeout=0)", f.exception, timeout=0)
try:
    f.result(timeout=0)
except TimeoutError as e:
    print("builtin TimeoutError caught:", type(e) is TimeoutError, repr(e))
print(f.set_running_or_notify_cancel(), state(f), f.running(), f.done(), f.cancel())
attempt("set_running_or_notify_cancel again", f.set_running_or_notify_cancel)
print(f.set_result(42), state(f), f.result(), f.exception(), f.result(timeout=0), f.done(), f.running())
attempt("set_result again", f.set_result, 1)
attempt("set_exception after result", f.set_exception, ValueError())
print(f.cancel(), f.cancelled())

g = Future()
g.set_exception(ValueError("bad value"))
print(state(g), repr(g.exception()), g.done())
attempt("result of failed", g.result)
attempt("set_result after exception", g.set_result, 1)
none_result = Future()
none_result.set_result(None)
print(state(none_result))

c = Future()
print(c.cancel(), c.cancelled(), c.done(), c.running(), state(c), c.cancel())
attempt("result of cancelled", c.result)
attempt("exception of cancelled", c.exception, 0)
attempt("set_result on cancelled", c.set_result, 1)
print(c.set_running_or_notify_cancel(), state(c), c.cancelled())
attempt("set_running after notify", c.set_running_or_notify_cancel)
attempt("set_exception on cancelled", c.set_exception, KeyError())

# Callbacks: in order, at once when already done; errors are logged.
calls = []
cb = Future()
cb.add_done_callback(lambda fut: calls.append(("first", fut.result())))


def failing_callback(fut):
    raise RuntimeError("callback failed")


cb.add_done_callback(failing_callback)
cb.add_done_callback(lambda fut: calls.append(("third", fut is cb)))
print(calls)
cb.set_result(7)
print(calls)
cb.add_done_callback(lambda fut: calls.append(("late", fut.done())))
cb.add_done_callback(failing_callback)
print(calls)
cancelled_cb = Future()
cancelled_cb.add_done_callback(lambda fut: calls.append(("cancelled", fut.cancelled())))
cancelled_cb.cancel()
print(calls[-1])

# ThreadPoolExecutor arguments.
attempt("max_workers=0", ThreadPoolExecutor, max_workers=0)
attempt("max_workers=-1", ThreadPoolExecutor, -1)
attempt("initializer not callable", ThreadPoolExecutor, 2, initializer=5)
default = ThreadPoolExecutor()
print(default._max_workers == min(32, (os.cpu_count() or 1) + 4), default._thread_name_prefix)
default.shutdown()


def thread_info():
    me = threading.current_thread()
    return me.name, me.daemon


with ThreadPoolExecutor(max_workers=1) as pool:
    print(pool.submit(thread_info).result(), pool._thread_name_prefix)
with ThreadPoolExecutor(1, "pfx") as pool:
    print(pool.submit(thread_info).result())
with ThreadPoolExecutor(max_workers=2, thread_name_prefix="named") as pool:
    print(pool.submit(dict, fn=1, a=2).result(), pool.submit(pow, 2, 10).result())
    print(pool.submit(sorted, [3, 1, 2], reverse=True).result())
    attempt("submit without fn", pool.submit)

# map: results in order, several iterables, timeouts, errors.
gate = threading.Event()


def gated(x):
    gate.wait(5)
    return x * 2


def tenth_of(x):
    return 10 // x


with ThreadPoolExecutor(4) as pool:
    print(list(pool.map(gated, [3, 1, 2], chunksize=2)) if gate.set() is None else None)
    print(list(pool.map(pow, [2, 3, 4], [5, 2])), list(pool.map(abs, [])))
    results = pool.map(tenth_of, [1, 2, 0, 5])
    got = []
    try:
        for r in results:
            got.append(r)
    except ZeroDivisionError as e:
        got.append("ZeroDivisionError: " + str(e))
    print(got)

gate.clear()
single = ThreadPoolExecutor(1)
blocker = single.submit(gate.wait, 5)
it = single.map(abs, [-1, -2], timeout=0.01)
attempt("map timeout", next, it)
gate.set()
print(blocker.result())
single.shutdown()
attempt("submit after shutdown", single.submit, abs, 1)
print(single.shutdown(), single.shutdown(wait=False))

# shutdown(cancel_futures=True) cancels what has not started.
gate.clear()
started = threading.Event()


def running_task():
    started.set()
    gate.wait(5)
    return "ran"


pool = ThreadPoolExecutor(1)
first = pool.submit(running_task)
started.wait()
queued = [pool.submit(abs, -i) for i in range(3)]
pool.shutdown(wait=False, cancel_futures=True)
print([q.cancelled() for q in queued], first.running(), first.cancel())
gate.set()
pool.shutdown()
print(first.result(), state(first), [state(q) for q in queued])
attempt("submit after cancel shutdown", pool.submit, abs, 1)

# Without cancel_futures, queued work still runs.
gate.clear()
started.clear()
pool = ThreadPoolExecutor(1)
first = pool.submit(running_task)
started.wait()
queued = [pool.submit(abs, -i) for i in range(3)]
pool.shutdown(wait=False)
gate.set()
print([q.result() for q in queued], first.result())
pool.shutdown(wait=True)

# Cancelling a queued future stops it from running.
gate.clear()
started.clear()
pool = ThreadPoolExecutor(1)
first = pool.submit(running_task)
started.wait()
ran = []
second = pool.submit(ran.append, "should not run")
print(second.cancel(), second.cancelled(), first.cancel())
gate.set()
pool.shutdown()
print(ran, first.result())

# Initializers.
local = threading.local()


def init(tag, n):
    local.tag = tag * n


with ThreadPoolExecutor(2, initializer=init, initargs=("ab", 2)) as pool:
    print(pool.submit(lambda: local.tag).result())


def bad_init():
    raise OSError("init failed")


broken = ThreadPoolExecutor(1, initializer=bad_init)
doomed = broken.submit(abs, -1)
exc = doomed.exception(5)
print(type(exc).__name__, exc, isinstance(exc, concurrent.futures.BrokenExecutor))
attempt("submit to broken", broken.submit, abs, 1)
broken.shutdown()

# wait()
done_f = Future()
done_f.set_result("done")
failed_f = Future()
failed_f.set_exception(KeyError("k"))
pending_f = Future()
cancelled_f = Future()
cancelled_f.cancel()
cancelled_f.set_running_or_notify_cancel()
r = wait([])
print(type(r).__name__, r, r.done, r.not_done, len(r), isinstance(r, tuple), r._fields)
r = wait([done_f, pending_f], return_when=FIRST_COMPLETED)
print(r.done == {done_f}, r.not_done == {pending_f}, r[0] is r.done)
done, not_done = wait([done_f, pending_f], timeout=0.01)
print(done == {done_f}, not_done == {pending_f})
r = wait([done_f, failed_f, pending_f], return_when=FIRST_EXCEPTION)
print(r.done == {done_f, failed_f}, r.not_done == {pending_f})
r = wait([done_f, pending_f], timeout=0.01, return_when=FIRST_EXCEPTION)
print(r.done == {done_f}, r.not_done == {pending_f})
r = wait([done_f, failed_f, cancelled_f, done_f], return_when=ALL_COMPLETED)
print(len(r.done), r.not_done)
print(len(wait([done_f, failed_f], return_when="bogus").done))
attempt("wait bogus return_when", wait, [pending_f], return_when="bogus")
attempt("wait(timeout=0)", lambda: len(wait([pending_f], 0).not_done))

# wait() wakes when another thread finishes a future.
waiting_done = []
a = Future()
b = Future()
ready = threading.Event()


def completer():
    ready.wait(5)
    b.set_result("b")


t = threading.Thread(target=completer)
t.start()
ready.set()
r = wait([a, b], timeout=5, return_when=FIRST_COMPLETED)
t.join()
print(r.done == {b}, r.not_done == {a})
a.set_exception(ValueError("a failed"))
r = wait([a, b, pending_f], timeout=5, return_when=FIRST_EXCEPTION)
print(r.done == {a, b}, r.not_done == {pending_f})

# as_completed(): done ones first, then in finishing order, each once.
fs = [Future() for _ in range(4)]
names = {id(x): "f%d" % i for i, x in enumerate(fs)}
fs[2].set_result(2)
order = ["f3", "f0", "f1"]
step = threading.Semaphore(0)


def finish_in_order():
    for name in order:
        step.acquire()
        fut = fs[int(name[1])]
        if name == "f1":
            fut.cancel()
            fut.set_running_or_notify_cancel()
        else:
            fut.set_result(name)


t = threading.Thread(target=finish_in_order)
t.start()
seen = []
for fut in as_completed(fs + [fs[2]], timeout=5):
    seen.append(names[id(fut)])
    step.release()
t.join()
print(seen)

late = Future()
gen = as_completed([done_f, late, pending_f], timeout=0.01)
print(names.get(id(next(gen)), "done_f"))
attempt("as_completed timeout", next, gen)
attempt("as_completed timeout=0 pending", lambda: list(as_completed([late], timeout=0)))
print(len(list(as_completed([done_f, failed_f], timeout=0))), list(as_completed([])))

# Futures from a pool with as_completed.
with ThreadPoolExecutor(3) as pool:
    futures = [pool.submit(pow, 2, i) for i in range(6)]
    print(sorted(f.result() for f in as_completed(futures)))
    r = wait(futures)
    print(len(r.done), len(r.not_done))
print("end")
