"""Where gilvm's threads deliberately differ from CPython 3.11 (each case is
listed in docs/gil.md), so there is no CPython output to diff against.
Run as `python3 test_thread_differences.py PATH_TO_GILVM`."""
import os
import subprocess
import sys
import unittest

GILVM = None


def run(script):
    r = subprocess.run([GILVM, "-c", script], capture_output=True, text=True, timeout=60)
    return r.returncode, r.stdout, r.stderr


class DummyThreads(unittest.TestCase):
    def test_a_finished_raw_thread_leaves_threading_active(self):
        # CPython 3.11 keeps the dummy until a thread reuses its ident, so a
        # new raw thread may find the old dummy (3.12 fixed that).
        script = """
import threading, _thread, time
done = threading.Event()
names = []
def raw():
    names.append(threading.current_thread().name)
    done.set()
for i in range(5):
    done.clear()
    _thread.start_new_thread(raw, ())
    done.wait()
    while _thread._count():
        time.sleep(0.001)
print(names, threading.active_count(), len(threading.enumerate()))
"""
        self.assertEqual(run(script), (0, "['Dummy-1', 'Dummy-2', 'Dummy-3', 'Dummy-4', 'Dummy-5'] 1 1\n", ""))

    def test_errors_in_the_exit_hook_are_ignored(self):
        script = """
import threading, _thread
done = threading.Event()
def boom():
    raise ValueError("ignored")
def raw():
    _thread._at_thread_exit(boom)
    done.set()
_thread.start_new_thread(raw, ())
done.wait()
try:
    _thread._at_thread_exit(5)
except TypeError as e:
    print(e)
"""
        self.assertEqual(run(script), (0, "_at_thread_exit() argument must be callable\n", ""))


if __name__ == "__main__":
    GILVM = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
