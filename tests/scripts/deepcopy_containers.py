# copy.deepcopy of lists, tuples and dicts (the native half) mixed with
# objects the Python half copies: sharing and cycles through the memo,
# tuples returned as themselves, hooks that see the memo, deep nesting.
import copy

shared = [1, 2]
data = {"a": shared, "b": (shared, "s", 3.5), "c": [shared, {"k": shared}], 1: None}
c = copy.deepcopy(data)
print(c == data, c is data, c["a"] is c["b"][0], c["a"] is c["c"][1]["k"], c["a"] is shared)

t = (1, "x", (2.5, None), frozenset({1}))
print(copy.deepcopy(t) is t, copy.deepcopy(([],)) is not None)
inner = ([1],)
outer = (inner, inner)
co = copy.deepcopy(outer)
print(co is outer, co[0] is co[1], co[0][0] is inner[0])

cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc is not cyc)
d = {}
d["self"] = d
dc = copy.deepcopy(d)
print(dc["self"] is dc)
tl = [1]
tup = (tl,)
tl.append(tup)
ct = copy.deepcopy(tup)
print(ct[0][1] is ct, type(ct).__name__)

class Hooked:
    def __init__(self, v):
        self.v = v
    def __deepcopy__(self, memo):
        print("hook sees memo of", type(memo).__name__, len(memo) > 0)
        return Hooked(copy.deepcopy(self.v, memo))

class Plain:
    def __init__(self, v):
        self.v = v

p = Plain([shared])
h = Hooked(shared)
res = copy.deepcopy([p, h, shared, p])
print(res[0] is res[3], res[0].v[0] is res[2], res[1].v is res[2])

class MyList(list):
    pass
ml = MyList([1, [2]])
ml.tag = "t"
mc = copy.deepcopy(ml)
print(type(mc).__name__, mc, mc.tag, mc[1] is ml[1])

memo = {}
a = copy.deepcopy([shared], memo)
b = copy.deepcopy([shared], memo)
print(a[0] is b[0], id(shared) in memo)

def f():
    pass
print(copy.deepcopy(f) is f, copy.deepcopy(int) is int, copy.deepcopy(len) is len)

deep = []
for _ in range(100000):
    deep = [deep]
try:
    copy.deepcopy(deep)
    print("copied")
except RecursionError:
    print("RecursionError")

class Mutator:
    def __init__(self, target):
        self.target = target
    def __deepcopy__(self, memo):
        self.target["new"] = 1
        return self
src = {"m": None}
src["m"] = Mutator(src)
try:
    copy.deepcopy(src)
except RuntimeError as e:
    print("RuntimeError:", e)
