# multiprocessing.Process with the fork start method: exit codes, names,
# join/is_alive/terminate/kill/close, subclasses, daemon children.
import multiprocessing as mp
import os
import signal
import sys
import time


def ok():
    pass


def fail():
    raise ValueError("boom in child")


def exit_with(n):
    sys.exit(n)


def exit_with_text():
    sys.exit("bye")


def sleep_long():
    time.sleep(30)


def report(conn):
    me = mp.current_process()
    parent = mp.parent_process()
    conn.send((me.name, parent.name, parent.pid == os.getppid(), mp.active_children()))
    conn.close()


class Worker(mp.Process):
    def __init__(self, value, conn):
        super().__init__()
        self.value = value
        self.conn = conn

    def run(self):
        self.conn.send(self.value * 2)


def main():
    print("start method:", mp.get_start_method())
    print("cpu_count > 0:", mp.cpu_count() > 0)
    print("main:", mp.current_process().name, mp.parent_process())
    for target, args in [(ok, ()), (fail, ()), (exit_with, (3,)), (exit_with, (0,)), (exit_with, (None,)),
                         (exit_with_text, ())]:
        p = mp.Process(target=target, args=args)
        print("before start:", p.exitcode, p.is_alive(), p.pid)
        p.start()
        p.join(10)
        print(target.__name__, args, "exitcode", p.exitcode, "alive", p.is_alive())

    p = mp.Process(target=sleep_long, name="sleeper")
    p.start()
    p.join(0.05)
    print(p.name, "alive after short join:", p.is_alive(), "exitcode", p.exitcode)
    p.terminate()
    p.join(10)
    print("terminated exitcode:", p.exitcode, p.exitcode == -signal.SIGTERM)
    try:
        p.close()
        print("closed")
        p.is_alive()
    except ValueError as e:
        print("ValueError:", e)

    p = mp.Process(target=sleep_long)
    p.start()
    try:
        p.close()
    except ValueError as e:
        print("ValueError:", e)
    p.kill()
    p.join(10)
    print("killed exitcode:", p.exitcode)

    try:
        p.start()
    except AssertionError as e:
        print("AssertionError:", e)

    parent_conn, child_conn = mp.Pipe()
    p = mp.Process(target=report, args=(child_conn,), name="reporter")
    p.start()
    print("report:", parent_conn.recv())
    p.join(10)

    parent_conn, child_conn = mp.Pipe()
    w = Worker(21, child_conn)
    w.start()
    print("subclass:", w.name.startswith("Worker-"), parent_conn.recv())
    w.join(10)
    print("subclass exitcode:", w.exitcode)

    p = mp.Process(target=sleep_long, daemon=True)
    print("daemon:", p.daemon)
    p.start()
    print("active:", len(mp.active_children()))
    try:
        p.daemon = False
    except AssertionError as e:
        print("AssertionError:", e)
    p.terminate()
    p.join(10)
    print("active after join:", len(mp.active_children()))

    s = mp.Process(target=ok)
    try:
        s.sentinel
    except ValueError as e:
        print("ValueError:", e)
    s.start()
    from multiprocessing.connection import wait
    print("sentinel ready:", wait([s.sentinel], timeout=10) == [s.sentinel])
    s.join()

    try:
        mp.get_context("nonsense")
    except ValueError as e:
        print("ValueError:", e)
    ctx = mp.get_context("fork")
    print("context:", ctx.get_start_method(), type(ctx.Process(target=ok)).__name__)
    try:
        mp.set_start_method("fork")
        mp.set_start_method("fork")
    except RuntimeError as e:
        print("RuntimeError:", e)
    mp.set_start_method("fork", force=True)


if __name__ == "__main__":
    main()
    sys.stdout.flush()
