# Bases whose __slots__ layouts are prefixes of one another combine;
# unrelated slot layouts conflict.
class A:
    __slots__ = ("a",)
class B(A):
    __slots__ = ()
class C(A):
    __slots__ = ()
class D(B, C):
    __slots__ = ()
d = D(); d.a = 1; print(d.a)
class E(A):
    __slots__ = ("e",)
class F(B, E):
    pass
f = F(); f.a, f.e = 1, 2; print(f.a, f.e)
class G:
    __slots__ = ("g",)
try:
    class H(A, G): pass
except TypeError as e:
    print(e)
class I(E, C):
    __slots__ = ()
i = I(); i.e = 5; i.a = 6; print(i.a, i.e)
