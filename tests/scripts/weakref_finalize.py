# weakref.finalize (called once: on collection, on call or at exit) and
# weakref.WeakMethod. Deaths are counted with a margin (see weakref_ref.py).
import gc
import re
import weakref


def show(text):
    return re.sub(r"0x[0-9a-f]+", "ADDR", text)


class Obj:
    def __init__(self, n):
        self.n = n

    def method(self):
        return "method of %d" % self.n


log = []

# Called explicitly: runs once, then is dead.
kept = Obj(1)
f = weakref.finalize(kept, log.append, "explicit")
print(f.alive, f.atexit, show(repr(f)))
print(f.peek() == (kept, log.append, ("explicit",), {}))
print(f(), f(), log, f.alive, f.peek(), f.detach(), show(repr(f)))

# Return value and keyword arguments.
g = weakref.finalize(kept, lambda a, b=0: a + b, 1, b=2)
print(g.peek()[2:], g())

# detach: unregistered, gives back the object and the call.
log.clear()
h = weakref.finalize(kept, log.append, "detached")
obj, func, args, kwargs = h.detach()
print(obj is kept, func == log.append, args, kwargs, h.alive, h.detach(), h())
print(log)


# On collection: each runs once, after the collection.
def make_finalized(n):
    return [weakref.finalize(Obj(i), log.append, "collected") for i in range(n)]


log.clear()
fins = make_finalized(20)
gc.collect()
gc.collect()
print(log.count("collected") >= 18, sum(not f.alive for f in fins) == log.count("collected"))
print([f() for f in fins if not f.alive][:1], log.count("collected") <= 20)


# A finalizer keeps no strong reference to its object, but keeps its
# arguments alive.
def make_with_argument():
    target = Obj(5)
    argument = Obj(6)
    fin = weakref.finalize(target, log.append, argument)
    return fin, weakref.ref(argument)


log.clear()
pairs = [make_with_argument() for i in range(10)]
gc.collect()
gc.collect()
print(sum(1 for fin, ref in pairs if not fin.alive) >= 8, all(ref() is not None for fin, ref in pairs))

# An exception in a finalizer called by the collector is reported only.
def fail(message):
    raise ValueError(message)


def make_failing(n):
    return [weakref.finalize(Obj(i), fail, "boom") for i in range(n)]


failing = make_failing(3)
gc.collect()
print("after failing finalizers")

# WeakMethod
o = Obj(7)
wm = weakref.WeakMethod(o.method)
print(wm().__self__ is o, wm()(), wm == weakref.WeakMethod(o.method), hash(wm) == hash(o))
print(isinstance(wm, weakref.ref), weakref.WeakMethod.__mro__[1] is weakref.ref)
for bad in (len, Obj.method, 5):
    try:
        weakref.WeakMethod(bad)
    except TypeError as e:
        print("TypeError:", e)


def make_weak_methods(n, callback):
    return [weakref.WeakMethod(Obj(i).method, callback) for i in range(n)]


log.clear()
wms = make_weak_methods(20, log.append)
gc.collect()
gc.collect()
dead = [w for w in wms if w() is None]
print(len(dead) >= 18, len(log) == len(dead), all(any(x is w for w in dead) for x in log))
print(dead[0] == dead[0], dead[0] == dead[1], dead[0] != dead[1])


# At exit: the ones still alive with atexit set run, newest first.
class Resource:
    pass


resources = [Resource() for i in range(3)]
for i, r in enumerate(resources):
    weakref.finalize(r, print, "exit finalizer", i)
quiet = weakref.finalize(resources[0], print, "never printed")
quiet.atexit = False
print(quiet.atexit, quiet.alive)
print("end of script")
