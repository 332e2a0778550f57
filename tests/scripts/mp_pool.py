# multiprocessing.Pool: map, imap, starmap, apply(_async), callbacks,
# worker exceptions, initializer and maxtasksperchild.
import multiprocessing as mp
import os


def square(x):
    return x * x


def add(a, b):
    return a + b


def fail_on(x):
    if x == 3:
        raise KeyError("bad item %d" % x)
    return x


def ident(x):
    return x


_state = {}


def init(value):
    _state["value"] = value


def read_state(_):
    return _state.get("value")


def pid_of(_):
    return os.getpid()


def main():
    with mp.Pool(processes=2) as pool:
        print("map:", pool.map(square, range(10)))
        print("map chunks:", pool.map(square, range(25), chunksize=4))
        print("map empty:", pool.map(square, []))
        print("imap:", list(pool.imap(square, range(8))))
        print("imap chunks:", list(pool.imap(square, range(9), chunksize=2)))
        print("imap_unordered:", sorted(pool.imap_unordered(square, range(8))))
        print("starmap:", pool.starmap(add, [(1, 2), (3, 4), (5, 6)]))
        print("apply:", pool.apply(add, (2, 3)), pool.apply(add, (), {"a": 1, "b": 9}))

        got = []
        r = pool.apply_async(square, (7,), callback=got.append)
        print("apply_async:", r.get(timeout=10), r.ready(), r.successful())
        r.wait(10)
        errors = []
        r = pool.apply_async(fail_on, (3,), error_callback=lambda e: errors.append(type(e).__name__))
        try:
            r.get(timeout=10)
        except KeyError as e:
            print("KeyError:", e, r.successful())
        r = pool.map_async(square, range(5), callback=got.append)
        print("map_async:", r.get(timeout=10))
        r = pool.starmap_async(add, [(1, 1), (2, 2)], callback=got.append)
        print("starmap_async:", r.get(timeout=10))
        print("callbacks:", got, errors)
        try:
            pool.map(fail_on, range(6))
        except KeyError as e:
            print("map KeyError:", e)
        it = pool.imap(fail_on, range(5))
        results = []
        try:
            for x in it:
                results.append(x)
        except KeyError as e:
            print("imap stopped at", results, "KeyError:", e)
        try:
            pool.apply(lambda: 1)
        except Exception as e:
            print("lambda:", type(e).__name__)
        # A chunk that cannot be pickled fails the map (the chunks are cut
        # and pickled as workers take them); the pool goes on.
        try:
            pool.map(ident, [1, 2, lambda: 0, 4, 5], chunksize=2)
        except Exception as e:
            print("unpicklable chunk:", type(e).__name__)
        failed = []
        r = pool.map_async(ident, [1, lambda: 0], chunksize=1, error_callback=lambda e: failed.append(type(e).__name__))
        r.wait(20)
        print("map_async:", r.ready(), r.successful(), failed)
        print("after errors:", pool.map(ident, "abc"), pool.map(square, range(23), chunksize=4))

    pool = mp.Pool(2, initializer=init, initargs=("ready",))
    print("initializer:", pool.map(read_state, range(4)))
    pool.close()
    pool.join()
    try:
        pool.map(square, [1])
    except ValueError as e:
        print("ValueError:", e)

    pool = mp.Pool(2, maxtasksperchild=1)
    pids = pool.map(pid_of, range(6), chunksize=1)
    print("maxtasksperchild distinct pids:", len(set(pids)))
    pool.close()
    pool.join()

    pool = mp.Pool(1)
    try:
        pool.join()
    except ValueError as e:
        print("ValueError:", e)
    r = pool.apply_async(square, (3,))
    try:
        r.successful() if not r.ready() else None
    except ValueError:
        pass
    print("before terminate:", r.get(10))
    pool.terminate()
    pool.join()
    try:
        mp.Pool(0)
    except ValueError as e:
        print("ValueError:", e)


if __name__ == "__main__":
    main()
