# unittest's runner output: dots and verbose lines, the failure and error
# reports with tracebacks (unittest's own frames left out), fixtures,
# subtests, skips, expected failures, cleanups and the summary line.
import io
import os
import re
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


def run(*cases, verbosity=1, **kwargs):
    stream = io.StringIO()
    suite = unittest.TestSuite()
    loader = unittest.TestLoader()
    for case in cases:
        suite.addTests(loader.loadTestsFromTestCase(case))
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity, **kwargs).run(suite)
    text = stream.getvalue()
    text = re.sub(r"Ran (\d+) tests? in \d+\.\d+s", r"Ran \1 tests in TIME", text)
    text = text.replace(HERE + os.sep, "")
    print(text, end="")
    print(result, result.wasSuccessful(), len(result.failures), len(result.errors), len(result.skipped))
    print("-" * 20)
    return result


def helper(value):
    return 10 // value


class Basic(unittest.TestCase):
    def setUp(self):
        self.log = ["setUp"]

    def tearDown(self):
        self.log.append("tearDown")

    def test_ok(self):
        """First line of the docstring.

        Not shown."""
        self.assertEqual(1 + 1, 2)

    def test_fail_equal(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_error_nested(self):
        helper(0)

    def test_fail_msg(self):
        self.assertTrue(0, "with a message")

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    def test_skip_inside(self):
        self.skipTest("decided late")

    @unittest.skipIf(True, "condition")
    def test_skip_if(self):
        pass

    @unittest.skipUnless(True, "never")
    def test_skip_unless_runs(self):
        pass

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 2)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i, kind="even" if i % 2 == 0 else "odd"):
                self.assertNotEqual(i, 1)
                if i == 3:
                    raise ValueError("three")

    def test_subtest_message(self):
        with self.subTest("labelled"):
            self.fail("inside")
        with self.subTest():
            self.assertIn(1, [2])

    def test_chained(self):
        try:
            {}["missing"]
        except KeyError as e:
            raise RuntimeError("wrapped") from e

    def test_cleanups(self):
        self.addCleanup(print, "cleanup ran", 1)
        self.addCleanup(lambda: 1 / 0)


@unittest.skip("whole class")
class SkippedClass(unittest.TestCase):
    def test_a(self):
        pass


class ClassFixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass")
        cls.addClassCleanup(print, "class cleanup")

    @classmethod
    def tearDownClass(cls):
        print("tearDownClass")

    def test_one(self):
        print("test_one")


class BrokenSetUpClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise OSError("no fixture")

    def test_never(self):
        print("never printed")


class BrokenTearDown(unittest.TestCase):
    def tearDown(self):
        raise ValueError("teardown broke")

    def test_body_fine(self):
        pass


class LongStrings(unittest.TestCase):
    maxDiff = None

    def test_multiline(self):
        self.assertEqual("alpha\nbeta\ngamma\n", "alpha\nbetA\ngamma\ndelta\n")

    def test_dicts(self):
        self.assertEqual({"a": 1, "b": [1, 2]}, {"a": 1, "b": [1, 3], "c": None})


class Truncated(unittest.TestCase):
    def test_long_list(self):
        self.assertEqual(list(range(100)), list(range(1, 101)))


run(Basic)
run(Basic, verbosity=2)
run(Basic, verbosity=0)
run(SkippedClass, ClassFixtures, BrokenSetUpClass, BrokenTearDown, verbosity=2)
run(LongStrings, Truncated)
run(Basic, failfast=True)


class Noisy(unittest.TestCase):
    def test_prints_and_passes(self):
        print("hidden output")

    def test_prints_and_fails(self):
        print("shown output")
        self.fail("boom")


run(Noisy, buffer=True, verbosity=2)

# A TestCase run by hand, and the result's repr.
result = unittest.TestResult()
Basic("test_fail_msg").run(result)
print(result, result.failures[0][0])
print(repr(Basic("test_ok")), Basic("test_ok").id(), Basic("test_ok").shortDescription())
try:
    Basic("nope")
except ValueError as e:
    print(e)
print(Basic("test_ok") == Basic("test_ok"), Basic("test_ok").countTestCases())
suite = unittest.TestLoader().loadTestsFromTestCase(Basic)
print(suite.countTestCases(), [t._testMethodName for t in suite][:3])
try:
    suite.addTest(Basic)
except TypeError as e:
    print(e)
try:
    suite.addTests("abc")
except TypeError as e:
    print(e)
