# exec() and eval() inside functions and with explicit namespaces: with no
# dicts they see the function's globals and a snapshot of its locals
# (writes do not reach the function's variables, as in CPython 3.11);
# explicit dicts resolve names locals -> globals -> builtins and store into
# the locals; any mapping may serve as the locals.

module_name = "module level"

def snapshot():
    a = 1
    b = [2]
    exec("print(a, b, module_name, len(b))")
    print(eval("a + b[0]"))
    exec("a = 100; b.append(3); fresh = 5")
    print(a, b)
    try:
        print(fresh)
    except NameError as e:
        print("NameError", e)
    ns = {}
    exec("c = len(module_name)", globals(), ns)
    print(ns)

snapshot()

def closure_values():
    outer = "cell"
    def inner():
        return outer
    print(eval("outer + '!'"), inner())
    print(eval("[v for v in (outer,)]"))

closure_values()

def exec_sees_locals_dict():
    x = 1
    d = locals()
    exec("y = x + 1", globals(), d)
    print(sorted(d.items()))

exec_sees_locals_dict()

def globals_writes():
    exec("global module_name\nmodule_name = 'changed'")
    exec("new_global = 'made'", globals())

globals_writes()
print(module_name, new_global)

# Explicit dicts: lookups go locals, then globals, then builtins.
g = {"shared": "from globals", "len": lambda s: "shadowed len"}
l = {"shared": "from locals"}
exec("r1 = shared; r2 = len('abc'); r3 = abs(-2)", g, l)
print(l["r1"], l["r2"], l["r3"], sorted(k for k in g if k != "__builtins__"))
print(eval("shared", g), eval("shared", g, l), eval("shared", {"shared": 0}, None))
exec("del shared", g, l)
print("shared" in l, g["shared"], eval("shared", g, l))
try:
    exec("del missing", g, l)
except NameError as e:
    print("NameError", e)
exec("def f():\n    return shared\nresult = f()", g, l)
print(l["result"], "f" in l, "f" in g)
exec("class K:\n    attr = shared\n    other = [shared for _ in range(1)]\n", g, l)
print(l["K"].attr, l["K"].other)
print(eval("__builtins__ is not None", {}), "__builtins__" in g)

# A mapping that is not a dict as the locals.
class Recorder:
    def __init__(self):
        self.data = {}
        self.log = []
    def __getitem__(self, key):
        self.log.append(("get", key))
        return self.data[key]
    def __setitem__(self, key, value):
        self.log.append(("set", key))
        self.data[key] = value
    def __delitem__(self, key):
        self.log.append(("del", key))
        del self.data[key]
    def keys(self):
        return self.data.keys()

rec = Recorder()
exec("x = 1\ny = x + 1\nz = shared\ndel x", {"shared": "g"}, rec)
print(rec.data, rec.log)
print(eval("y * 2", {}, rec))
try:
    eval("nothing", {}, rec)
except NameError as e:
    print("NameError", e)

class Defaulting(dict):
    def __missing__(self, key):
        return "default for " + key
print(eval("anything", {}, Defaulting()))

from collections.abc import MutableMapping
class Layered(MutableMapping):
    """Reads fall through to a base dict; writes go to the top one."""
    def __init__(self, top, base):
        self.top, self.base = top, base
    def __getitem__(self, key):
        return self.top[key] if key in self.top else self.base[key]
    def __setitem__(self, key, value):
        self.top[key] = value
    def __delitem__(self, key):
        del self.top[key]
    def __iter__(self):
        return iter({**self.base, **self.top})
    def __len__(self):
        return len({**self.base, **self.top})
layered = Layered({"a": 1}, {"b": 2})
exec("c = a + b\nseen = sorted(locals())", {}, layered)
print(layered.top)

try:
    exec("x = 1", {}, [1])
except TypeError as e:
    print("TypeError", e)
try:
    exec("x = 1", [1])
except TypeError as e:
    print("TypeError", e)
try:
    eval("1", {}, 5)
except TypeError as e:
    print("TypeError", e)
print(exec("locals_seen = sorted(locals())", {}, {"p": 1}))
m = {}
exec("import math as mm\nfrom math import pi", {}, m)
print(sorted(m))
