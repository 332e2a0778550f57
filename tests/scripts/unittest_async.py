# IsolatedAsyncioTestCase: setUp, asyncSetUp, the coroutine test,
# asyncTearDown, tearDown and async cleanups in order, each test in its
# own loop; and a module's __getattr__ (PEP 562), which unittest uses to
# load it on first use.
import asyncio
import io
import unittest

events = []


class Async(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        events.append("setUp")

    async def asyncSetUp(self):
        events.append("asyncSetUp")
        self.loop = asyncio.get_running_loop()

    async def test_a_sleep(self):
        await asyncio.sleep(0)
        self.addAsyncCleanup(self.cleanup, "async cleanup")
        self.addCleanup(events.append, "sync cleanup")
        events.append("test_a")
        self.assertIs(asyncio.get_running_loop(), self.loop)

    async def test_b_fail(self):
        await asyncio.sleep(0)
        events.append("test_b")
        self.assertEqual(1, 2)

    def test_c_plain(self):
        events.append("test_c")

    async def cleanup(self, what):
        await asyncio.sleep(0)
        events.append(what)

    async def asyncTearDown(self):
        events.append("asyncTearDown")

    def tearDown(self):
        events.append("tearDown")


stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(
    unittest.TestLoader().loadTestsFromTestCase(Async))
print(stream.getvalue().split("\n=")[0])
print(result.testsRun, len(result.failures), len(result.errors))
for event in events:
    print(event)
print("AssertionError: 1 != 2" in result.failures[0][1])

import os
import sys
import tempfile

with tempfile.TemporaryDirectory() as folder:
    with open(os.path.join(folder, "lazy.py"), "w") as f:
        f.write("def __getattr__(name):\n    if name == 'late':\n        return 42\n"
                "    raise AttributeError(f'module lazy has no attribute {name!r}')\n")
    sys.path.insert(0, folder)
    import lazy as module
    del sys.path[0]
print(module.late, getattr(module, "nope", "default"), hasattr(module, "late"))
from lazy import late
print(late)
try:
    module.nope
except AttributeError as e:
    print(e)
print("IsolatedAsyncioTestCase" in dir(unittest))
