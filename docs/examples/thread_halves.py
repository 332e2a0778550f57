# Three course experiments measured the same way as in ../shared/experiments/
# (cpu_bound.py, primitive_costs.py and executor.py): the CPU-bound
# countdown on one thread, two threads and two processes, then the thread
# halves of the other two. Run: gilvm thread_halves.py  /  python3 thread_halves.py
import threading
import time
from multiprocessing import Process
from concurrent.futures import ThreadPoolExecutor
from timeit import timeit

COUNT = 10_000_000


def countdown(n):
    while n > 0:
        n -= 1


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def halves(kind):
    workers = [kind(target=countdown, args=(COUNT // 2,)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


def local():
    flag = True
    for _ in range(100):
        flag = False
        flag = True


def thread_lock():
    lock = threading.Lock()
    for _ in range(100):
        lock.acquire()
        lock.release()


def nothing():
    pass


def start_threads():
    for _ in range(20):
        t = threading.Thread(target=nothing)
        t.start()
        t.join()


def wait_and_square(n):
    time.sleep(0.2)
    return n * n


if __name__ == "__main__":
    single = min(timed(lambda: countdown(COUNT)) for _ in range(2))
    threads = min(timed(lambda: halves(threading.Thread)) for _ in range(2))
    procs = min(timed(lambda: halves(Process)) for _ in range(2))
    print(f"cpu_bound: one thread {single:.3f} s, two threads {threads:.3f} s (ratio {threads / single:.2f}),"
          f" two processes {procs:.3f} s (ratio {procs / single:.2f})"
          f" -> threads {'no speedup' if threads / single > 0.8 else 'SPEEDUP?'},"
          f" processes {'speedup' if procs / single < 0.8 else 'NO SPEEDUP (are two cores free?)'}")

    n = 2000
    assign = timeit(local, number=n) / (n * 100)
    lock = timeit(thread_lock, number=n) / (n * 100)
    start = timeit(start_threads, number=5) / 100
    print(f"primitive_costs: local assignment {assign * 1e9:.1f} ns, threading.Lock {lock * 1e9:.1f} ns,"
          f" thread start+join {start * 1e6:.1f} us -> {'lock costs more' if assign < lock else 'NOT REPRODUCED'}")

    begin = time.perf_counter()
    with ThreadPoolExecutor(max_workers=8) as ex:
        squares = list(ex.map(wait_and_square, range(8)))
        fut = ex.submit(wait_and_square, 9)
        first = fut.done()
        result = fut.result()
    elapsed = time.perf_counter() - begin
    ok = squares == [k * k for k in range(8)] and not first and result == 81 and elapsed < 0.7
    print(f"executor: 8 waits of 0.2 s and one more in {elapsed:.2f} s -> {'overlapped' if ok else 'NOT REPRODUCED'}")
