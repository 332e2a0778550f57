# The forkserver start method: children forked by a server process that
# imports this script as __mp_main__ in each child. Arguments that carry
# descriptors (Queue, Pipe, Lock, Value) reach the child through the
# server; exit codes, signals, a Pool and ProcessPoolExecutor.
import multiprocessing as mp
import os
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor


def work(x, q, lock, value, conn):
    with lock:
        value.value += x
    q.put(("child", x, mp.current_process().name, __name__))
    conn.send("pipe %d" % x)


def fail():
    raise ValueError("boom in forkserver child")


def exit_with(n):
    sys.exit(n)


def sleep_long():
    time.sleep(60)


def square(x):
    return x * x


def main():
    ctx = mp.get_context("forkserver")
    print("methods:", mp.get_all_start_methods())
    print("context:", ctx.get_start_method())
    q, lock, value = ctx.Queue(), ctx.Lock(), ctx.Value("i", 0)
    reader, writer = ctx.Pipe(duplex=False)
    children = [ctx.Process(target=work, args=(i, q, lock, value, writer)) for i in range(3)]
    for p in children:
        p.start()
    print(sorted(q.get(timeout=60) for _ in children))
    print(sorted(reader.recv() for _ in children))
    for p in children:
        p.join(60)
    print("exit codes:", [p.exitcode for p in children], "value:", value.value)
    for target, args in [(fail, ()), (exit_with, (4,)), (exit_with, (None,))]:
        p = ctx.Process(target=target, args=args)
        p.start()
        p.join(60)
        print(target.__name__, args, "->", p.exitcode)
    p = ctx.Process(target=sleep_long)
    p.start()
    print("alive:", p.is_alive())
    p.terminate()
    p.join(60)
    print("terminated:", p.exitcode, p.is_alive())
    p = ctx.Process(target=sleep_long)
    p.start()
    os.kill(p.pid, signal.SIGKILL)
    p.join(60)
    print("killed:", p.exitcode)
    with ctx.Pool(2) as pool:
        print(pool.map(square, range(8)))
    with ProcessPoolExecutor(2, mp_context=ctx) as executor:
        print(list(executor.map(square, range(4))))


if __name__ == "__main__":
    main()
