# multiprocessing.pool.ThreadPool (Pool's API on threads) and
# multiprocessing.dummy.
import threading
import multiprocessing.dummy as dummy
from multiprocessing.pool import ThreadPool, Pool
from multiprocessing import TimeoutError


def square(x):
    return x * x


def add(a, b):
    return a + b


def fail(x):
    raise ValueError("bad item %r" % (x,))


seen = []
lock = threading.Lock()


def record(x):
    with lock:
        seen.append(x)
    return x


def init(tag):
    threading.current_thread().tag = tag


def tagged(_):
    return getattr(threading.current_thread(), "tag", None)


with ThreadPool(3) as pool:
    print(repr(pool), isinstance(pool, Pool))
    print(pool.map(square, range(10)), pool.map(square, range(10), chunksize=3), pool.map(square, []))
    print(list(pool.imap(square, range(6))), sorted(pool.imap_unordered(square, range(6), chunksize=2)))
    print(pool.starmap(add, [(1, 2), (3, 4)]), pool.apply(add, (5, 6)), pool.apply(add, (), {"a": 1, "b": 2}))
    results = []
    r = pool.apply_async(square, (7,), callback=results.append)
    print(r.get(timeout=5), r.ready(), r.successful(), results)
    m = pool.map_async(square, [1, 2, 3], callback=results.append)
    m.wait()
    print(m.get(), results)
    errors = []
    e = pool.apply_async(fail, (1,), error_callback=errors.append)
    try:
        e.get()
    except ValueError as exc:
        print("ValueError", exc, exc is errors[0], exc.__cause__, e.successful())
    try:
        pool.map(fail, [1, 2], chunksize=2)
    except ValueError as exc:
        print("ValueError", exc)
    s = pool.starmap_async(add, [(1, 1), (2, 2)])
    print(s.get())
    # Objects are shared, not copied: the workers see this very list.
    shared = []
    pool.map(shared.append, range(5))
    print(sorted(shared))
    ev = threading.Event()
    slow = pool.apply_async(ev.wait)
    try:
        slow.get(timeout=0.01)
    except TimeoutError:
        print("TimeoutError", slow.ready())
    ev.set()
    print(slow.get())
print(repr(pool))

pool = ThreadPool(2, initializer=init, initargs=("t",))
print(pool.map(tagged, range(4)))
pool.close()
try:
    pool.map(square, [1])
except ValueError as exc:
    print("ValueError", exc)
pool.join()
print(repr(pool))
pool = ThreadPool(processes=2)
try:
    pool.join()
except ValueError as exc:
    print("ValueError", exc)
pool.terminate()
pool.join()
try:
    ThreadPool(0)
except ValueError as exc:
    print("ValueError", exc)
try:
    ThreadPool(1, initializer=3)
except TypeError as exc:
    print("TypeError", exc)

# multiprocessing.dummy
with dummy.Pool(2) as p:
    print(type(p).__name__, p.map(square, [4, 5]))
q = dummy.Queue()
procs = [dummy.Process(target=q.put, args=(i,)) for i in range(3)]
print([p.exitcode for p in procs])
for p in procs:
    p.start()
for p in procs:
    p.join()
print(sorted(q.get() for _ in procs), [p.exitcode for p in procs], dummy.active_children())
a, b = dummy.Pipe()
a.send([1, 2])
print(b.recv(), b.poll(), a.poll(0.01))
mgr = dummy.Manager()
print(mgr is dummy, mgr.dict(a=1), mgr.list([1]), mgr.Namespace(x=1, _y=2), mgr.Value("i", 3), mgr.Array("i", [1]))
print(dummy.current_process() is threading.current_thread(), dummy.JoinableQueue is dummy.Queue)
print(sorted(dummy.__all__))
