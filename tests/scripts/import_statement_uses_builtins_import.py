# The import statement calls builtins.__import__ as it is at the time, with
# (name, globals, locals or None, fromlist, level); deleting it makes
# `import` fail with ImportError.
import builtins

original = builtins.__import__
calls = []


def recording_import(name, globals=None, locals=None, fromlist=(), level=0):
    where = "module globals" if globals is globals_of_module else type(globals).__name__
    if locals is None:
        local_kind = "None"
    elif locals is globals:
        local_kind = "same as globals"
    else:
        local_kind = type(locals).__name__
    calls.append((name, where, local_kind, fromlist, level))
    return original(name, globals, locals, fromlist, level)


globals_of_module = globals()
builtins.__import__ = recording_import
try:
    # Only modules loaded already, so no import runs inside another.
    import sys
    import builtins as b
    from sys import path, modules
    from builtins import len as length

    def inside_function():
        import sys
        from builtins import abs
        return abs(-2)

    print(inside_function())
finally:
    builtins.__import__ = original
for c in calls:
    print(c)


class Fake:
    value = 42


def fake_import(name, globals, locals, fromlist, level):
    print("fake import of", name, fromlist, level)
    return Fake


builtins.__import__ = fake_import
try:
    import anything.at.all
    from nowhere import value
    print(anything, value)
finally:
    builtins.__import__ = original

del builtins.__import__
try:
    import sys
except ImportError as e:
    print("ImportError", e)
finally:
    builtins.__import__ = original
import sys
print(sys.__name__)
