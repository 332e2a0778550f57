# LOAD_GLOBAL keeps a per-name cache: every way a global or built-in binding
# can change under a running function must still be seen on the next load.
import builtins

def use_len():
    return len([1, 2, 3])

def read_x():
    return X

X = 1
results = []
for step in range(6):
    results.append(read_x())
    if step == 1:
        X = "rebound"
    elif step == 2:
        del X
        try:
            read_x()
        except NameError as e:
            results.append(str(e))
        X = 3
    elif step == 3:
        globals()["X"] = 4
print(results)

print([use_len() for _ in range(3)])
len = lambda s: "shadowed"          # a global now hides the built-in
print(use_len(), use_len())
del len                              # and the built-in is back
print(use_len(), use_len())
saved = builtins.len
builtins.len = lambda s: "patched"   # the built-in itself changes
print(use_len())
builtins.len = saved
print(use_len())

# One code object run against different globals dicts.
src = "def f():\n    return Y\n"
g1, g2 = {"Y": "one"}, {"Y": "two"}
exec(src, g1)
exec(src, g2)
print(g1["f"](), g2["f"](), g1["f"](), g2["f"]())
code = compile("Y", "<s>", "eval")
for g in ({"Y": 1}, {"Y": 2}, {}, {"Y": 3}):
    try:
        print(eval(code, g))
    except NameError as e:
        print("NameError:", e)

# Many globals added after the cache was filled (the dict grows and is rebuilt).
def read_z():
    return Z
Z = 0
for i in range(200):
    globals()["filler%d" % i] = i
    if i % 50 == 0:
        Z = i
        print(read_z(), end=" ")
print()
for i in range(200):
    del globals()["filler%d" % i]
print(read_z())

def shadow_later():
    return abs(-5)
print(shadow_later())
abs = lambda v: "global abs"
print(shadow_later())
globals().pop("abs")
print(shadow_later())
