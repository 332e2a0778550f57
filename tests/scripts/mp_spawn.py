# The spawn start method: a fresh interpreter that imports this script as
# __mp_main__ (so the __main__ guard keeps the parent's part from running
# again), receives the Process object pickled, and runs it. Arguments,
# exit codes (0, 1 with the traceback on stderr, sys.exit(n), -N after a
# signal), subclasses, names, parent_process(), set_start_method().
import multiprocessing as mp
import os
import signal
import sys
import time

# Runs in the parent and again in every child (as __mp_main__).
print("script imported as", __name__, flush=True)


def show(x, y=0, *, label="-"):
    me = mp.current_process()
    print("child:", x, y, label, me.name, __name__, sys.modules["__main__"].__name__, flush=True)


def fail():
    raise ValueError("boom in spawned child")


def exit_with(n):
    sys.exit(n)


def sleep_long():
    time.sleep(60)


def report_parent():
    parent = mp.parent_process()
    print("parent:", parent.name, parent.pid == os.getppid(), parent.is_alive(), flush=True)


class Doubler(mp.get_context("spawn").Process):
    def __init__(self, value):
        super().__init__()
        self.value = value

    def run(self):
        print("Doubler.run:", self.value * 2, type(self).__name__, flush=True)


def run(p):
    p.start()
    p.join(60)
    return p.exitcode


def main():
    ctx = mp.get_context("spawn")
    print("context:", ctx.get_start_method(), type(ctx.Process()).__name__)
    print("methods include spawn:", "spawn" in mp.get_all_start_methods())
    print("exit", run(ctx.Process(target=show, args=(1, [2, 3]), kwargs={"label": "kw"})))
    print("exit", run(ctx.Process(target=show, args=("named",), name="worker-x")))
    print("exit after exception:", run(ctx.Process(target=fail)))
    for n in (0, 3, None, "text"):
        print("sys.exit(%r):" % (n,), run(ctx.Process(target=exit_with, args=(n,))))
    p = ctx.Process(target=sleep_long)
    p.start()
    os.kill(p.pid, signal.SIGKILL)
    p.join(60)
    print("killed:", p.exitcode)
    p = ctx.Process(target=sleep_long, daemon=True)
    p.start()
    print("alive:", p.is_alive())
    p.terminate()
    p.join(60)
    print("terminated:", p.exitcode, p.is_alive())
    print("exit", run(ctx.Process(target=report_parent)))
    print("exit", run(Doubler(21)))
    p = ctx.Process(target=os.getpid)
    print("builtin target:", run(p))

    # set_start_method makes the module-level names spawn.
    mp.set_start_method("spawn", force=True)
    print("default now:", mp.get_start_method())
    p = mp.Process(target=show, args=("default",))
    print("exit", run(p), p.name)
    try:
        mp.set_start_method("fork")
    except RuntimeError as e:
        print("RuntimeError", e)
    for bad in ("forkserver-x",):
        try:
            mp.get_context(bad)
        except ValueError as e:
            print("ValueError", e)
    # A daemon child still running at exit is terminated.
    p = ctx.Process(target=sleep_long, daemon=True)
    p.start()
    print("leaving")


if __name__ == "__main__":
    main()
