# ExceptionGroup / BaseExceptionGroup (construction, split, subgroup,
# derive, str/repr) and except* (matching, nesting, naked exceptions,
# re-raising, new raises, errors).
import sys


def leaves(e):
    if isinstance(e, BaseExceptionGroup):
        return [x for sub in e.exceptions for x in leaves(sub)]
    return [repr(e)]


eg = ExceptionGroup("outer", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
print(repr(eg))
print(str(eg), eg.message, len(eg.exceptions), type(eg.exceptions).__name__, eg.args[0])
print(ExceptionGroup.__mro__)
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
print(type(BaseExceptionGroup("m", [ValueError()])).__name__, type(BaseExceptionGroup("m", [KeyboardInterrupt()])).__name__)
print(str(ExceptionGroup("one", [ValueError()])))

match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(eg.split((KeyError, TypeError))[0])
print(eg.split(lambda e: isinstance(e, LookupError)))
print(repr(eg.subgroup(lambda e: getattr(e, "args", (0,))[0] == 3)))
print(eg.subgroup(OSError), eg.split(BaseException)[0] is eg)
print(repr(eg.derive([ZeroDivisionError()])))

for args in [("m",), ("m", [ValueError()], 1), (1, [ValueError()]), ("m", ValueError()), ("m", []), ("m", [1]),
             ("m", {"a": ValueError()})]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError", e)
try:
    eg.split(42)
except TypeError as e:
    print("TypeError", e)


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)


mg = MyGroup("mine", [ValueError(1), TypeError(2)])
print(repr(mg.split(ValueError)[0]), repr(mg.split(ValueError)[1]))

# except* ---------------------------------------------------------------
def raise_group():
    raise ExceptionGroup("many", [ValueError("a"), TypeError("b"), ValueError("c"), OSError("d")])


try:
    try:
        raise_group()
    except* ValueError as e:
        print("ValueErrors:", repr(e), sys.exc_info()[1] is e)
    except* TypeError as e:
        print("TypeErrors:", repr(e))
except ExceptionGroup as e:
    print("left over:", repr(e), e.message)

try:
    raise ValueError("naked")
except* ValueError as e:
    print("naked caught as", repr(e))

try:
    try:
        raise KeyError("k")
    except* ValueError:
        print("not reached")
except KeyError as e:
    print("naked passes through", repr(e))

try:
    try:
        raise_group()
    except* ValueError:
        raise
    except* TypeError:
        pass
except ExceptionGroup as e:
    print("re-raised:", leaves(e), e.message)

try:
    try:
        raise_group()
    except* ValueError:
        raise RuntimeError("new")
    except* (TypeError, OSError) as e:
        print("tuple clause:", leaves(e))
except ExceptionGroup as e:
    print("new raise:", repr(e))
    print("its context:", repr(e.exceptions[0].__context__))
except RuntimeError as e:
    print("single new raise:", repr(e))

try:
    try:
        raise_group()
    except* ValueError:
        raise RuntimeError("new")
except ExceptionGroup as e:
    print("new and rest:", [type(x).__name__ for x in e.exceptions], leaves(e.exceptions[1]))

try:
    try:
        raise ValueError(1)
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("naked re-raise gives", repr(e))

try:
    raise ExceptionGroup("nested", [ExceptionGroup("deep", [ValueError(1), ZeroDivisionError()]), TypeError()])
except* ZeroDivisionError as e:
    print("deep match keeps shape:", repr(e))
except* (ValueError, TypeError) as e:
    print("rest:", repr(e))
else:
    print("not here")


def handled_all():
    try:
        raise_group()
    except* (ValueError, TypeError, OSError):
        return_value = "handled"
    return return_value


print(handled_all())

try:
    pass
except* ValueError:
    pass
else:
    print("else runs")
finally:
    print("finally runs")

for bad in ("ExceptionGroup", "(ValueError, ExceptionGroup)"):
    try:
        try:
            raise ValueError()
        except* eval(bad):
            pass
    except TypeError as e:
        print("TypeError", e)

for src in ["try:\n    pass\nexcept* ValueError:\n    return\n",
            "for x in y:\n    try:\n        pass\n    except* ValueError:\n        break\n",
            "try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n",
            "try:\n    pass\nexcept*:\n    pass\n"]:
    try:
        compile(src, "<src>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg)

# A loop inside an except* body may break.
try:
    raise ValueError()
except* ValueError:
    for i in range(3):
        if i == 1:
            break
    print("broke at", i)
