"""gilvm-only sides of multiprocessing: a Pool worker that dies while it
runs a task fails that task's job with WorkerLostError naming the worker
and the task instead of hanging (CPython's gh-96062), the pool replaces the
worker and keeps working; daemonic children are terminated when the parent
exits; Connections cannot be sent through a Pipe. Run as
`python3 test_multiprocessing.py PATH_TO_GILVM`."""
import subprocess
import sys
import unittest

GILVM = None


def run(script, timeout=60):
    return subprocess.run([GILVM, "-c", script], capture_output=True, text=True, timeout=timeout)


class DeadWorker(unittest.TestCase):
    def test_map_reports_the_lost_worker_and_task(self):
        script = """
import multiprocessing as mp, os
from multiprocessing.pool import WorkerLostError

def work(x):
    if x == 5:
        os._exit(3)
    return x * 2

if __name__ == "__main__":
    with mp.Pool(2) as pool:
        try:
            pool.map(work, range(10), chunksize=1)
        except WorkerLostError as e:
            print("lost:", e)
        print("after:", pool.map(work, [1, 2, 3]))
        print("workers:", len(pool._set.processes()))
"""
        r = run(script)
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertRegex(lines[0], r"^lost: worker ForkPoolWorker-\d+ \(pid \d+\) exited with code 3 "
                                   r"while running task 5 of map\(work\) \(1 items\)$")
        self.assertEqual(lines[1], "after: [2, 4, 6]")
        self.assertEqual(lines[2], "workers: 2")

    def test_killed_worker_fails_apply_async_and_callbacks_run(self):
        script = """
import multiprocessing as mp, os, signal, time

def suicide():
    os.kill(os.getpid(), signal.SIGKILL)

if __name__ == "__main__":
    errors = []
    with mp.Pool(1) as pool:
        r = pool.apply_async(suicide, error_callback=lambda e: errors.append(type(e).__name__))
        try:
            r.get(timeout=20)
        except mp.ProcessError as e:
            print(type(e).__name__, "code -9" in str(e), r.successful())
        print("errors:", errors)
        print("again:", pool.apply(pow, (2, 5)))
"""
        r = run(script)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.splitlines(), ["WorkerLostError True False", "errors: ['WorkerLostError']",
                                                 "again: 32"])

    def test_imap_reports_the_lost_task(self):
        script = """
import multiprocessing as mp, os

def work(x):
    if x == 2:
        os._exit(1)
    return x

if __name__ == "__main__":
    with mp.Pool(2) as pool:
        got = []
        try:
            for x in pool.imap(work, range(4)):
                got.append(x)
        except mp.ProcessError as e:
            print(got, "task 2 of imap(work)" in str(e))
"""
        r = run(script)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), "[0, 1] True")

    def test_task_queued_behind_the_lost_one_runs_elsewhere(self):
        # A worker gets its next task before it finishes the current one;
        # when it dies, only the task it ran is lost: the one waiting in
        # its pipe never started and runs on the replacement worker.
        script = """
import multiprocessing as mp, os

def die():
    os._exit(4)

if __name__ == "__main__":
    with mp.Pool(1) as pool:
        first = pool.apply_async(die)
        second = pool.apply_async(pow, (3, 4))
        try:
            first.get(timeout=20)
        except mp.ProcessError as e:
            print("first lost:", "apply task of die" in str(e))
        print("second:", second.get(timeout=20))
        print("workers:", len(pool._set.processes()))
"""
        r = run(script)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.splitlines(), ["first lost: True", "second: 81", "workers: 1"])


class Lifetime(unittest.TestCase):
    def test_daemon_children_are_terminated_at_exit(self):
        script = """
import multiprocessing as mp, time, sys
def sleep():
    time.sleep(60)
if __name__ == "__main__":
    p = mp.Process(target=sleep, daemon=True)
    p.start()
    print(p.pid)
    sys.stdout.flush()
"""
        r = run(script, timeout=30)
        self.assertEqual(r.returncode, 0, r.stderr)
        pid = int(r.stdout.strip())
        # The child was reaped by the parent: no such process now.
        import os
        with self.assertRaises(ProcessLookupError):
            os.kill(pid, 0)

    def test_non_daemon_children_are_joined_at_exit(self):
        script = """
import multiprocessing as mp, time
def late():
    time.sleep(0.3)
    print("child done", flush=True)
if __name__ == "__main__":
    mp.Process(target=late).start()
    print("parent done", flush=True)
"""
        r = run(script, timeout=30)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.splitlines(), ["parent done", "child done"])

    def test_a_connection_crosses_a_pipe(self):
        # As in CPython, a Connection sent through a Pipe arrives as a
        # working connection: the sender's resource sharer hands over a
        # duplicate of its descriptor (even within one process).
        r = run("import multiprocessing as mp\na, b = mp.Pipe()\nc, d = mp.Pipe()\na.send(c)\n"
                "received = b.recv()\nreceived.send('through the copy')\nprint(d.recv(), received.fileno() != c.fileno())\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), "through the copy True")

if __name__ == "__main__":
    GILVM = sys.argv.pop(1)
    unittest.main()
