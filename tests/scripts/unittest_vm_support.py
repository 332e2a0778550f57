# What unittest, mock and doctest rely on from the interpreter: bound
# methods read their function's attributes, isinstance follows an
# overridden __class__, sys.displayhook serves compile(..., "single"), and
# modules found through '' on sys.path get an absolute __file__.
import builtins
import os
import sys
import tempfile


class C:
    def method(self):
        return 1


C.method.marker = "set on the function"
bound = C().method
print(bound.marker, getattr(bound, "missing", "default"), hasattr(bound, "marker"))
try:
    bound.missing
except AttributeError as e:
    print(e)
try:
    bound.marker = 2
except AttributeError as e:
    print(e)


class Pretender:
    __class__ = property(lambda self: int)


class Plain:
    pass


print(isinstance(Pretender(), int), isinstance(Pretender(), (str, int)), isinstance(Pretender(), Pretender))
print(isinstance(Plain(), int), Pretender().__class__, type(Pretender()).__name__)

print(sys.displayhook is sys.__displayhook__)
g = {}
exec(compile("6 * 7\n", "<single>", "single"), g)
print(builtins._)
exec(compile("None\n", "<single>", "single"), g)
print(builtins._)
shown = []
sys.displayhook = shown.append
exec(compile("'captured'\n", "<single>", "single"), g)
exec(compile("None\n", "<single>", "single"), g)
sys.displayhook = sys.__displayhook__
print(shown)
sys.__displayhook__("direct")
sys.__displayhook__(None)
try:
    sys.__displayhook__()
except TypeError as e:
    print(type(e).__name__)
del sys.displayhook
try:
    exec(compile("1\n", "<single>", "single"), g)
except RuntimeError as e:
    print(e)
sys.displayhook = sys.__displayhook__

with tempfile.TemporaryDirectory() as folder:
    os.makedirs(os.path.join(folder, "sub"))
    with open(os.path.join(folder, "sub", "found_in_sub.py"), "w") as f:
        f.write("value = 1\n")
    with open(os.path.join(folder, "found_in_cwd.py"), "w") as f:
        f.write("value = 2\n")
    old = os.getcwd()
    os.chdir(folder)
    sys.path[:0] = ["", "sub"]
    try:
        import found_in_cwd
        import found_in_sub
        print(os.path.isabs(found_in_cwd.__file__), os.path.isabs(found_in_sub.__file__))
        print(os.path.relpath(found_in_cwd.__file__, os.path.realpath(folder)),
              os.path.relpath(found_in_sub.__file__, os.path.realpath(folder)))
    finally:
        del sys.path[:2]
        os.chdir(old)
