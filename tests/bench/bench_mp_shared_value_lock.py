# A shared multiprocessing.Value incremented under its own lock by two
# processes at once (20,000 increments each): the lock is a semaphore in
# shared memory, the item a word in a shared mapping.
# Times its own run; the last line is a checksum.
import time
from multiprocessing import Process, Value

N = 20_000


def add_many(total):
    for _ in range(N):
        with total.get_lock():
            total.value += 1


def run():
    total = Value("i", 0)
    start = time.perf_counter()
    workers = [Process(target=add_many, args=(total,)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - start
    print("measure: %.6f" % elapsed)
    print(total.value, [w.exitcode for w in workers])


if __name__ == "__main__":
    run()
