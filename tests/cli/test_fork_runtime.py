"""gilvm-only sides of os.fork and signals: the child's GIL statistics
retire the threads that did not survive, a child forked while threads are
busy (holding or waiting for the GIL, inside blocking calls) never hangs,
the collector of a child does not trip over the dead threads' stacks, and a
signal that the kernel delivers to another thread still interrupts the
main thread's blocking system call at once. Run as
`python3 test_fork_runtime.py PATH_TO_GILVM`."""
import os
import subprocess
import sys
import time
import unittest

GILVM = None


def run(script, timeout=60):
    return subprocess.run([GILVM, "-c", script], capture_output=True, text=True, timeout=timeout)


class ForkChild(unittest.TestCase):
    def test_child_gil_rows_of_other_threads_are_finished(self):
        script = """
import gil, os, threading
stop = threading.Event()
t = threading.Thread(target=stop.wait, name="waiting")
t.start()
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    rows = gil.thread_stats()
    os.write(w, repr([(row["name"], row["finished"]) for row in rows]).encode())
    os._exit(0)
print(os.read(r, 1000).decode())
os.waitpid(pid, 0)
stop.set(); t.join()
"""
        r = run(script)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), "[('MainThread', False), ('waiting', True)]")

    def test_forks_under_load_never_hang_and_collect(self):
        # Threads spinning (GIL hand-overs), sleeping (GIL released), waiting
        # on locks and allocating; every child collects garbage, starts a
        # thread and exits. A hang is caught by the timeout.
        script = """
import gc, os, threading, time
stop = False
def spin():
    x = 0
    while not stop:
        x += 1
def alloc():
    while not stop:
        [[i] * 3 for i in range(100)]
def nap():
    while not stop:
        time.sleep(0.001)
lock = threading.Lock()
def contend():
    while not stop:
        with lock:
            pass
threads = [threading.Thread(target=f) for f in (spin, alloc, nap, contend, contend)]
for t in threads:
    t.start()
bad = 0
for i in range(60):
    pid = os.fork()
    if pid == 0:
        gc.collect()
        garbage = [list(range(50)) for _ in range(200)]
        del garbage
        gc.collect()
        box = []
        t = threading.Thread(target=lambda: box.append(len(threading.enumerate())))
        t.start(); t.join()
        with lock:
            pass
        os._exit(0 if box == [2] else 3)
    _, status = os.waitpid(pid, 0)
    bad += os.waitstatus_to_exitcode(status) != 0
stop = True
for t in threads:
    t.join()
print("bad children:", bad)
"""
        r = run(script, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), "bad children: 0")

    def test_pipe_read_in_main_thread_interrupted_by_signal_sent_to_a_thread(self):
        # The kernel may run the C handler on any thread; it is passed on to
        # the main thread, whose os.read then returns EINTR, runs the handler
        # and, as it raised, ends.
        script = """
import os, signal, threading, time
class Stop(Exception):
    pass
def handler(signum, frame):
    raise Stop()
signal.signal(signal.SIGUSR1, handler)
r, w = os.pipe()
ready = threading.Event()
def other():
    ready.set()
    time.sleep(0.3)
    signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)
t = threading.Thread(target=other)
t.start()
ready.wait()
start = time.monotonic()
try:
    os.read(r, 1)
except Stop:
    print("interrupted", time.monotonic() - start < 5)
t.join()
"""
        r = run(script, timeout=30)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), "interrupted True")


if __name__ == "__main__":
    GILVM = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
