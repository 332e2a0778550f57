# __slots__: the errors CPython 3.11 gives at class creation and on
# instances, member descriptors used directly, __weakref__ and __dict__ in
# slots, name mangling, and __class__ assignment between layouts.

def attempt(label, make):
    try:
        result = make()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "ok", result)

class C:
    __slots__ = ("x", "y")
c = C()
attempt("unset read", lambda: c.x)
attempt("undeclared set", lambda: setattr(c, "z", 1))
attempt("no __dict__", lambda: c.__dict__)
attempt("vars", lambda: vars(c))
attempt("del unset", lambda: delattr(c, "y"))
c.x = 1
print(hasattr(c, "__dict__"), hasattr(c, "__weakref__"), c.x)

# Member descriptors: type, repr, name, and the three descriptor methods.
d = C.__dict__["x"]
print(type(d).__name__, repr(d), d.__name__, d.__qualname__, d.__objclass__.__name__)
print(d.__get__(c, C), d.__get__(None, C) is d)
d.__set__(c, 10)
print(c.x)
d.__delete__(c)
attempt("get after delete", lambda: d.__get__(c, C))
attempt("delete twice", lambda: d.__delete__(c))
attempt("wrong instance get", lambda: d.__get__(42, int))
attempt("wrong instance set", lambda: d.__set__("s", 1))
print(hasattr(d, "__set__"), hasattr(d, "__delete__"), hasattr(d, "__get__"))

# A str as __slots__ is one name; other iterables work too.
class OneName:
    __slots__ = "only"
o = OneName(); o.only = 5
print(OneName.__slots__, o.only, [k for k in OneName.__dict__ if k == "only"])
class FromList:
    __slots__ = ["a", "b"]
class FromDict:
    __slots__ = {"p": "doc of p", "q": None}
fd = FromDict(); fd.p = 1; fd.q = 2
print(type(FromList.__slots__).__name__, fd.p, fd.q, type(FromDict.__dict__["p"]).__name__)
class FromGen:
    __slots__ = (n for n in ("g", "h"))
fg = FromGen(); fg.g = "g"; print(fg.g)

# Private-name mangling.
class Hidden:
    __slots__ = ("__secret", "_plain", "__dunder__")
    def __init__(self):
        self.__secret = "s"
        self._plain = "p"
        self.__dunder__ = "d"
    def secret(self):
        return self.__secret
h = Hidden()
print(h.secret(), h._Hidden__secret, h._plain, h.__dunder__)
print(sorted(k for k in Hidden.__dict__ if "secret" in k or "plain" in k or "dunder" in k))
attempt("mangled outside", lambda: h.__secret)
class _Under:
    __slots__ = ("__v",)
print([k for k in _Under.__dict__ if "v" in k and k != "__module__"])

# Errors at class creation.
def conflicts():
    class K:
        __slots__ = ("a",)
        a = 1
attempt("conflict", conflicts)
def two_dicts():
    class K:
        __slots__ = ("__dict__", "__dict__")
attempt("two dicts", two_dicts)
def dict_again():
    class B: pass
    class K(B):
        __slots__ = ("__dict__",)
attempt("dict again", dict_again)
def two_weakrefs():
    class K:
        __slots__ = ("__weakref__", "__weakref__")
attempt("two weakrefs", two_weakrefs)
def weakref_again():
    class B: pass
    class K(B):
        __slots__ = ("__weakref__",)
attempt("weakref again", weakref_again)
def duplicate():
    class K:
        __slots__ = ("a", "a")
    return K
attempt("duplicate", duplicate)
def not_identifier():
    class K:
        __slots__ = ("a b",)
attempt("not identifier", not_identifier)
def empty_name():
    class K:
        __slots__ = ("",)
attempt("empty name", empty_name)
def not_str():
    class K:
        __slots__ = ("a", 3)
attempt("not str", not_str)
def not_iterable():
    class K:
        __slots__ = 3
attempt("not iterable", not_iterable)
for base in (int, bytes, tuple):
    def nonempty(base=base):
        class K(base):
            __slots__ = ("a",)
    attempt("nonempty on " + base.__name__, nonempty)
    def empty(base=base):
        class K(base):
            __slots__ = ()
        return hasattr(K(), "__dict__")
    attempt("empty on " + base.__name__, empty)
def on_list():
    class K(list):
        __slots__ = ("a",)
    k = K([1, 2]); k.a = 3
    try:
        k.b = 1
    except AttributeError as e:
        return (k, k.a, str(e))
attempt("nonempty on list", on_list)
def dict_on_int():
    class K(int):
        __slots__ = ("__dict__",)
    k = K(3); k.z = 1
    return (k, k.z)
attempt("__dict__ on int", dict_on_int)

# Layout conflicts with multiple inheritance.
class A:
    __slots__ = ("a",)
class B:
    __slots__ = ("b",)
class E:
    __slots__ = ()
def ab():
    class K(A, B): pass
attempt("A+B", ab)
def ae():
    class K(A, E):
        __slots__ = ("k",)
    k = K(); k.a = 1; k.k = 2
    return (k.a, k.k, hasattr(k, "__dict__"))
attempt("A+E", ae)
def a_int():
    class K(A, int): pass
attempt("A+int", a_int)

# __dict__ and __weakref__ as slots.
import weakref
class WithDict:
    __slots__ = ("x", "__dict__")
w = WithDict(); w.x = 1; w.extra = 2
print(w.__dict__, w.x, type(WithDict.__dict__["x"]).__name__)
class WithWeak:
    __slots__ = ("x", "__weakref__")
ww = WithWeak()
r = weakref.ref(ww)
print(r() is ww, type(WithWeak.__dict__["x"]).__name__)
attempt("weakref without slot", lambda: weakref.ref(C()))
class Sub(C):
    pass
s = Sub(); s.z = 3
print(s.__dict__, weakref.ref(s)() is s)
class SubEmpty(C):
    __slots__ = ()
attempt("subclass with empty slots", lambda: SubEmpty().__dict__)

# __class__ assignment needs equal layouts.
class C2:
    __slots__ = ("x", "y")
class C3:
    __slots__ = ("y", "x")
class Other:
    __slots__ = ("x",)
class Plain:
    pass
c = C(); c.x = 1; c.y = 2
c.__class__ = C2
print(type(c).__name__, c.x, c.y)
c.__class__ = C3
print(type(c).__name__, c.x, c.y)
def to_other():
    c.__class__ = Other
attempt("to Other", to_other)
def to_plain():
    c.__class__ = Plain
attempt("to Plain", to_plain)
def plain_to_slotted():
    p = Plain(); p.__class__ = C
attempt("Plain to C", plain_to_slotted)
class Named:
    __slots__ = ("a", "b")
def other_names():
    c.__class__ = Named
attempt("to Named", other_names)
class WithDictToo:
    __slots__ = ("x", "y", "__dict__")
def add_dict():
    c.__class__ = WithDictToo
attempt("to WithDictToo", add_dict)

# Built-in bases: exceptions keep their dict; list and dict subclasses
# with slots refuse other names.
class E(Exception):
    __slots__ = ()
e = E("x"); e.foo = 1
print(e.foo, e.__dict__, e.args)
class E2(Exception):
    __slots__ = ("a",)
e2 = E2(); e2.a = 1; e2.b = 2
print(e2.a, e2.b, type(E2.a).__name__)
class L(list):
    __slots__ = ()
attempt("empty slots on list", lambda: setattr(L(), "z", 1))
class D(dict):
    __slots__ = ("m",)
dd = D(a=1); dd.m = 5
print(dd, dd.m)
attempt("other name on dict subclass", lambda: setattr(dd, "n", 1))
attempt("dict subclass __dict__", lambda: dd.__dict__)
del dd.m
attempt("deleted slot on dict subclass", lambda: dd.m)
