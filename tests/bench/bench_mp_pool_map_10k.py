# Pool.map of 10,000 small items (default chunksize) on a running pool of
# two workers: splitting into chunks, pickling tasks and results both ways,
# and putting the results back in order. Pool start is left out (it is
# process start, see bench_mp_process_start_join).
# Times its own loop; the last line is a checksum.
import time
from multiprocessing import Pool


def square(x):
    return x * x


def run():
    rounds = 20
    items = list(range(10_000))
    checksum = 0
    with Pool(2) as pool:
        pool.map(square, range(10))  # both workers up and warm
        start = time.perf_counter()
        for r in range(rounds):
            result = pool.map(square, items)
            checksum = (checksum + sum(result) + result[r]) % 1000000007
        elapsed = time.perf_counter() - start
    print("measure: %.6f" % elapsed)
    print(checksum)


if __name__ == "__main__":
    run()
