"""The end of a program while daemon threads still run: the process exits
with the main thread's status, promptly, without a crash or a message, and
the daemon threads run no Python once shutdown began. Run as
`python3 test_shutdown.py PATH_TO_GILVM`."""
import os
import subprocess
import sys
import unittest

GILVM = None

BUSY_DAEMONS = """
import threading, time, sys
def spin():
    n = 0
    while True:
        n += 1
def chatter(i):
    while True:
        print("daemon", i)
        time.sleep(0.0001)
def sleeper():
    time.sleep(60)
lock = threading.Lock()
lock.acquire()
threads = [threading.Thread(target=spin, daemon=True) for _ in range(3)]
threads += [threading.Thread(target=chatter, args=(i,), daemon=True) for i in range(3)]
threads += [threading.Thread(target=sleeper, daemon=True), threading.Thread(target=lock.acquire, daemon=True)]
for t in threads:
    t.start()
time.sleep(0.05)
print("main done", flush=True)
"""


def run(script, *args):
    return subprocess.run([GILVM, *args, "-c", script], capture_output=True, text=True, timeout=30)


class DaemonThreadsAtExit(unittest.TestCase):
    def test_exit_is_prompt_clean_and_keeps_the_status(self):
        for status in (0, 3):
            for _ in range(10):
                r = run(BUSY_DAEMONS + f"sys.exit({status})")
                self.assertEqual((r.returncode, r.stderr), (status, ""))
                # (print writes each piece separately, so the daemons' lines
                # and "main done" may be cut into each other, as in CPython:
                # only check that nothing else was written)
                self.assertIn("main", r.stdout)
                self.assertLessEqual(set(r.stdout), set("daemon main0123\n"))

    def test_an_uncaught_exception_still_reports_and_exits_1(self):
        r = run(BUSY_DAEMONS + "raise ValueError('boom')")
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.endswith("ValueError: boom\n"), r.stderr[-300:])

    def test_non_daemon_threads_are_joined_first(self):
        script = """
import threading, time
def late():
    time.sleep(0.2)
    print("non-daemon finished", flush=True)
threading.Thread(target=late).start()
print("main done", flush=True)
"""
        r = run(script)
        self.assertEqual((r.returncode, r.stdout), (0, "main done\nnon-daemon finished\n"))

    def test_gil_stats_with_daemons_running(self):
        r = run(BUSY_DAEMONS, "--gil-stats")
        self.assertEqual(r.returncode, 0)
        self.assertIn("GIL statistics", r.stderr)


if __name__ == "__main__":
    GILVM = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
