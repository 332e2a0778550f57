# Cross-process locks and shared memory: Lock, RLock, Semaphore, Event,
# Condition, Barrier, Value and Array.
import multiprocessing as mp
import time


def add(total, n):
    for _ in range(n):
        with total.get_lock():
            total.value += 1


def fill(arr, chars, text, f):
    for i in range(len(arr)):
        arr[i] = arr[i] * 10 + i
    chars.value = b"child"
    text[0] = "Z"
    f.value = 2.5


def hold(lock, started, release):
    with lock:
        started.set()
        release.wait(10)


def waiter(cond, flag, out):
    with cond:
        cond.wait_for(lambda: flag.value == 1, timeout=10)
        out.put("woken")


def barrier_party(barrier, out):
    out.put(barrier.wait(10) >= 0)


def sem_user(sem, counter, peak, lock):
    with sem:
        with lock:
            counter.value += 1
            peak.value = max(peak.value, counter.value)
        time.sleep(0.05)
        with lock:
            counter.value -= 1


def main():
    lock = mp.Lock()
    print("acquire:", lock.acquire(), "again:", lock.acquire(False), lock.acquire(timeout=0.02))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print("ValueError:", e)

    rlock = mp.RLock()
    print("rlock:", rlock.acquire(), rlock.acquire(), rlock.acquire(timeout=0))
    rlock.release(); rlock.release(); rlock.release()
    try:
        rlock.release()
    except AssertionError as e:
        print("AssertionError:", e)

    sem = mp.Semaphore(2)
    print("sem:", sem.get_value(), sem.acquire(), sem.acquire(), sem.acquire(False), sem.get_value())
    sem.release(); sem.release()
    bsem = mp.BoundedSemaphore(1)
    try:
        bsem.release()
    except ValueError as e:
        print("ValueError:", e)

    started, release = mp.Event(), mp.Event()
    p = mp.Process(target=hold, args=(lock, started, release))
    p.start()
    print("child holds:", started.wait(10), "parent gets:", lock.acquire(timeout=0.05))
    release.set()
    print("after release:", lock.acquire(timeout=10))
    lock.release()
    p.join(10)
    print("event:", release.is_set(), release.wait(0))
    release.clear()
    print("cleared:", release.is_set(), release.wait(0.01))

    total = mp.Value("i", 0)
    procs = [mp.Process(target=add, args=(total, 500)) for _ in range(4)]
    for q in procs:
        q.start()
    for q in procs:
        q.join(20)
    print("value:", total.value)

    arr = mp.Array("i", [1, 2, 3, 4])
    chars = mp.Array("c", b"parent")
    text = mp.Array("u", "abc")
    f = mp.Value("d", 0.0)
    p = mp.Process(target=fill, args=(arr, chars, text, f))
    p.start()
    p.join(10)
    print("array:", arr[:], arr[1:3], arr[-1], len(arr), list(arr))
    print("chars:", chars.value, chars.raw, text[:], f.value)
    raw = mp.Array("d", 3, lock=False)
    raw[:] = [0.5, 1.5, 2.5]
    print("raw:", raw[:], sum(raw))
    v = mp.Value("b", -5, lock=False)
    print("raw value:", v.value)
    for code, value in [("B", 255), ("h", -300), ("H", 65535), ("I", 2 ** 32 - 1), ("l", -2 ** 63),
                        ("L", 2 ** 64 - 1), ("q", 2 ** 62), ("Q", 2 ** 63), ("f", 0.25), ("c", b"q"), ("u", "\u00e9")]:
        print("typecode", code, mp.Value(code, value).value)
    try:
        arr[4] = 1
    except IndexError as e:
        print("IndexError:", e)
    try:
        arr[:2] = [1]
    except ValueError as e:
        print("ValueError:", e)

    cond = mp.Condition()
    flag = mp.Value("i", 0)
    out = mp.Queue()
    p = mp.Process(target=waiter, args=(cond, flag, out))
    p.start()
    time.sleep(0.1)
    with cond:
        flag.value = 1
        cond.notify_all()
    print("condition:", out.get(timeout=10))
    p.join(10)

    barrier = mp.Barrier(3)
    procs = [mp.Process(target=barrier_party, args=(barrier, out)) for _ in range(2)]
    for q in procs:
        q.start()
    print("barrier parent index ok:", barrier.wait(10) in (0, 1, 2))
    print("barrier children:", sorted(out.get(timeout=10) for _ in range(2)))
    for q in procs:
        q.join(10)
    print("parties:", barrier.parties, "broken:", barrier.broken)

    sem = mp.Semaphore(2)
    counter, peak, guard = mp.Value("i", 0), mp.Value("i", 0), mp.Lock()
    procs = [mp.Process(target=sem_user, args=(sem, counter, peak, guard)) for _ in range(5)]
    for q in procs:
        q.start()
    for q in procs:
        q.join(20)
    print("semaphore peak <= 2:", 1 <= peak.value <= 2, "counter:", counter.value)

    import pickle
    for obj in (lock, total, mp.Queue()):
        try:
            pickle.dumps(obj)
        except RuntimeError as e:
            print("RuntimeError:", e)


if __name__ == "__main__":
    main()
