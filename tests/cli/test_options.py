"""Command-line options that change how output is written: -u and
PYTHONUNBUFFERED. Each case runs under python3 too, so the expectation is
CPython's. Run as `python3 test_options.py PATH_TO_GILVM`."""
import os
import subprocess
import sys
import unittest

GILVM = None

SCRIPT = "import sys\nprint('out 1')\nsys.stderr.write('err\\n')\nprint('out 2')\nprint(sys.stdout.write_through)\n"


def merged(interpreter, *args, unbuffered_env=False):
    env = dict(os.environ)
    env.pop("PYTHONUNBUFFERED", None)
    if unbuffered_env:
        env["PYTHONUNBUFFERED"] = "1"
    r = subprocess.run([interpreter, *args, "-c", SCRIPT], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, env=env, timeout=30)
    return r.returncode, r.stdout


class Unbuffered(unittest.TestCase):
    def test_buffered_by_default_into_a_pipe(self):
        self.assertEqual(merged(GILVM), merged(sys.executable))
        self.assertEqual(merged(GILVM), (0, "err\nout 1\nout 2\nFalse\n"))

    def test_dash_u_writes_through(self):
        self.assertEqual(merged(GILVM, "-u"), merged(sys.executable, "-u"))
        self.assertEqual(merged(GILVM, "-u"), (0, "out 1\nerr\nout 2\nTrue\n"))

    def test_environment_variable(self):
        self.assertEqual(merged(GILVM, unbuffered_env=True), (0, "out 1\nerr\nout 2\nTrue\n"))


if __name__ == "__main__":
    GILVM = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
