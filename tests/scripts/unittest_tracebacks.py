# Failure tracebacks from unittest: the test's own frames only (the
# assert* and runner frames are left out), for context-manager and
# callable forms, multi-line calls, helpers and lambdas.
import io
import os
import re
import unittest
class T(unittest.TestCase):
    def test_cm(self):
        with self.assertRaises(ValueError):
            x = 1
            y = 2
    def test_callable(self):
        self.assertRaises(ValueError,
                          int, "5")
    def test_multi(self):
        self.assertEqual(
            1,
            2)
    def test_helper(self):
        check(self, 5)
    def test_in_lambda(self):
        f = lambda: self.assertTrue(False)
        f()
    def test_warns(self):
        with self.assertWarns(UserWarning):
            pass
def check(tc, v):
    tc.assertGreater(v, 10)

stream = io.StringIO()
unittest.main(exit=False, testRunner=unittest.TextTestRunner(stream=stream))
here = os.path.dirname(os.path.abspath(__file__)) + os.sep
print(re.sub(r"in \d+\.\d+s", "in TIME", stream.getvalue()).replace(here, ""), end="")
