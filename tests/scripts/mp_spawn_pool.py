# Pool and ProcessPoolExecutor with the spawn context: functions and
# initializers travel by qualified name to workers that import this script
# as __mp_main__.
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

LIMIT = 7


def square(x):
    return x * x


def set_global(v):
    global TAG
    TAG = v


def tagged(x):
    return TAG, x, __name__


def worker_kind(_):
    return mp.current_process().name.split("-")[0]


def fail(x):
    raise KeyError(x)


def main():
    ctx = mp.get_context("spawn")
    with ctx.Pool(2, initializer=set_global, initargs=("init",)) as pool:
        print(pool.map(square, range(12), chunksize=3))
        print(sorted(pool.map(tagged, range(3))))
        print(sorted(set(pool.map(worker_kind, range(6)))))
        print(pool.starmap(pow, [(2, 5), (3, 3)]))
        print(sorted(pool.imap_unordered(square, range(LIMIT))))
        print(pool.apply_async(square, (9,)).get(60))
        try:
            pool.apply(fail, ("lost",))
        except KeyError as e:
            print("KeyError", e)
    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as executor:
        print(list(executor.map(square, range(6))))
        print(executor.submit(square, 12).result(60))
        future = executor.submit(fail, 3)
        print(type(future.exception(60)).__name__)
    mp.set_start_method("spawn", force=True)
    with mp.Pool(2) as pool:
        print("default spawn pool:", pool.map(square, [5, 6]))


if __name__ == "__main__":
    main()
