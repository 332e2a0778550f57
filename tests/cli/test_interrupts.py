"""Ctrl-C (SIGINT) while the main thread blocks: the wait ends with
KeyboardInterrupt raised there, and the process then dies by SIGINT as
CPython's does. Run as `python3 test_interrupts.py PATH_TO_GILVM`; each case
is also run under python3 so the expectations are CPython's.

Also Ctrl-C and signal handlers during a native loop that consumes an endless
iterator (sum(itertools.count())). CPython's C loops never look at signals,
so there it hangs; gilvm serves signals from inside the loop (a documented
difference in docs/language.md), so those cases run under gilvm only."""
import os
import signal
import subprocess
import sys
import time
import unittest

GILVM = None

PRELUDE = """
import threading, time, queue, sys
stop = threading.Event()
def busy():
    n = 0
    while not stop.is_set():
        n += 1
spinner = threading.Thread(target=busy, daemon=True)
spinner.start()
"""

WAITS = {
    "join": "t = threading.Thread(target=time.sleep, args=(30,), daemon=True)\nt.start()\nprint('ready', flush=True)\nt.join()",
    "lock": "lock = threading.Lock()\nlock.acquire()\nprint('ready', flush=True)\nlock.acquire()",
    "lock_timeout": "lock = threading.Lock()\nlock.acquire()\nprint('ready', flush=True)\nlock.acquire(timeout=30)",
    "sleep": "print('ready', flush=True)\ntime.sleep(30)",
    "event": "print('ready', flush=True)\nthreading.Event().wait()",
    "queue": "print('ready', flush=True)\nqueue.Queue().get()",
    "condition": "c = threading.Condition()\nwith c:\n    print('ready', flush=True)\n    c.wait()",
}


def interrupt(interpreter, body, handled):
    script = PRELUDE + body
    if handled:
        script = PRELUDE + "try:\n" + "".join("    " + line + "\n" for line in body.splitlines()) + \
            "except KeyboardInterrupt:\n    print('caught', flush=True)\n"
    p = subprocess.Popen([interpreter, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert p.stdout.readline() == "ready\n"
        time.sleep(0.2)  # let the main thread block
        sent = time.monotonic()
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=20)
        return p.returncode, out, err, time.monotonic() - sent
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


class CtrlCWhileBlocked(unittest.TestCase):
    def check(self, name):
        body = WAITS[name]
        for interpreter in (sys.executable, GILVM):
            rc, out, err, took = interrupt(interpreter, body, handled=False)
            self.assertEqual(rc, -signal.SIGINT, (interpreter, err))
            self.assertTrue(err.rstrip().endswith("KeyboardInterrupt"), (interpreter, err))
            self.assertLess(took, 10, interpreter)
            rc, out, err, took = interrupt(interpreter, body, handled=True)
            self.assertEqual((rc, out), (0, "caught\n"), (interpreter, err))

    def test_join(self):
        self.check("join")

    def test_lock_acquire(self):
        self.check("lock")

    def test_lock_acquire_with_timeout(self):
        self.check("lock_timeout")

    def test_sleep(self):
        self.check("sleep")

    def test_event_wait(self):
        self.check("event")

    def test_queue_get(self):
        self.check("queue")

    def test_condition_wait(self):
        self.check("condition")


# Each consumes an iterator that never ends, inside one native call.
ENDLESS_NATIVE_LOOPS = [
    "sum(itertools.count())",
    "collections.deque(itertools.repeat(1), 0)",
    "-1 in itertools.count()",
    "max(itertools.count())",
    "all(itertools.repeat(1))",
    "sum(range(10**15))",
    "''.join(itertools.repeat(''))",
    "sorted(itertools.islice(itertools.count(), 10**15))",
]


class SignalsDuringNativeLoops(unittest.TestCase):
    def test_signal_handler_runs_inside_the_loop(self):
        script = "\n".join([
            "import collections, itertools, signal",
            "def on_alarm(signum, frame):",
            "    raise TimeoutError('alarm')",
            "signal.signal(signal.SIGALRM, on_alarm)",
            "for loop in %r:" % (ENDLESS_NATIVE_LOOPS,),
            "    signal.alarm(1)",
            "    try:",
            "        eval(loop)",
            "    except TimeoutError as e:",
            "        print(e, flush=True)",
        ])
        done = subprocess.run([GILVM, "-c", script], capture_output=True, text=True, timeout=60)
        self.assertEqual((done.returncode, done.stdout), (0, "alarm\n" * len(ENDLESS_NATIVE_LOOPS)), done.stderr)

    def test_ctrl_c_ends_the_loop(self):
        script = "import itertools\nprint('ready', flush=True)\nsum(itertools.count())"
        p = subprocess.Popen([GILVM, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            self.assertEqual(p.stdout.readline(), "ready\n")
            time.sleep(0.2)
            p.send_signal(signal.SIGINT)
            out, err = p.communicate(timeout=20)
            self.assertEqual(p.returncode, -signal.SIGINT, err)
            self.assertTrue(err.rstrip().endswith("KeyboardInterrupt"), err)
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()


if __name__ == "__main__":
    GILVM = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
