# weakref.ref: which objects accept weak references, callbacks, __callback__,
# hashing, equality, reprs and the module-level helpers.
#
# gilvm scans native stacks conservatively, so a stale pointer may keep one
# dropped object alive for a collection longer than reference counting
# would: deaths are observed in batches, after gc.collect(), and counted
# with a margin ("at least 18 of 20").
import gc
import re
import sys
import weakref


def show_repr(r):
    # Addresses differ from run to run.
    return re.sub(r"0x[0-9a-f]+", "ADDR", repr(r))


class Plain:
    pass


class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


class SlottedChild(Slotted):
    pass


class IntSub(int):
    pass


class StrSub(str):
    pass


class TupleSub(tuple):
    pass


class BytesSub(bytes):
    pass


class ListSub(list):
    pass


class DictSub(dict):
    pass


class MyError(Exception):
    pass


def function():
    pass


def generator():
    yield 1


candidates = [
    1, 2 ** 100, 1.5, "text", b"bytes", (), (1, 2), [], {}, None, True,
    set(), frozenset(), Plain(), Slotted(), SlottedWeak(), SlottedChild(),
    IntSub(1), StrSub("a"), TupleSub(), BytesSub(), ListSub(), DictSub(),
    MyError(), ValueError(), function, len, Plain, int, generator(),
    sys, range(3), slice(1), bytearray(), object(), property(),
    staticmethod(len), classmethod(len), lambda: 0,
    function.__code__, weakref.ref(Plain),
]
for c in candidates:
    try:
        weakref.ref(c)
        print(type(c).__name__, "accepts")
    except TypeError as e:
        print(type(c).__name__, "TypeError:", str(e).replace("weakref.", ""))

# The referent stays reachable: the ref gives it back.
alive = Plain()
r = weakref.ref(alive)
print(r() is alive, r.__callback__, type(r) is weakref.ref, weakref.ReferenceType is weakref.ref)
print(show_repr(r))
print(show_repr(weakref.ref(function)), show_repr(weakref.ref(Plain)))

# A plain ref (no callback) is shared; one with a callback is not.
with_callback = weakref.ref(alive, print)
print(weakref.ref(alive) is r, with_callback is r)
print(weakref.getweakrefcount(alive), weakref.getweakrefcount(1), weakref.getweakrefs(1))
print(weakref.getweakrefs(alive)[0] is r)

# Hash and equality follow the referent while it lives.
other = weakref.ref(alive, print)
print(hash(r) == hash(alive), r == other, r != other, r == weakref.ref(Plain))
try:
    r < other
except TypeError as e:
    print("TypeError:", str(e).replace("weakref.", ""))
print(r.__eq__(5), r == 5)

# Argument errors.
for args in [(), (alive, None, 1)]:
    try:
        weakref.ref(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    r(1)
except TypeError as e:
    print("TypeError:", e)


# Callbacks: called once with the dead ref, after the collection.
log = []


def on_death(ref):
    log.append(ref)


def make_refs(n, callback):
    return [weakref.ref(Plain(), callback) for i in range(n)]


refs = make_refs(20, on_death)
gc.collect()
gc.collect()
dead = [ref for ref in refs if ref() is None]
print(len(dead) >= 18, len(log) == len(dead), all(ref in dead for ref in log))
print(all(ref.__callback__ is None for ref in dead))
print(show_repr(dead[0]))
# A dead ref keeps the hash it had; unhashed, it has none.
hashed = weakref.ref(Plain)
h = hash(hashed)
try:
    hash(dead[0])
except TypeError as e:
    print("TypeError:", e)
print(dead[0] == dead[0], dead[0] == dead[1], dead[0] != dead[1])
# A ref that is garbage together with its referent (a cycle the collector
# frees) never calls back.
log.clear()


def make_self_referencing(n):
    for i in range(n):
        o = Plain()
        o.ref = weakref.ref(o, on_death)
        o.cycle = o


make_self_referencing(20)
gc.collect()
gc.collect()
print(log)


# A dead ref remembers the hash computed while it lived, and a dict keyed
# by it still finds it by identity.
def hashed_refs(n):
    referents = [Plain() for i in range(n)]
    out = [weakref.ref(o) for o in referents]
    return out, {ref: i for i, ref in enumerate(out)}


hrefs, table = hashed_refs(20)
gc.collect()
gc.collect()
print(sum(1 for ref in hrefs if ref() is None) >= 18, all(table[ref] == i for i, ref in enumerate(hrefs)))


# An exception in a callback is reported, not raised.
def failing(ref):
    raise RuntimeError("callback failed")


refs = make_refs(3, failing)
gc.collect()
print("after failing callbacks")


# Resurrection: the collector clears weak references before __del__ runs,
# and they stay dead even though __del__ stores the object away again.
# (The objects are in cycles: CPython frees other objects by reference
# counting, which runs __del__ first; gilvm always clears first.)
saved = []


class Phoenix:
    def __del__(self):
        saved.append(self)


def make_phoenixes(n):
    refs = []
    for i in range(n):
        p = Phoenix()
        p.cycle = p
        refs.append(weakref.ref(p))
    return refs


prefs = make_phoenixes(20)
gc.collect()
gc.collect()
print(len(saved) >= 18, sum(1 for ref in prefs if ref() is None) >= 18)
print(all(ref() is None for ref in prefs if any(ref() is s for s in saved)))
# A new ref to a resurrected object works as usual.
again = weakref.ref(saved[0])
print(again() is saved[0])


# A subclass of ref keeps attributes and may add arguments.
class Tagged(weakref.ref):
    def __new__(cls, ob, tag):
        self = super().__new__(cls, ob)
        self.tag = tag
        return self

    def __init__(self, ob, tag):
        super().__init__(ob)


t = Tagged(alive, "tag")
print(t.tag, t() is alive, t is not r, isinstance(t, weakref.ref), weakref.getweakrefcount(alive))
print(weakref.ref[int])
