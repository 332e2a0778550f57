# Pipe round trips: the parent sends a small object through a duplex
# multiprocessing Pipe, a child process sends back a reply, 20,000 times.
# Each trip pickles and unpickles twice and crosses two process switches.
# Times its own loop; the last line is a checksum.
import time
from multiprocessing import Pipe, Process


def echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send((msg[0] + 1, msg[1]))
    conn.close()


def run():
    n = 20_000
    parent, child = Pipe()
    p = Process(target=echo, args=(child,))
    p.start()
    parent.send((0, "warm-up"))
    parent.recv()
    checksum = 0
    start = time.perf_counter()
    for i in range(n):
        parent.send((i, "ping"))
        k, word = parent.recv()
        checksum += k + len(word)
    elapsed = time.perf_counter() - start
    parent.send(None)
    p.join()
    print("measure: %.6f" % elapsed)
    print(checksum, p.exitcode)


if __name__ == "__main__":
    run()
