# multiprocessing.Process start + join, one after another: fork, the
# child's bootstrap and exit, and the parent's wait. The C++ floor for the
# same work is ceiling/fork_exit_wait.cpp (run_process_ceiling.py).
# Times its own loop; the last line is a checksum.
import time
from multiprocessing import Process


def nothing(i):
    pass


def run():
    n = 200
    codes = 0
    start = time.perf_counter()
    for i in range(n):
        p = Process(target=nothing, args=(i,))
        p.start()
        p.join()
        codes += p.exitcode
    elapsed = time.perf_counter() - start
    print("measure: %.6f" % elapsed)
    print(n, codes)


if __name__ == "__main__":
    run()
