# sys.tracebacklimit = 0 leaves only the exception line of an uncaught
# exception's report.
import sys


def fail():
    raise RuntimeError("no traceback shown")


sys.tracebacklimit = 0
fail()
