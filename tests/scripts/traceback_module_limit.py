# traceback's format/print functions honour `limit` and sys.tracebacklimit:
# the first `limit` frames of each traceback (the last ones for a negative
# limit), and no "Traceback" header when none is left.
import io
import sys
import traceback


def show(lines):
    for chunk in lines:
        for line in chunk.splitlines():
            if line.startswith("  File "):
                parts = line.split('"')
                print("  File", parts[2].strip())
            elif not line.startswith("    "):
                print(line)
    print("--")


def f0():
    raise ValueError("value")


def f1():
    f0()


def f2():
    f1()


def chained():
    try:
        f2()
    except ValueError as e:
        raise KeyError("outer") from e


def caught(fn):
    try:
        fn()
    except Exception as e:
        return e


err = caught(f2)
for limit in (None, 3, 1, 0, -1, -2, -10):
    print("limit", limit)
    show(traceback.format_exception(err, limit=limit))

outer = caught(chained)
print("chained, limit 2")
show(traceback.format_exception(outer, limit=2))
print("chained, limit -1")
show(traceback.format_exception(type(outer), outer, outer.__traceback__, limit=-1))

for value in (2, 0, -3):
    sys.tracebacklimit = value
    print("sys.tracebacklimit", value)
    show(traceback.format_exception(err))
    buf = io.StringIO()
    traceback.print_exception(err, file=buf)
    show([buf.getvalue()])
    try:
        f1()
    except ValueError:
        show([traceback.format_exc()])
print("explicit limit wins")
show(traceback.format_exception(err, limit=1))
del sys.tracebacklimit
show(traceback.format_exception(err))
