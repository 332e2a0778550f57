# inspect's is* predicates on functions, generators, coroutines, async
# generators, classes, modules, builtins, descriptors, code, frames and
# tracebacks; the CO_* flags and generator/coroutine states.
import abc
import asyncio
import functools
import inspect
import sys
import types


def plain(a, b=1):
    return a + b


def gen_function():
    yield 1


async def coro_function():
    return 1


async def agen_function():
    yield 1


class Thing:
    attr = 3

    def method(self):
        return self

    @classmethod
    def cmethod(cls):
        return cls

    @staticmethod
    def smethod():
        return None

    @property
    def prop(self):
        return 1

    def __call__(self):
        return 2


class Descriptor:
    def __get__(self, obj, owner=None):
        return 1


class DataDescriptor:
    def __get__(self, obj, owner=None):
        return 1

    def __set__(self, obj, value):
        pass


class Base(abc.ABC):
    @abc.abstractmethod
    def must(self):
        pass


class Concrete(Base):
    def must(self):
        return 1


gen = gen_function()
coro = coro_function()
agen = agen_function()
thing = Thing()
partial_coro = functools.partial(coro_function)
try:
    raise ValueError
except ValueError as e:
    tb = e.__traceback__

samples = [
    ("plain", plain), ("lambda", lambda: 0), ("gen_function", gen_function), ("gen", gen),
    ("coro_function", coro_function), ("coro", coro), ("agen_function", agen_function), ("agen", agen),
    ("Thing", Thing), ("thing", thing), ("thing.method", thing.method),
    ("Thing.method", Thing.method), ("Thing.cmethod", Thing.cmethod), ("Thing.smethod", Thing.smethod),
    ("prop descriptor", Thing.__dict__["prop"]), ("Descriptor()", Descriptor()),
    ("DataDescriptor()", DataDescriptor()), ("len", len), ("[].append", [].append), ("sys", sys),
    ("code", plain.__code__), ("frame", sys._getframe()), ("tb", tb), ("int", int), ("3", 3),
    ("partial coro", partial_coro), ("Base", Base), ("Concrete", Concrete),
]
predicates = ["iscoroutinefunction", "iscoroutine", "isawaitable", "isasyncgenfunction", "isasyncgen",
              "isgeneratorfunction", "isgenerator", "isfunction", "ismethod", "isclass", "ismodule",
              "isbuiltin", "isroutine", "isabstract", "iscode", "isframe", "istraceback",
              "isdatadescriptor", "ismethoddescriptor"]
for label, obj in samples:
    true = [name for name in predicates if getattr(inspect, name)(obj)]
    print(label + ":", " ".join(true))

coro.close()

print([(name, getattr(inspect, name)) for name in sorted(dir(inspect)) if name.startswith("CO_")])
print(inspect.GEN_CREATED, inspect.GEN_RUNNING, inspect.GEN_SUSPENDED, inspect.GEN_CLOSED)
print(inspect.CORO_CREATED, inspect.CORO_RUNNING, inspect.CORO_SUSPENDED, inspect.CORO_CLOSED)
flags = plain.__code__.co_flags
print(bool(flags & inspect.CO_OPTIMIZED), bool(flags & inspect.CO_NEWLOCALS), bool(flags & inspect.CO_GENERATOR))
print(bool(gen_function.__code__.co_flags & inspect.CO_GENERATOR),
      bool(coro_function.__code__.co_flags & inspect.CO_COROUTINE),
      bool(agen_function.__code__.co_flags & inspect.CO_ASYNC_GENERATOR))


def varargs(*a, **k):
    pass


print(bool(varargs.__code__.co_flags & inspect.CO_VARARGS), bool(varargs.__code__.co_flags & inspect.CO_VARKEYWORDS))


def states():
    out = []

    def watcher():
        out.append(inspect.getgeneratorstate(g))
        yield 1
        yield 2

    g = watcher()
    out.append(inspect.getgeneratorstate(g))
    next(g)
    out.append(inspect.getgeneratorstate(g))
    out.append(g.gi_frame is not None)
    g.close()
    out.append(inspect.getgeneratorstate(g))
    out.append(g.gi_frame)
    done = watcher()
    list(done)
    out.append(inspect.getgeneratorstate(done))
    return out


print(states())


async def sleeper(log, get):
    log.append(inspect.getcoroutinestate(get()))
    await asyncio.sleep(0)
    return 5


async def main():
    log = []
    c = sleeper(log, lambda: c)
    log.append(inspect.getcoroutinestate(c))
    task = asyncio.ensure_future(c)
    await asyncio.sleep(0)
    log.append(inspect.getcoroutinestate(c))
    await task
    log.append(inspect.getcoroutinestate(c))
    log.append(c.cr_frame)
    return log


print(asyncio.run(main()))
unused = coro_function()
print(inspect.getcoroutinestate(unused), unused.cr_frame is not None, unused.cr_code.co_name)
unused.close()
print(inspect.getcoroutinestate(unused))
print(gen_function().gi_code.co_name, agen.ag_code.co_name, agen.ag_frame is not None)
try:
    inspect.getgeneratorstate(3)
except AttributeError as e:
    print("AttributeError:", e)
