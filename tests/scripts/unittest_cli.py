# python -m unittest (names, file paths, discover with its options) and
# python -m doctest, run in a child interpreter on a folder of test files.
import os
import re
import subprocess
import sys
import tempfile

FILES = {
    "test_top.py": '''
import unittest

class Top(unittest.TestCase):
    def test_one(self):
        self.assertEqual(sum([1, 2]), 3)

    def test_two(self):
        self.assertIn("a", "xyz")
''',
    "pkg/__init__.py": "",
    "pkg/test_inner.py": '''
import unittest

class Inner(unittest.TestCase):
    def test_inner(self):
        pass

    @unittest.skip("later")
    def test_later(self):
        pass
''',
    "pkg/other_check.py": '''
import unittest

class Check(unittest.TestCase):
    def test_check(self):
        pass
''',
    "nopkg/test_hidden.py": '''
import unittest

class Hidden(unittest.TestCase):
    def test_hidden(self):
        pass
''',
    "mod.py": '''
def double(x):
    """
    >>> double(2)
    4
    >>> double("ab")
    'abab'
    >>> double(0)
    1
    """
    return x * 2
''',
    "good.py": '''
def inc(x):
    """
    >>> inc(1)
    2
    """
    return x + 1
''',
    "notes.txt": '''Some text.

>>> 1 + 2
3
>>> print("hi")
hi
''',
}

with tempfile.TemporaryDirectory() as root:
    root = os.path.realpath(root)
    for name, text in FILES.items():
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)

    def run(*args):
        proc = subprocess.run([sys.executable] + list(args), cwd=root, capture_output=True, text=True)
        print("$", *args, "->", proc.returncode)
        for stream in (proc.stdout, proc.stderr):
            text = re.sub(r"Ran (\d+) tests? in \d+\.\d+s", r"Ran \1 tests in TIME", stream)
            print(text.replace(root + os.sep, "ROOT/"), end="")

    run("-m", "unittest", "-v", "test_top")
    run("-m", "unittest", "test_top.Top.test_one")
    run("-m", "unittest", "test_top.py", "-q")
    run("-m", "unittest", "pkg.test_inner")
    run("-m", "unittest")
    run("-m", "unittest", "-v")
    run("-m", "unittest", "discover", "-v", "-s", "pkg")
    run("-m", "unittest", "discover", "-s", "pkg", "-p", "*_check.py", "-v")
    run("-m", "unittest", "discover", "pkg", "other*.py")
    run("-m", "unittest", "-k", "inner", "-v")
    run("-m", "doctest", "good.py")
    run("-m", "doctest", "-v", "good.py")
    run("-m", "doctest", "mod.py")
    run("-m", "doctest", "notes.txt")
    run("-m", "doctest", "-v", "notes.txt")
