"""Every built-in method and function survives bad arguments.

Runs native_arg_sweep.py under gilvm: it calls every callable reachable from
builtins and the C++ modules with no, too many and wrong-typed arguments,
bound and unbound. Each call must return or raise a Python exception; the
process must neither die of a signal nor hang. Exact messages are compared
with CPython by tests/scripts/crash_native_args.py, not here.

    python3 test_native_args.py GILVM            # the unittest
    python3 test_native_args.py GILVM --find     # crash finder: resume after
                                                 # each crash, list them all
"""
import os
import subprocess
import sys
import tempfile
import threading
import unittest

GILVM = None
SWEEP = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'native_arg_sweep.py')
# No progress for this long is a hang. Generous: a loaded machine shares two
# cores between several builds.
STALL_SECONDS = 60


class Run:
    """One gilvm run of the sweep from call number `first`."""

    def __init__(self, first, workdir):
        self.last = None        # the last "@@ n desc" line: the call in progress
        self.done = None        # the "@@ done calls raised" line
        self.hung = False
        proc = subprocess.Popen([GILVM, SWEEP, str(first)], cwd=workdir, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                                errors='replace')
        stderr_lines = []
        drain = threading.Thread(target=lambda: stderr_lines.extend(proc.stderr))
        drain.start()
        progress = threading.Event()
        watchdog_done = threading.Event()

        def watchdog():
            while not watchdog_done.is_set():
                if not progress.wait(STALL_SECONDS) and not watchdog_done.is_set():
                    self.hung = True
                    proc.kill()
                    return
                progress.clear()

        dog = threading.Thread(target=watchdog)
        dog.start()
        for line in proc.stdout:
            progress.set()
            if line.startswith('@@ done'):
                self.done = line.split()
            elif line.startswith('@@ '):
                self.last = line[3:].rstrip('\n')
        self.rc = proc.wait()
        watchdog_done.set()
        progress.set()
        dog.join()
        drain.join()
        self.stderr = ''.join(stderr_lines)[-2000:]

    def failed_call(self):
        """(number, description) of the call that was running at a crash."""
        number, _, desc = self.last.partition(' ')
        return int(number), desc


def find_all():
    """Crash finder: runs the sweep, resuming after each crash or hang."""
    failures = []
    first = 0
    with tempfile.TemporaryDirectory() as workdir:
        while True:
            run = Run(first, workdir)
            if run.done is not None and run.rc == 0:
                print('calls:', run.done[2], 'raised:', run.done[3])
                break
            if run.last is None:
                print('no progress; rc', run.rc, run.stderr)
                break
            number, desc = run.failed_call()
            kind = 'hang' if run.hung else 'rc %d' % run.rc
            print('%s: #%d %s' % (kind, number, desc), flush=True)
            failures.append((kind, number, desc))
            first = number + 1
    print(len(failures), 'failures')
    return failures


class NativeArgumentsTest(unittest.TestCase):
    def test_every_call_returns_or_raises(self):
        with tempfile.TemporaryDirectory() as workdir:
            run = Run(0, workdir)
        if run.hung:
            self.fail('hang in call #%s' % run.last)
        self.assertIsNotNone(run.done, 'died in call #%s (exit %d)\n%s' % (run.last, run.rc, run.stderr))
        self.assertEqual(run.rc, 0, run.stderr)
        calls, raised = int(run.done[2]), int(run.done[3])
        # The sweep really ran: thousands of calls, most of them refused.
        self.assertGreater(calls, 10000)
        self.assertGreater(raised, calls // 3)


if __name__ == '__main__':
    GILVM = sys.argv.pop(1)
    if '--find' in sys.argv:
        sys.exit(1 if find_all() else 0)
    unittest.main()
