# traceback: format_exc, print_exc, format_exception (new and old
# signatures), format_exception_only and print_exception, with chaining.
import sys
import traceback

HERE = __file__


def show(text):
    print(text.replace(HERE, "FILE"), end="")


def add(x):
    return x + None


try:
    add(1)
except TypeError:
    show(traceback.format_exc())

try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    parts = traceback.format_exception(e)
    print(len(parts))
    show("".join(parts))
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))
    print(traceback.format_exception(type(e), e, e.__traceback__) == parts)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        [].pop()
except IndexError as e:
    parts = traceback.format_exception(e)
    print(len(parts), parts[3].strip())

print(repr(traceback.format_exc()))
print(traceback.format_exception(None))


class Loud(Exception):
    pass


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def text(self):
        return "".join(self.parts)



try:
    raise Loud("custom")
except Loud:
    out = Collector()
    traceback.print_exc(file=out)
    show(out.text())
    line = traceback.format_exc().splitlines()[-1]
    print(line)
try:
    raise SystemExit(3)
except SystemExit as e:
    out = Collector()
    traceback.print_exception(e, file=out)
    show(out.text())
