# __del__ runs once, after the object became unreachable and a collection
# found it: for cycles as for plain garbage, under gc.collect().
import gc

log = []


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)


def drop_cycle(name):
    a = Tracked(name + "-a")
    b = Tracked(name + "-b")
    a.other, b.other = b, a


drop_cycle("cycle")
Tracked("plain")
gc.collect()
print(sorted(log))

# Objects a finalizer reaches are intact while it runs.
class Holder:
    def __init__(self):
        self.items = [Tracked("inner-%d" % i) for i in range(3)]

    def __del__(self):
        log.append("holder sees %d items: %s" % (len(self.items), [t.name for t in self.items]))


log.clear()
Holder()
gc.collect()
gc.collect()
print(log[0])
print(sorted(log[1:]))

# Resurrection: a finalizer that stores self keeps the object; its __del__
# does not run a second time when it is dropped again (PEP 442).
saved = []


class Phoenix:
    def __del__(self):
        log.append("phoenix finalized")
        saved.append(self)


log.clear()
Phoenix()
gc.collect()
print(log, len(saved))
saved.clear()
gc.collect()
print(log)

# An exception in __del__ is reported on stderr and goes no further.
class Faulty:
    def __del__(self):
        raise ValueError("from __del__")


Faulty()
gc.collect()
print("still running")

# A subclass inherits __del__; a class without one is not finalized.
class Child(Tracked):
    pass


log.clear()
Child("child")
gc.collect()
print(log)

# Finalizers of objects still alive at exit run after the last line.
keep = Tracked("kept until exit")
Tracked.__del__ = lambda self: print("exit finalizer:", self.name)
print("end", gc.isenabled())
