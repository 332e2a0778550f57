# Code object attributes inspect reads (co_argcount, co_posonlyargcount,
# co_kwonlyargcount, co_varnames, co_nlocals, co_cellvars, co_freevars,
# co_qualname, co_flags) and the generator attributes behind
# getgeneratorstate (gi_frame, gi_code, gi_suspended, cr_*, ag_*).
import types


def full(a, b, /, c, d=1, *args, e, f=2, **kwargs):
    local = a
    return local


def outer(x):
    y = 1

    def inner(z):
        return x + y + z
    return inner


class Holder:
    def method(self, n):
        return n


code = full.__code__
print(code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount)
print(code.co_varnames, code.co_nlocals)
print(code.co_name, code.co_qualname, Holder.method.__code__.co_qualname)
print(sorted(outer.__code__.co_cellvars), outer.__code__.co_freevars)
inner = outer(1)
print(inner.__code__.co_freevars, inner.__code__.co_cellvars, inner.__code__.co_qualname)
print(inner.__code__.co_flags & 0x10 != 0, full.__code__.co_flags & 0xC)
print("co_names" in dir(code), isinstance(code.co_names, tuple))


def counter():
    yield 1
    yield 2


g = counter()
print(g.gi_running, g.gi_suspended, g.gi_code is counter.__code__, type(g.gi_frame) is types.FrameType)
print(g.gi_frame.f_code is counter.__code__, g.gi_frame.f_back)
next(g)
print(g.gi_suspended, g.gi_frame.f_lineno)
list(g)
print(g.gi_suspended, g.gi_frame, g.gi_running)


def running_state():
    def body():
        yield (gen.gi_running, gen.gi_suspended)
    gen = body()
    return next(gen)


print(running_state())


async def work():
    return 1


c = work()
print(c.cr_running, c.cr_suspended, c.cr_code.co_name, c.cr_frame.f_code.co_name)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
print(c.cr_frame, c.cr_suspended)


async def agen():
    yield 1


a = agen()
print(a.ag_running, a.ag_code.co_name, a.ag_frame.f_code.co_name)
