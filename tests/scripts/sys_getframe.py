# sys._getframe: the caller chain through f_back, with code, line, globals
# and module-level locals as they were when the snapshot was taken.
import sys


def names_up(depth=0):
    out = []
    f = sys._getframe(depth + 1)
    while f is not None:
        out.append((f.f_code.co_name, f.f_lineno, f.f_globals is globals()))
        f = f.f_back
    return out


def outer():
    return inner()


def inner():
    return names_up(), names_up(1), sys._getframe(1).f_code.co_name


print(outer())
top = sys._getframe()
print(top.f_back, top.f_code.co_name, top.f_locals is globals(), type(top).__name__)
try:
    sys._getframe(100)
except ValueError as e:
    print("ValueError:", e)


def deep(n):
    if n == 0:
        f = sys._getframe()
        count = 0
        while f is not None:
            count += 1
            f = f.f_back
        return count
    return deep(n - 1)


print(deep(300))
