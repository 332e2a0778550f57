# A Lock made before a fork stays shared with the child even after the
# parent drops and collects its copy: new Locks the parent makes afterwards
# must not take over its semaphore (gilvm hands out shared memory in small
# slots and reuses freed ones). Many Locks and Values made in a loop keep
# working and do not each cost the process a memory mapping (every mapping
# makes fork slower).
import gc
import multiprocessing as mp


def child(lock, value, ready, go, report):
    lock.acquire()
    value.value = 7
    ready.set()
    go.wait()
    # The parent has made new Locks and Values meanwhile.
    report.put(lock.acquire(False))


def main():
    lock = mp.Lock()
    value = mp.Value("i", 0, lock=False)
    ready, go, report = mp.Event(), mp.Event(), mp.SimpleQueue()
    p = mp.Process(target=child, args=(lock, value, ready, go, report))
    p.start()
    ready.wait()
    print("child holds the lock:", lock.acquire(False) is False, value.value)
    del lock, value
    gc.collect()
    fresh_locks = [mp.Lock() for _ in range(100)]
    fresh_values = [mp.Value("i", 0, lock=False) for _ in range(100)]
    print("fresh:", all(l.acquire(False) for l in fresh_locks), sum(v.value for v in fresh_values))
    go.set()
    print("child sees:", report.get())
    p.join()
    print("exit:", p.exitcode)

    before = mappings()
    for i in range(2000):
        lk, v = mp.Lock(), mp.Value("i", i)
    print("2000 dropped Locks and Values leave under 100 mappings:", mappings() - before < 100, v.value)
    total = 0
    for i in range(3000):
        lk = mp.RLock()
        v = mp.Value("d", i)
        with lk:
            v.value += 0.5
        total += v.value
    print("loop:", total)
    gc.collect()
    q = mp.Value("q", 1)
    r = mp.Process(target=bump, args=(q,))
    r.start()
    r.join()
    print("after the loop:", q.value, r.exitcode)


def mappings():
    with open("/proc/self/maps") as f:
        return len(f.readlines())


def bump(q):
    with q.get_lock():
        q.value += 41


if __name__ == "__main__":
    main()
