# unittest.main: argument parsing (-v, -q, -f, -k, -b, test names, bad
# options, -h), exit codes and exit=False, module fixtures.
import io
import os
import re
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
events = []


def setUpModule():
    events.append("setUpModule")


def tearDownModule():
    events.append("tearDownModule")


class Alpha(unittest.TestCase):
    def test_pass(self):
        pass

    def test_fail(self):
        self.assertEqual("x", "y")

    def test_select_me(self):
        pass


class Beta(unittest.TestCase):
    def test_pass(self):
        pass

    def test_error(self):
        raise KeyError("b")


def main(*argv, **kwargs):
    out = io.StringIO()
    saved = sys.stderr, sys.stdout
    sys.stderr = sys.stdout = out
    code = None
    try:
        program = unittest.main(argv=["prog"] + list(argv), **kwargs)
    except SystemExit as e:
        code = e.code
        program = None
    finally:
        sys.stderr, sys.stdout = saved
    text = re.sub(r"Ran (\d+) tests? in \d+\.\d+s", r"Ran \1 tests in TIME", out.getvalue())
    print("$ prog", " ".join(argv), kwargs or "")
    print(text.replace(HERE + os.sep, ""), end="")
    print("exit code:", code)
    if program is not None:
        print("result:", program.result.testsRun, program.result.wasSuccessful())
    print(events)
    del events[:]


main("Alpha.test_pass")
main("Alpha.test_pass", "Beta.test_pass", "-v")
main("-q", "Alpha.test_pass")
main("-k", "select")
main("-k", "*pass", "-v")
main("-kselect", "-k", "error")
main("Alpha", "-v")
main("-f", "-v")
main("--failfast", "--verbose", "Beta")
main("-v", exit=False)
main("Alpha.test_pass", exit=False, verbosity=2)
main("-x")
main("--nope", "Alpha")
main("-k")
main("-h")
main("--help", failfast=True)
main("-vq", "Alpha.test_pass")
main("Missing.test_name", "-v")
main("Alpha.test_nothere")
main("Alpha.test_pass", "-b", "--locals", "-c")
main(defaultTest="Beta.test_pass", argv=None) if False else None
main(defaultTest="Beta.test_pass")
main(defaultTest=["Alpha.test_pass", "Beta.test_pass"], verbosity=2)
