# vars(cls) and cls.__dict__ are read-only types.MappingProxyType views;
# MappingProxyType over any mapping; class changes go through setattr,
# so cached lookups see them.
import types

class C:
    x = 1
    def method(self):
        return "method"

d = C.__dict__
print(type(d).__name__, type(d) is types.MappingProxyType, vars(C) == d, type(vars(C)).__name__)
print(d["x"], d.get("x"), d.get("missing"), d.get("missing", "default"), "x" in d, "y" in d)
print([k for k in d if k in ("x", "method")], "method" in d.keys(), len(d) == len(list(d)))
print(sorted(k for k, v in d.items() if k in ("x",)), 1 in list(d.values()))
try:
    d["x"] = 2
except TypeError as e:
    print("TypeError", e)
try:
    del d["x"]
except TypeError as e:
    print("TypeError", e)
try:
    vars(C)["y"] = 5
except TypeError as e:
    print("TypeError", e)
try:
    d.x = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    hash(d)
except TypeError as e:
    print("TypeError", e)
copied = d.copy()
print(type(copied).__name__, copied["x"])

# The proxy is live: it shows later class changes made through setattr.
C.y = 2
print(d["y"], C.__dict__["y"])
obj = C()
def read_y(o):
    return o.y
print(read_y(obj))
setattr(C, "y", 20)
print(read_y(obj), d["y"])
del C.y
print("y" in d, hasattr(obj, "y"))
C.method = lambda self: "replaced"
print(obj.method())

# MappingProxyType over mappings of any kind.
m = types.MappingProxyType({"a": 1, "b": 2})
print(m, repr(m), str(m), len(m), list(m), list(reversed(m)))
print(m == {"a": 1, "b": 2}, m != {"a": 1}, {"a": 1, "b": 2} == m)
print(m | {"c": 3}, {"z": 0} | m, m | m, type(m | {}).__name__)
try:
    m |= {"c": 3}
except TypeError as e:
    print("TypeError", e)
print(sorted(m.keys()), sorted(m.values()), sorted(m.items()), m.copy())
print(dict(m), {**m}, sorted(set(m)))
inner = {"k": "v"}
live = types.MappingProxyType(inner)
inner["k2"] = "v2"
print(live, live.get("k2"))
print(types.MappingProxyType(mapping={"kw": 1}))
print(types.MappingProxyType(types.MappingProxyType({"nested": True})))
print(types.MappingProxyType("ab")[0])

class Mapping:
    def __getitem__(self, key):
        return key * 2
    def keys(self):
        return ["q"]
    def __iter__(self):
        return iter(["q"])
    def __len__(self):
        return 1
    def copy(self):
        return "copied"
    def get(self, key, default=None):
        return "got " + key
mp = types.MappingProxyType(Mapping())
print(mp["ab"], mp.get("z"), mp.copy(), list(mp.keys()), len(mp), list(mp))

for bad in ([1], (1,), 5, None):
    try:
        types.MappingProxyType(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    types.MappingProxyType()
except TypeError as e:
    print("TypeError", e)
try:
    class Sub(types.MappingProxyType):
        pass
except TypeError as e:
    print("TypeError", e)

# Built-in classes' dicts are proxies too.
print(type(int.__dict__).__name__, "bit_length" in int.__dict__, type(vars(object)).__name__)
try:
    int.__dict__["new"] = 1
except TypeError as e:
    print("TypeError", e)

# A metaclass's instances, and type() made classes.
class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    z = 9
print(type(WithMeta.__dict__).__name__, WithMeta.__dict__["z"])
Made = type("Made", (), {"field": 4})
print(Made.__dict__["field"], type(Made.__dict__).__name__)
