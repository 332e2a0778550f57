# Exceptions: handlers, else/finally, chaining, re-raise, custom classes.
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code

def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise AppError(42, "app failed")
    if n == 2:
        return 1 / 0
    return n

for n in range(4):
    try:
        r = risky(n)
    except (ValueError, ZeroDivisionError) as e:
        print("caught", type(e).__name__, e)
    except AppError as e:
        print("app", e.code, e, e.args)
    else:
        print("ok", r)
    finally:
        print("finally", n)

def finally_return():
    try:
        return "try"
    finally:
        print("cleanup runs")
print(finally_return())

def loop_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_finally())

try:
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__ if hasattr(e, "__suppress_context__") else True)

try:
    try:
        [][1]
    except IndexError:
        raise TypeError("during")
except TypeError as e:
    print(repr(e), type(e.__context__).__name__)

def reraise():
    try:
        int("x")
    except ValueError:
        print("logging")
        raise
try:
    reraise()
except ValueError as e:
    print("re-raised:", e)

try:
    raise AppError
except TypeError as e:
    print("TypeError:", e)

try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)

e_saved = None
try:
    raise KeyError("k")
except KeyError as e:
    e_saved = e
print(repr(e_saved), str(e_saved))
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)

def gen_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
g = gen_cleanup()
print(next(g))
g.close()

try:
    undefined_name
except NameError as e:
    print(e)
def local_unbound():
    print(v)
    v = 1
try:
    local_unbound()
except UnboundLocalError as e:
    print(e)
try:
    raise StopIteration
except Exception as e:
    print("StopIteration is an Exception:", type(e).__name__)
print(issubclass(KeyError, LookupError), isinstance(ValueError("x"), Exception))
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    None.x
except AttributeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    5()
except TypeError as e:
    print(e)
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(e)
