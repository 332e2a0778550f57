# concurrent.futures.ProcessPoolExecutor: submit, map with chunksize,
# exceptions, initializer, shutdown and cancel_futures.
import concurrent.futures as cf
import multiprocessing as mp
import os
import time


def cube(n):
    return n ** 3


def fail(n):
    raise ZeroDivisionError("no %d" % n)


_value = []


def init(v):
    _value.append(v)


def value(_):
    return _value[0]


def slow(n):
    time.sleep(0.2)
    return n


def die():
    os._exit(7)


def main():
    with cf.ProcessPoolExecutor(max_workers=2) as ex:
        futures = [ex.submit(cube, n) for n in range(6)]
        print("submit:", [f.result(timeout=10) for f in futures])
        print("map:", list(ex.map(cube, range(7))))
        print("map chunks:", list(ex.map(pow, range(9), range(9), chunksize=4)))
        f = ex.submit(fail, 3)
        print("exception:", type(f.exception(timeout=10)).__name__, f.exception())
        try:
            list(ex.map(fail, [1]))
        except ZeroDivisionError as e:
            print("map raised:", e)
        done = sorted(f.result() for f in cf.as_completed([ex.submit(cube, n) for n in range(4)], timeout=10))
        print("as_completed:", done)
    try:
        ex.submit(cube, 1)
    except RuntimeError as e:
        print("RuntimeError:", e)

    with cf.ProcessPoolExecutor(max_workers=1, initializer=init, initargs=(42,),
                                mp_context=mp.get_context("fork")) as ex:
        print("initializer:", list(ex.map(value, range(3))))

    ex = cf.ProcessPoolExecutor(max_workers=1)
    futures = [ex.submit(slow, n) for n in range(6)]
    time.sleep(0.05)
    ex.shutdown(wait=True, cancel_futures=True)
    print("cancelled some:", any(f.cancelled() for f in futures), "first done:", futures[0].result())

    ex = cf.ProcessPoolExecutor(max_workers=1)
    f = ex.submit(die)
    try:
        f.result(timeout=20)
    except cf.process.BrokenProcessPool as e:
        print("BrokenProcessPool:", e)
    try:
        ex.submit(cube, 2)
    except cf.process.BrokenProcessPool as e:
        print("BrokenProcessPool:", e)
    ex.shutdown()
    for bad in [dict(max_workers=0), dict(initializer=5)]:
        try:
            cf.ProcessPoolExecutor(**bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__ + ":", e)


if __name__ == "__main__":
    main()
