# An uncaught exception's report honours sys.tracebacklimit: only the
# innermost entries of each traceback in the chain.
import sys


def f0():
    raise ValueError("inner")


def f1():
    f0()


def f2():
    try:
        f1()
    except ValueError as e:
        raise KeyError("outer") from e


def f3():
    f2()


sys.tracebacklimit = 2
print("before")
f3()
