# WeakValueDictionary, WeakKeyDictionary and WeakSet: entries go away when
# their weakly held object is collected, also while the container is
# being iterated. Deaths are counted with a margin (see weakref_ref.py).
import copy
import gc
import re
import weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Obj(%d)" % self.n


def show(text):
    return re.sub(r"0x[0-9a-f]+", "ADDR", text)


keep = [Obj(i) for i in range(5)]

# WeakValueDictionary
wv = weakref.WeakValueDictionary({"a": keep[0]}, b=keep[1])
wv["c"] = keep[2]
print(show(repr(wv)), len(wv), sorted(wv), wv["a"], wv.get("zz", "default"), "b" in wv, "zz" in wv)
print(sorted(wv.items()), sorted(v.n for v in wv.values()))
print(type(wv.valuerefs()[0]).__name__, wv.valuerefs()[0].key, len(list(wv.itervaluerefs())))
print(wv.pop("c"), wv.setdefault("d", keep[3]), wv.setdefault("d", keep[4]))
try:
    wv["missing"]
except KeyError as e:
    print("KeyError:", show(str(e)))
try:
    wv.pop("missing")
except KeyError as e:
    print("KeyError:", show(str(e)))
print(wv.pop("missing", "fallback"))
c = wv.copy()
print(type(c).__name__, sorted(c.items()), sorted(copy.copy(wv)), sorted(copy.deepcopy(wv)))
print(sorted((wv | {"e": keep[4]}).keys()), sorted(({"f": keep[4]} | wv).keys()))
try:
    wv[1] = 5
except TypeError as e:
    print("TypeError:", e)
del wv["d"]
print(sorted(wv))


def fill_values(d, n):
    for i in range(n):
        d["tmp%d" % i] = Obj(i)


fill_values(wv, 40)
gc.collect()
gc.collect()
print(len(wv) <= 4, sorted(k for k in wv if not k.startswith("tmp")))
# Collected during iteration: removals wait until the loop ends.
fill_values(wv, 40)
seen = 0
for key in wv:
    if seen == 0:
        gc.collect()
    seen += 1
gc.collect()
print(len(wv) <= 4, len(wv.data) <= 4)

# WeakKeyDictionary
wk = weakref.WeakKeyDictionary({keep[0]: "zero"})
wk[keep[1]] = "one"
print(show(repr(wk)), len(wk), wk[keep[0]], keep[1] in wk, 5 in wk, wk.get(keep[2], "none"))
print(sorted(wk.values()), sorted(k.n for k in wk.keys()), len(wk.keyrefs()))
print(wk.setdefault(keep[2], "two"), wk.pop(keep[2]), len(wk))
try:
    wk[keep[3]]
except KeyError as e:
    print("KeyError:", show(str(e)))
try:
    wk[5] = 1
except TypeError as e:
    print("TypeError:", e)
print(sorted(v for v in wk.copy().values()))


def fill_keys(d, n):
    for i in range(n):
        d[Obj(i)] = i


fill_keys(wk, 40)
gc.collect()
gc.collect()
# A stale stack slot may keep one of the new keys a collection longer,
# so only the values of the kept keys are printed.
print(len(wk) <= 4, sorted(v for v in wk.values() if isinstance(v, str)))
fill_keys(wk, 40)
first = True
for key in wk:
    if first:
        gc.collect()
        first = False
gc.collect()
print(len(wk) <= 4)

# WeakSet
ws = weakref.WeakSet([keep[0], keep[1]])
ws.add(keep[2])
print(len(ws), keep[0] in ws, keep[3] in ws, 5 in ws, sorted(o.n for o in ws))
ws.discard(keep[2])
ws.remove(keep[1])
try:
    ws.remove(keep[4])
except KeyError as e:
    print("KeyError:", show(str(e)))
print(sorted(o.n for o in ws), show(repr(ws)))
other = weakref.WeakSet(keep[:3])
print(sorted(o.n for o in other - ws), sorted(o.n for o in other & ws), sorted(o.n for o in other | ws))
print(ws <= other, ws < other, other >= ws, ws == weakref.WeakSet([keep[0]]), ws.isdisjoint(keep[3:]))
print(sorted(o.n for o in ws.symmetric_difference(keep[:2])), sorted(o.n for o in ws.union(keep[4:])))
print(ws.pop() is keep[0], len(ws))
try:
    ws.pop()
except KeyError as e:
    print("KeyError:", show(str(e)))
try:
    ws.add(3)
except TypeError as e:
    print("TypeError:", e)


def fill_set(s, n):
    for i in range(n):
        s.add(Obj(i))


ws.add(keep[4])
fill_set(ws, 40)
gc.collect()
gc.collect()
print(len(ws) <= 3, keep[4] in ws)
fill_set(ws, 40)
first = True
for item in ws:
    if first:
        gc.collect()
        first = False
gc.collect()
print(len(ws) <= 3, len(ws.data) <= 3)
print(weakref.WeakSet[int], weakref.WeakSet.__module__)
