"""Deep native recursion never crashes the process: iterators nested tens
of thousands deep, and `raise ... from` chains 40,000 long formatted by
traceback or reaching the top level. Each case runs under python3 too and
the output must match; where CPython's C stack still copes but gilvm
raises RecursionError, the scripts print only that they survived. (Too
slow for the GC-stress twins of tests/scripts.) Run as
`python3 test_deep_recursion.py PATH_TO_GILVM`."""
import os
import subprocess
import sys
import unittest

GILVM = None

NEST = """
def survives(label, f):
    try:
        f()
    except RecursionError:
        pass
    print(label, 'survived')


def nest(make, depth, inner):
    it = inner
    for _ in range(depth):
        it = make(it)
    return it

"""

CHAIN = """
import traceback


def chain(n):
    exc = None
    for i in range(n):
        try:
            if exc is None:
                raise ValueError(i)
            raise ValueError(i) from exc
        except ValueError as e:
            exc = e
    return exc


def contexts(n):
    exc = None
    for i in range(n):
        try:
            try:
                if exc is not None:
                    raise exc
                raise KeyError(i)
            except Exception:
                raise ValueError(i)
        except ValueError as e:
            exc = e
    return exc


def without_paths(lines):
    return [line for line in lines if not line.startswith('  File ')]

"""


def run(interpreter, source):
    r = subprocess.run([interpreter, "-c", source], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, timeout=120)
    return r.returncode, r.stdout


class DeepRecursion(unittest.TestCase):
    def same_as_cpython(self, source, expected_rc=0):
        want = run(sys.executable, source)
        self.assertEqual(want[0], expected_rc)
        self.assertEqual(run(GILVM, source), want)

    def test_moderately_nested_iterators_compute(self):
        self.same_as_cpython(NEST + (
            "def unwrap(x, inner):\n"
            "    depth = 0\n"
            "    while isinstance(x, tuple):\n"
            "        x, depth = inner(x), depth + 1\n"
            "    return depth, x\n"
            "items = tuple(nest(enumerate, 2000, [1]))\n"
            "print(len(items), unwrap(items[0], lambda t: t[1]))\n"
            "items = list(nest(zip, 2000, [7]))\n"
            "print(len(items), unwrap(items[0], lambda t: t[0]))\n"
            "print(list(nest(lambda it: map(abs, it), 2000, [-3])))\n"
            "print(list(nest(lambda it: filter(None, it), 2000, [0, 5])))\n"))

    def test_deeply_nested_iterators_survive(self):
        self.same_as_cpython(NEST + (
            "survives('enumerate 50000', lambda: tuple(nest(enumerate, 50000, [1])))\n"
            "survives('zip 100000', lambda: list(nest(zip, 100000, [1])))\n"
            "survives('map 50000', lambda: list(nest(lambda it: map(abs, it), 50000, [1])))\n"
            "survives('filter 50000', lambda: list(nest(lambda it: filter(None, it), 50000, [1])))\n"))

    def test_long_cause_chain_formats(self):
        self.same_as_cpython(CHAIN + (
            "lines = ''.join(traceback.format_exception(chain(40000))).splitlines()\n"
            "print(len(lines))\n"
            "print(without_paths(lines[:8]))\n"
            "print(lines[-1])\n"
            "print(without_paths(''.join(traceback.format_exception(chain(3))).splitlines()))\n"
            "lines = ''.join(traceback.format_exception(contexts(3000))).splitlines()\n"
            "print(len(lines), lines[-1])\n"
            "print(sum('During handling' in line for line in lines))\n"))

    def test_long_cause_chain_uncaught(self):
        # CPython's report of it may be cut short ("lost sys.stderr"); both
        # exit with status 1.
        self.same_as_cpython(CHAIN + "print('raising', flush=True)\nraise chain(40000)\n", expected_rc=1)


if __name__ == "__main__":
    GILVM = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
