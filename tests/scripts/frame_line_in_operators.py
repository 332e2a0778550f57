# sys._getframe(1).f_lineno seen from dunder methods that operators call
# (comparison, `in`, arithmetic, f-string formatting) names the line doing
# the operation, as the warnings module needs for a warning's location.
import sys


class Probe:
    def __eq__(self, other):
        print("eq from line", sys._getframe(1).f_lineno)
        return True

    def __lt__(self, other):
        print("lt from line", sys._getframe(1).f_lineno)
        return False

    def __contains__(self, item):
        print("contains from line", sys._getframe(1).f_lineno)
        return False

    def __add__(self, other):
        print("add from line", sys._getframe(1).f_lineno)
        return 1

    def __format__(self, spec):
        print("format from line", sys._getframe(1).f_lineno)
        return "p"

    __hash__ = object.__hash__


p = Probe()
print("start")
a = p == 1
b = p < 2
c = 3 in p
d = p + 4
e = f"{p}"
f = [0, p].index(p)
print(a, b, c, d, e, f)
