# The with statement over the shapes __enter__ and __exit__ take: Python
# methods, native methods, static and class methods, callables that are
# not descriptors; suppression, return/break/continue through the block,
# errors in __enter__ and __exit__, generators closed inside a block, and
# async with.
import asyncio
import threading


class Log:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.suppress


def returns_inside():
    with Log("r") as log:
        return log.name + "!"


def loop_exits():
    for i in range(3):
        with Log("loop%d" % i):
            if i == 0:
                continue
            if i == 1:
                break
    return i


print(returns_inside())
print(loop_exits())
with Log("s", suppress=True):
    raise ValueError("hidden")
print("after suppress")
try:
    with Log("a"), Log("b"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))


class VarExit:
    def __enter__(self):
        return "var"

    def __exit__(self, *args):
        print("varexit", len(args), args[0] is None)


with VarExit() as v:
    print(v)


class Static:
    __enter__ = staticmethod(lambda: "static enter")
    __exit__ = staticmethod(lambda *a: print("static exit", len(a)))


class ClassLevel:
    @classmethod
    def __enter__(cls):
        return cls.__name__

    @classmethod
    def __exit__(cls, *a):
        print("classmethod exit", cls.__name__, len(a))


class CallableExit:
    def __call__(self, *a):
        print("callable exit", len(a))


class NotDescriptor:
    def __enter__(self):
        return "nd"

    __exit__ = CallableExit()


for mgr in (Static(), ClassLevel(), NotDescriptor()):
    with mgr as got:
        print(got)

# Native context managers.
lock = threading.Lock()
with lock:
    print("locked", lock.locked())
print("unlocked", not lock.locked())
rlock = threading.RLock()
with rlock, rlock:
    print("rlock twice")
try:
    with lock:
        raise RuntimeError("inside lock")
except RuntimeError:
    print("released after error", not lock.locked())

# __enter__ and __exit__ are looked up on the type, not the instance.
inst = Log("inst")
inst.__enter__ = lambda: print("instance enter (never)")
with inst:
    pass


class GenEnter:
    def __enter__(self):
        yield 1

    def __exit__(self, *a):
        return None


with GenEnter() as g:
    print(type(g).__name__, next(g))


class BadEnter:
    def __enter__(self):
        raise OSError("enter failed")

    def __exit__(self, *a):
        print("never")


try:
    with BadEnter():
        print("never")
except OSError as e:
    print("enter error", e)


class BadExit:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise LookupError("exit failed")


try:
    with BadExit():
        raise ValueError("body")
except LookupError as e:
    print("exit error", e, "context", repr(e.__context__))

for bad in (object(), 3, Log):
    try:
        with bad:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


def gen():
    with Log("gen"):
        yield 1
        yield 2


it = gen()
print(next(it))
it.close()


class AsyncLog:
    async def __aenter__(self):
        print("aenter")
        return "avalue"

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", exc_type.__name__ if exc_type else None)
        return True


async def main():
    async with AsyncLog() as value:
        print(value)
        raise KeyError("async")
    async with AsyncLog():
        return "returned"


print(asyncio.run(main()))
