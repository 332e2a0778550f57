# A generator suspended in `yield from` on a non-generator iterator: close()
# calls the delegate's close() (if any), and throw() hands the delegate's
# throw() its arguments unchecked (through nested generators too).


class Closable:
    def __init__(self, fail=False):
        self.fail = fail

    def __iter__(self):
        return self

    def __next__(self):
        return 1

    def close(self):
        print("delegate close")
        if self.fail:
            raise ValueError("close failed")


class Thrower:
    def __iter__(self):
        return self

    def __next__(self):
        return 1

    def throw(self, *args):
        print("delegate throw", args)
        if args and args[0] == "stop":
            raise StopIteration("done")
        if args and args[0] == "raise":
            raise KeyError("from throw")
        return 456


class Plain:
    def __iter__(self):
        return self

    def __next__(self):
        return 1


def delegating(it):
    try:
        r = yield from it
        print("yield from returned", r)
        yield "after"
    except GeneratorExit:
        print("GeneratorExit at the yield from")
        raise
    except Exception as e:
        print("caught", type(e).__name__, e)
        yield "caught"


def nested(it):
    r = yield from delegating(it)
    return r


def run(label, it, action):
    print("--", label)
    g = delegating(it)
    print(next(g))
    try:
        print("->", action(g))
    except BaseException as e:
        print("raised", type(e).__name__, e)
    # Closed here, not by the collector, so the output is deterministic.
    try:
        g.close()
    except BaseException as e:
        print("final close raised", type(e).__name__, e)


run("close forwards", Closable(), lambda g: g.close())
run("close error replaces GeneratorExit", Closable(fail=True), lambda g: g.close())
run("close without close()", Plain(), lambda g: g.close())
run("close does not call throw()", Thrower(), lambda g: g.close())
run("throw a non-exception", Thrower(), lambda g: g.throw(123))
run("throw a class", Thrower(), lambda g: g.throw(ZeroDivisionError))
run("throw a class and value", Thrower(), lambda g: g.throw(ValueError, 5))
run("throw an instance", Thrower(), lambda g: g.throw(ValueError("x")))
run("delegate throw ends it", Thrower(), lambda g: g.throw("stop"))
run("delegate throw raises", Thrower(), lambda g: g.throw("raise"))
run("throw GeneratorExit", Thrower(), lambda g: g.throw(GeneratorExit))
run("no throw(): a class", Plain(), lambda g: g.throw(ValueError))
run("no throw(): a non-exception", Plain(), lambda g: g.throw(123))

print("-- nested")
g = nested(Thrower())
print(next(g))
print(g.throw(123))
print(g.throw("stop"))
g.close()

print("-- suspended still usable after a rejected throw")
g = delegating(Plain())
print(next(g))
try:
    g.throw(123)
except TypeError as e:
    print("TypeError", e)
print(next(g))
g.close()
