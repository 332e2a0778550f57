"""Ctrl-C during asyncio.run, as CPython 3.11: the main task is cancelled
(its finally blocks and except CancelledError handlers run, also while the
loop is blocked waiting for a timer), then asyncio.run raises
KeyboardInterrupt. Run as `python3 test_asyncio_interrupt.py PATH_TO_GILVM`;
every case also runs under python3, so the expectations are CPython's."""
import os
import signal
import subprocess
import sys
import time
import unittest

GILVM = None

SCRIPT = """
import asyncio
async def child():
    try:
        await asyncio.sleep(30)
    finally:
        print('child finally', flush=True)
async def main():
    t = asyncio.create_task(child())
    try:
        print('ready', flush=True)
        await asyncio.sleep(30)
    except asyncio.CancelledError:
        print('main cancelled', flush=True)
        raise
    finally:
        print('main finally', flush=True)
try:
    asyncio.run(main())
except KeyboardInterrupt:
    print('KeyboardInterrupt', flush=True)
"""

UNCAUGHT = """
import asyncio
async def main():
    print('ready', flush=True)
    await asyncio.sleep(30)
asyncio.run(main())
"""


def interrupt(interpreter, script):
    p = subprocess.Popen([interpreter, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert p.stdout.readline() == "ready\n"
        time.sleep(0.2)  # the loop is now blocked in its wait
        sent = time.monotonic()
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=20)
        return p.returncode, out, err, time.monotonic() - sent
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


class AsyncioInterrupt(unittest.TestCase):
    def test_cancels_main_task_then_raises(self):
        for interpreter in ("python3", GILVM):
            rc, out, err, took = interrupt(interpreter, SCRIPT)
            self.assertEqual(rc, 0, f"{interpreter}: {err}")
            self.assertEqual(out.split("\n"), ["main cancelled", "main finally", "child finally", "KeyboardInterrupt", ""],
                             interpreter)
            self.assertLess(took, 5, interpreter)

    def test_uncaught_exits_by_sigint(self):
        for interpreter in ("python3", GILVM):
            rc, out, err, _ = interrupt(interpreter, UNCAUGHT)
            self.assertEqual(rc, -signal.SIGINT, f"{interpreter}: {err}")
            self.assertIn("KeyboardInterrupt", err, interpreter)


if __name__ == "__main__":
    GILVM = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
