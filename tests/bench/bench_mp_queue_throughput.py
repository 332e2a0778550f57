# multiprocessing.Queue throughput: a child process puts 50,000 small
# items (through its feeder thread), the parent gets them all. Timed from
# the child's start to the last item received.
# Times its own run; the last line is a checksum.
import time
from multiprocessing import Process, Queue

N = 50_000


def produce(q):
    for i in range(N):
        q.put((i, "item"))
    q.put(None)


def run():
    q = Queue()
    start = time.perf_counter()
    p = Process(target=produce, args=(q,))
    p.start()
    count = total = 0
    while True:
        item = q.get()
        if item is None:
            break
        count += 1
        total += item[0]
    elapsed = time.perf_counter() - start
    p.join()
    print("measure: %.6f" % elapsed)
    print(count, total, p.exitcode)


if __name__ == "__main__":
    run()
