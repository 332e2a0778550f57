# multiprocessing.Manager(): dict, list, Namespace, Queue, Lock, Value and
# the other SyncManager types shared by several worker processes;
# exceptions raised through proxies; proxies pickled into other processes;
# BaseManager.register with a class of our own.
import multiprocessing as mp
import queue
import re
from multiprocessing.managers import BaseManager, SyncManager, BaseProxy, RemoteError


def show(obj):
    return re.sub(r"0x[0-9a-f]+", "0x?", repr(obj))


def worker(n, d, l, ns, q, lock, counter):
    for i in range(20):
        with lock:
            counter.value = counter.value + 1
    d[n] = n * n
    l.append(n)
    with lock:
        ns.total = ns.total + n
    setattr(ns, "w%d" % n, True)
    q.put(("done", n))


def raiser(d, l, q):
    results = []
    for action in (lambda: d["missing"], lambda: l[99], lambda: l.remove(42), lambda: q.get_nowait(),
                   lambda: l.index("nope")):
        try:
            action()
        except Exception as e:
            results.append("%s: %s" % (type(e).__name__, e))
    q.put(results)


def pooled(args):
    d, key = args
    d[key] = key * 10
    return key


class Counter:
    def __init__(self, start=0):
        self.n = start

    def increment(self, by=1):
        self.n += by
        return self.n

    def fail(self):
        raise ValueError("counter says no")

    def _hidden(self):
        return "hidden"


class MyManager(BaseManager):
    pass


MyManager.register("Counter", Counter)


def use_counter(c):
    for _ in range(5):
        c.increment()


if __name__ == "__main__":
    with mp.Manager() as m:
        print(type(m).__name__, isinstance(m, SyncManager))
        d = m.dict()
        l = m.list()
        ns = m.Namespace(total=0)
        q = m.Queue()
        lock = m.Lock()
        counter = m.Value("i", 0)
        print(show(d), show(l), show(ns), show(q), show(lock), show(counter), sep="\n")
        workers = [mp.Process(target=worker, args=(n, d, l, ns, q, lock, counter)) for n in range(1, 5)]
        for p in workers:
            p.start()
        done = sorted(q.get() for _ in workers)
        for p in workers:
            p.join()
        print(done, [p.exitcode for p in workers])
        print(sorted(d.items()), sorted(l), counter.value, ns.total)
        print(ns)
        print(str(counter), str(d) == str(dict(d.items())), len(d), 3 in d, 9 in d)

        # dict and list methods through the proxies
        l.sort()
        print(l, l[1:3], l[-1], len(l), l.count(2), l.index(3), list(reversed(l)))
        l += [7, 8]
        l *= 1
        l.insert(0, 0)
        print(l.pop(), l.pop(0), l[:], l + [9], 2 in l)
        del l[0]
        l[0] = "x"
        print(l, l._getvalue(), type(l._getvalue()).__name__)
        print(sorted(d.keys()), sorted(d.values()), d.get(1), d.get(50, "default"), d.setdefault(5, 25))
        print(sorted(k for k in d), d.pop(5), d.copy() == dict(d.items()))
        d.update({"a": [1, 2]}, b=(3,))
        print(d["a"], d["b"], d.popitem())
        d.clear()
        print(len(d), d._getvalue())

        # exceptions, raised in the server, come back with their type
        p = mp.Process(target=raiser, args=(d, l, q))
        p.start()
        for line in q.get():
            print(line)
        p.join()
        try:
            q.get(timeout=0.01)
        except queue.Empty as e:
            print("queue.Empty", type(e) is queue.Empty)
        try:
            ns.absent
        except AttributeError as e:
            print("AttributeError", e)
        del ns.total
        print(ns)
        try:
            d._callmethod("no_such_method")
        except RemoteError as e:
            print("RemoteError", "is not in exposed" in str(e), str(e).startswith("\n" + "-" * 75))
        try:
            counter.value = 1
            counter._callmethod("set")
        except TypeError as e:
            print("TypeError", e)

        # a proxy inside another shared object, used from another process
        d["inner"] = m.list([1])
        d["inner"].append(2)
        print(show(d["inner"]), d["inner"])
        with mp.Pool(2) as pool:
            print(pool.map(pooled, [(d, k) for k in range(3)]))
        print(sorted((k, v) for k, v in d.items() if k != "inner"))

        # the other synchronization types
        e = m.Event()
        print(show(e), e.is_set(), e.wait(0.01))
        e.set()
        print(e.is_set(), e.wait())
        rl = m.RLock()
        print(rl.acquire(), rl.acquire(), rl.release(), rl.release())
        try:
            rl.release()
        except RuntimeError as err:
            print("RuntimeError", err)
        s = m.Semaphore(2)
        print(s.acquire(), s.acquire(), s.acquire(False), s.release())
        bs = m.BoundedSemaphore(1)
        try:
            bs.release()
        except ValueError as err:
            print("ValueError", err)
        lk = m.Lock()
        print(lk.acquire(), lk.acquire(False), lk.acquire(True, 0.01), lk.release())
        try:
            lk.release()
        except RuntimeError as err:
            print("RuntimeError", err)
        a = m.Array("i", [1, 2, 3])
        a[0] = 10
        print(show(a), len(a), a[0], a[:], str(a))
        cond = m.Condition()
        with cond:
            print(cond.wait(0.01), cond.wait_for(lambda: True))
        jq = m.JoinableQueue()
        jq.put(1)
        print(jq.get(), jq.task_done(), jq.qsize(), jq.empty())
        print(m._process.is_alive())
        try:
            m.start()
        except mp.ProcessError as err:
            print("ProcessError", err)
    print(m._process.exitcode, m._state.value)
    try:
        m.start()
    except mp.ProcessError as err:
        print("ProcessError", err)
    try:
        with m:
            pass
    except mp.ProcessError as err:
        print("ProcessError", err)

    # a manager of our own
    mm = MyManager(address=("127.0.0.1", 0))
    mm.start()
    print(mm.address[0], mm.address[1] > 0)
    c = mm.Counter(10)
    print(show(c), c.increment(), c.increment(by=5))
    workers = [mp.Process(target=use_counter, args=(c,)) for _ in range(3)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    print(c.increment(0), str(c).startswith("<__main__.Counter object at"))
    try:
        c.fail()
    except ValueError as err:
        print("ValueError", err)
    print(hasattr(c, "_hidden"), hasattr(c, "fail"), sorted(c._exposed_))
    mm.shutdown()
    print(mm._process.exitcode)
    try:
        MyManager().start(initializer=5)
    except TypeError as err:
        print("TypeError", err)
    print(BaseProxy.__name__, SyncManager.Queue.__name__)
