"""Catastrophic regular expressions end in a Python error, not a hang or a
crash: PCRE2's match limit turns runaway backtracking into RuntimeError
(CPython would run for years), while deep but linear matches still
succeed. gilvm-only behaviour, so no CPython twin. Run as
`python3 test_re_limits.py PATH_TO_GILVM`."""
import os
import subprocess
import sys
import unittest

GILVM = None

SCRIPT = r"""
import re
for p, s in [(r'(a+)+$', 'a' * 40 + 'b'), (r'(x+x+)+y', 'x' * 60), (r'(\w*)*\d', 'a' * 5000)]:
    try:
        print(re.match(p, s))
    except RuntimeError as e:
        print('RuntimeError')
print(re.search(r'(a|b)*c', 'ab' * 100000 + 'c').end())
print(len(re.findall(r'((a|b)(c|d)?)+', 'abcd' * 50000)))
"""


class RegexLimits(unittest.TestCase):
    def test_runaway_backtracking_raises(self):
        r = subprocess.run([GILVM, "-c", SCRIPT], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertEqual(lines[0], "RuntimeError")
        self.assertIn(lines[1], ("RuntimeError", "None"))
        self.assertIn(lines[2], ("RuntimeError", "None"))
        self.assertEqual(lines[3:], ["200001", "50000"])


if __name__ == "__main__":
    GILVM = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
