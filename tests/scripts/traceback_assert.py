# CPython 3.11's traceback location markers: assert (stderr compared whole).
def check(x):
    assert x == 2, "x is not 2"


def check_flag(flag):
    assert flag


check(2)
try:
    check_flag(False)
except AssertionError:
    print("flag assertion")
check(1)
