"""Running out of memory raises MemoryError; the process never dies of
std::bad_alloc or a GMP abort. Cases run under an address-space limit
(ulimit -v); those where CPython would compute for minutes before failing
are gilvm-only (docs/language.md: ints too large for the machine fail up
front). Run as `python3 test_out_of_memory.py PATH_TO_GILVM`."""
import os
import resource
import subprocess
import sys
import unittest

GILVM = None

REPORT = """
def report(label, f):
    try:
        f()
        print(label, 'ok')
    except MemoryError as e:
        print(label, 'MemoryError', repr(e))
"""


def sanitized():
    # ASan and TSan reserve terabytes of address space and have their own
    # allocators: an address-space limit breaks them rather than malloc.
    with open(GILVM, "rb") as f:
        data = f.read()
    return b"__asan_init" in data or b"__tsan_init" in data


def run(source, limit_mb=None, timeout=120):
    def limit():
        if limit_mb is not None:
            resource.setrlimit(resource.RLIMIT_AS, (limit_mb << 20, limit_mb << 20))
    r = subprocess.run([GILVM, "-c", REPORT + source], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, timeout=timeout, preexec_fn=limit)
    return r.returncode, r.stdout, r.stderr


class OutOfMemory(unittest.TestCase):
    def check(self, source, expected, limit_mb=None):
        if limit_mb is not None and sanitized():
            self.skipTest("address-space limits do not apply to sanitizer builds")
        rc, out, err = run(source, limit_mb)
        self.assertEqual((rc, out), (0, expected), err)

    def test_growing_list(self):
        source = ("def grow():\n    items = []\n    while True:\n        items.append([1, 2, 3])\n"
                  "report('grow', grow)\n"
                  "print(len([[i] for i in range(10 ** 6)]))\n")
        self.check(source, "grow MemoryError MemoryError()\n1000000\n", limit_mb=1000)

    def test_huge_repetitions(self):
        source = ("report('list', lambda: [0] * 10 ** 10)\n"
                  "report('str', lambda: 'a' * 10 ** 12)\n"
                  "report('list under the limit', lambda: [0] * (2 * 10 ** 8))\n"
                  "report('bytes', lambda: b'a' * (2 * 10 ** 9))\n"
                  "report('bytes(n)', lambda: bytes(2 * 10 ** 9))\n"
                  "report('str join', lambda: ''.join(['ab' * 10 ** 6] * 1000))\n")
        expected = "".join(label + " MemoryError MemoryError()\n" for label in
                           ("list", "str", "list under the limit", "bytes", "bytes(n)", "str join"))
        self.check(source, expected, limit_mb=1000)

    def test_big_int_allocation_fails(self):
        # GMP's own allocations fail: a MemoryError, not "GNU MP: Cannot allocate memory".
        source = ("report('shift', lambda: 1 << (8 * 10 ** 9))\n"
                  "x = 1 << (2 * 10 ** 9)\n"
                  "report('mul', lambda: x * x)\n"
                  "report('pow', lambda: x ** 3)\n"
                  "print((x >> (2 * 10 ** 9 - 3)) + 1)\n")
        expected = "shift MemoryError MemoryError()\nmul MemoryError MemoryError()\npow MemoryError MemoryError()\n9\n"
        self.check(source, expected, limit_mb=700)

    def test_ints_too_large_for_any_machine(self):
        # CPython would compute these for minutes before failing; gilvm
        # refuses them up front from the result's size.
        source = ("import math\n"
                  "report('2**(2**40)', lambda: 2 ** (2 ** 40))\n"
                  "report('10**10**12', lambda: 10 ** 10 ** 12)\n"
                  "report('pow', lambda: pow(10, 10 ** 11))\n"
                  "report('factorial', lambda: math.factorial(10 ** 12))\n"
                  "report('2**2**64', lambda: 2 ** 2 ** 64)\n"
                  "report('big ** n', lambda: (1 << 2 ** 20) ** (2 ** 20))\n")
        expected = "".join(label + " MemoryError MemoryError()\n" for label in
                           ("2**(2**40)", "10**10**12", "pow", "factorial", "2**2**64", "big ** n"))
        self.check(source, expected)


if __name__ == "__main__":
    GILVM = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
