# inspect's source, doc, module and stack functions: getsource,
# getsourcelines, getfile, getsourcefile, getdoc, cleandoc, getmodule,
# getmembers, getmro, unwrap, currentframe, stack, and their errors.
import functools
import inspect
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def base(path):
    return os.path.basename(path)


def documented(a, b=(1,
                     2)):
    """First line.

        Indented more.
    Back to the margin.
    """
    text = """a string
that goes back to column zero"""
    if a:
        return text

    # a comment inside
    return b


def one_liner(x): return x * 2


@functools.lru_cache(maxsize=None)
def cached(n):
    return n


def trace_calls(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


@trace_calls
def decorated(value):
    """Doubles."""
    return value * 2


class Shape:
    """A shape.

    With details.
    """

    sides = 0

    def area(self):
        """The area."""
        return 0

    class Inner:
        def deep(self):
            return "deep"

    def _private(self):
        pass


class Square(Shape):
    sides = 4

    def area(self):
        return 1


def after_classes():
    pass


print(inspect.getsource(documented), end="")
lines, start = inspect.getsourcelines(documented)
print(start, len(lines))
print(inspect.getsource(one_liner), end="")
print(inspect.getsource(decorated), end="")
print(inspect.getsourcelines(decorated)[1])
print(inspect.getsource(Shape.area), end="")
print(inspect.getsource(Shape.Inner), end="")
print(inspect.getsource(Shape.Inner.deep), end="")
print(inspect.getsource(Square), end="")
print(inspect.getsourcelines(Square)[1], inspect.getsourcelines(Shape)[1])
print(inspect.getsource(Square().area), end="")
print(inspect.getsource(lambda: 0).strip())
print(base(inspect.getfile(documented)), base(inspect.getsourcefile(documented)))
print(base(inspect.getfile(Shape)), base(inspect.getfile(Square().area)))
print(base(inspect.getfile(documented.__code__)), base(inspect.getfile(sys._getframe())))
module = sys.modules[__name__]
print(base(inspect.getfile(module)), inspect.getmodule(documented) is module, inspect.getmodule(Shape) is module)
print(inspect.getmodule(inspect.signature) is inspect, inspect.getmodule(module) is module)
for bad in (3, sys, int, "text"):
    try:
        inspect.getfile(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    inspect.getsource(len)
except TypeError as e:
    print("TypeError:", e)
whole = inspect.getsource(module)
print(whole.splitlines()[0])
print(inspect.getsourcelines(module)[1])

print(repr(inspect.getdoc(documented)))
print(repr(inspect.getdoc(Shape)))
print(repr(inspect.getdoc(Square)))
print(repr(inspect.getdoc(Square.area)), repr(inspect.getdoc(Square().area)))
print(repr(inspect.getdoc(decorated)), repr(inspect.getdoc(after_classes)))
print(repr(inspect.cleandoc("  first\n      second\n    third\n\n")))
print(repr(inspect.cleandoc("\n\n  only\n\tTabbed\n")))
print(repr(inspect.cleandoc("")))

print(inspect.getmro(Square) == (Square, Shape, object))
print([name for name, value in inspect.getmembers(Square) if not name.startswith("__")])
print([(name, value.__qualname__) for name, value in inspect.getmembers(Square, inspect.isfunction)])
print([name for name, _ in inspect.getmembers(Square(), inspect.ismethod)])
print([(n, v) for n, v in inspect.getmembers(Square) if n == "sides"])
print([name for name, _ in inspect.getmembers(module, inspect.isclass)])

print(inspect.unwrap(decorated) is decorated.__wrapped__, inspect.unwrap(documented) is documented)
print(inspect.unwrap(cached) is cached.__wrapped__)
print(inspect.unwrap(decorated, stop=lambda f: True) is decorated)


class Loop:
    pass


looped = Loop()
looped.__wrapped__ = looped
try:
    inspect.unwrap(looped)
except ValueError as e:
    print("ValueError:", str(e).split(" at ")[0].split(" object")[0])


def where_am_i():
    line = inspect.currentframe().f_lineno
    frame = inspect.currentframe()
    return frame.f_code.co_name, line, frame.f_back.f_code.co_name


print(where_am_i())


def level_two():
    return inspect.stack()


def level_one():
    return level_two()


records = level_one()
for record in records[:3]:
    print(base(record.filename), record.lineno, record.function, record.code_context, record.index)
print(records[0].frame.f_code.co_name, records[0][3], len(records[0]))
print(inspect.isframe(records[0].frame), records[-1].function)
info = inspect.getframeinfo(sys._getframe())
print(base(info.filename), info.lineno, info.function, info.code_context)
try:
    raise KeyError("x")
except KeyError as e:
    inner = inspect.getinnerframes(e.__traceback__)
    print([(r.function, r.lineno) for r in inner])
    print(base(inspect.getfile(e.__traceback__)), inspect.getsourcelines(e.__traceback__)[1])
