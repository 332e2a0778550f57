# types.FunctionType(code, globals, name=None, argdefs=None, closure=None):
# a new function from a code object, with CPython's argument checks.
import types


def show(make):
    try:
        print(repr(make()))
    except Exception as e:
        print(type(e).__name__, e)


def reads_global():
    return a


code = reads_global.__code__
f1 = types.FunctionType(code, {"a": 1})
f2 = types.FunctionType(code, {"a": 2})
print(type(f1) is types.FunctionType, f1(), f2())
print(f1.__name__, f1.__qualname__, f1.__module__, f1.__defaults__)
f3 = types.FunctionType(code, {"a": 3, "__name__": "somewhere"}, "renamed")
print(f3(), f3.__name__, f3.__qualname__, f3.__module__)
print(types.FunctionType(code=code, globals={"a": 4})())


def with_defaults(x, y=2):
    return x + y


g = types.FunctionType(with_defaults.__code__, {}, None, (10, 20))
print(g(), g(1), g.__defaults__)

nested = (lambda: (lambda: a)).__code__
print(types.FunctionType(nested, {"a": 5})()())


def outer():
    x = 1

    def inner():
        return x

    return inner


inner_code = outer().__code__
print(types.FunctionType(inner_code, {}, None, None, outer().__closure__)())

show(lambda: types.FunctionType(None, {}))
show(lambda: types.FunctionType(code, None))
show(lambda: types.FunctionType(code, {}, 5))
show(lambda: types.FunctionType(code, {}, None, [1]))
show(lambda: types.FunctionType(code, {}, None, None, (1,)))
show(lambda: types.FunctionType(code, {}, closure=5))
for cl in (None, (), 5, (1,)):
    show(lambda: types.FunctionType(inner_code, {}, None, None, cl))
