# Exception groups print as CPython 3.11's boxed tree: nesting, chaining,
# and groups wider than 15 members.
import traceback
def f():
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
try:
    f()
except Exception:
    print(traceback.format_exc().replace(__file__, "FILE"))
def g():
    try:
        raise KeyError("x")
    except KeyError as e:
        raise ExceptionGroup("outer", [ExceptionGroup("inner", [ValueError(3)]), RuntimeError("r")]) from e
try:
    g()
except Exception:
    print(traceback.format_exc().replace(__file__, "FILE"))
try:
    raise ExceptionGroup("wide", [ValueError(i) for i in range(17)])
except Exception:
    print(traceback.format_exc().replace(__file__, "FILE"))
