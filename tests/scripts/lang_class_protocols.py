# Class statement keywords reach __init_subclass__ (also through a metaclass);
# __eq__ without __hash__ makes instances unhashable; module annotations.
class B:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class C(B, tag='x'): pass
print(C.tag)
try:
    class D(flag=1): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class E(B, tag=1, other=2): pass
except TypeError as e:
    print("TypeError:", e)
class B2:
    def __init_subclass__(cls, **kw): print('B2 sub', cls.__name__, kw)
class M(type):
    def __new__(mcs, name, bases, ns, **kw):
        print('M new', name, kw)
        return super().__new__(mcs, name, bases, ns, **kw)
    def __init__(cls, name, bases, ns, **kw):
        print('M init', name, kw)
        super().__init__(name, bases, ns)
class F(B2, metaclass=M, flag=True): pass
print(type(F).__name__)
class Eq:
    def __eq__(self, other): return True
print(Eq.__hash__)
try:
    hash(Eq())
except TypeError as e:
    print("TypeError:", e)
class EqHash(Eq):
    def __hash__(self): return 1
print(hash(EqHash()))
class Sub(Eq):
    pass
print(Sub.__hash__)
x: int = 5
if True:
    y: str = "a"
print(__annotations__)
