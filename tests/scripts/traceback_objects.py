# Traceback and frame objects: tb_next (read and write), tb_lineno,
# tb_lasti, tb_frame with f_code/f_lineno/f_globals/f_locals, the types
# module's names for them, and the traceback module's walking functions.
import io
import os
import sys
import traceback
import types

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def clean(text):
    return text.replace(HERE, "")


def inner(x):
    return 10 // x


def middle(x):
    value = inner(x)
    return value


def outer():
    return middle(0)


def caught():
    try:
        outer()
    except ZeroDivisionError as e:
        return e


err = caught()
tb = err.__traceback__
print(type(tb).__name__, type(tb) is types.TracebackType, isinstance(tb, types.TracebackType))
entries = []
t = tb
while t is not None:
    f = t.tb_frame
    # The outermost frame went on running after the raise: its f_lineno
    # moved on in CPython, so only the others' are compared.
    entries.append((f.f_code.co_name, t.tb_lineno, f.f_lineno if t is not tb else None,
                    f.f_globals is globals(), type(t.tb_lasti).__name__, t.tb_lasti >= 0))
    t = t.tb_next
for entry in entries:
    print(entry)
print(type(tb.tb_frame) is types.FrameType, tb.tb_frame is tb.tb_frame)
print(isinstance(tb.tb_frame.f_locals, dict))

# A module-level frame's locals are its globals.
try:
    1 / 0
except ZeroDivisionError as e:
    top = e.__traceback__
    print(top.tb_frame.f_code.co_name, top.tb_frame.f_locals is globals(), top.tb_next)

# Class bodies show their namespace.
try:
    class Body:
        marker = 42
        raise KeyError("k")
except KeyError as e:
    body_frame = e.__traceback__.tb_next.tb_frame
    print(body_frame.f_code.co_name, body_frame.f_locals["marker"])

# tb_next can be cut and re-linked, as CPython 3.11 allows.
second = tb.tb_next
tb.tb_next = None
print(tb.tb_next)
tb.tb_next = second
print(tb.tb_next is second)
for bad in (1, "x"):
    try:
        tb.tb_next = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    second.tb_next = tb
except ValueError as e:
    print("ValueError:", e)
try:
    tb.tb_next.tb_next.tb_next = tb
except ValueError as e:
    print("ValueError:", e)
for name in ("tb_lineno", "tb_lasti", "tb_frame"):
    try:
        setattr(tb, name, 1)
    except AttributeError:
        print("AttributeError for", name)

# TracebackType() builds entries by hand.
here = sys._getframe()
made_tb = types.TracebackType(None, here, 0, 5)
print(made_tb.tb_lineno, made_tb.tb_frame is here, made_tb.tb_lasti, made_tb.tb_next)
linked = types.TracebackType(tb_next=made_tb, tb_frame=here, tb_lasti=0, tb_lineno=7)
print(linked.tb_next is made_tb, [line for _, line in traceback.walk_tb(linked)])
for make in (lambda: types.TracebackType(None, here, 0), lambda: types.TracebackType(1, here, 0, 1),
             lambda: types.TracebackType(None, 1, 0, 1), lambda: types.TracebackType(None, here, "a", 1),
             lambda: types.TracebackType(None, here, 0, 1, 2)):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)
try:
    raise ValueError("with a made traceback").with_traceback(made_tb)
except ValueError as e:
    print([line for _, line in traceback.walk_tb(e.__traceback__)])

# An exception's __traceback__ can be replaced, as with with_traceback().
plain = ValueError("x")
print(plain.with_traceback(None) is plain, plain.__traceback__)
for call in (lambda: plain.with_traceback(1), lambda: plain.with_traceback(),
             lambda: setattr(plain, "__traceback__", "s")):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
plain.__traceback__ = made_tb
print(plain.__traceback__ is made_tb)
plain.__traceback__ = None
print(plain.__traceback__)

# sys._getframe and traceback frames are one type.
print(type(sys._getframe()) is type(tb.tb_frame))
print(sys.exc_info()[2])
try:
    raise ValueError("v")
except ValueError:
    print(type(sys.exc_info()[2]).__name__, sys.exc_info()[2].tb_lineno)

# The traceback module walks them.
print([(f.f_code.co_name, line) for f, line in traceback.walk_tb(tb)])
summary = traceback.extract_tb(tb)
print(type(summary).__name__, len(summary))
for fs in summary:
    print(os.path.basename(fs.filename), fs.lineno, fs.name, repr(fs.line))
first = summary[0]
print(clean(repr(first)))
print(first[1:], len(first), list(first)[2:])
print(first == (first.filename, first.lineno, first.name, first.line))
print(len(traceback.extract_tb(tb, limit=1)), traceback.extract_tb(tb, limit=-1)[0].name)
print(clean("".join(traceback.format_tb(tb))), end="")
print(clean("".join(traceback.format_tb(tb, limit=2))), end="")
out = io.StringIO()
traceback.print_tb(tb, file=out)
print(clean(out.getvalue()) == clean("".join(traceback.format_tb(tb))))
print(clean("".join(traceback.format_list([("a.py", 3, "f", "x = 1"), ("b.py", 7, "g", "")]))), end="")
print(traceback.format_list(summary) == traceback.format_tb(tb))
made = traceback.StackSummary.from_list([("a.py", 3, "f", "x = 1")])
print(type(made[0]).__name__, made.format())
fs = traceback.FrameSummary("nowhere.py", 5, "func", line="  y = 2  ")
print(fs.line, fs.locals, repr(fs))


def recurse(n):
    if n == 0:
        raise RecursionError("deep")
    recurse(n - 1)


try:
    recurse(6)
except RecursionError as e:
    print(clean("".join(traceback.format_tb(e.__traceback__))), end="")


def where():
    return traceback.extract_stack()


stack = where()
print([(fs.name, fs.lineno) for fs in stack[-2:]])
print(clean("".join(traceback.format_stack(limit=1))), end="")
walked = list(traceback.walk_stack(sys._getframe()))
print(walked[0][0].f_code.co_name, walked[0][1])

te = traceback.TracebackException.from_exception(err)
print(te.exc_type.__name__, str(te), len(te.stack), te.stack[0].name)
print(clean("".join(te.format())), end="")
print("".join(te.format_exception_only()), end="")
try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    chained = traceback.TracebackException.from_exception(e)
    print(chained.__context__.exc_type.__name__, chained.__cause__, chained.__suppress_context__)
traceback.clear_frames(tb)
print("done")
