# copy.copy and copy.deepcopy of instances of subclasses of immutable
# built-ins: the value lives in the built-in part (it was lost: a copied
# int subclass came back 0), the instance dict is copied along.
import copy
class I(int): pass
class S(str):
    def __init__(self, v): self.extra = [v]
class T(tuple): pass
class F(float): pass
class B(bytes): pass
class Z(frozenset): pass
class C(complex): pass
for v in (I(6), S("ab"), T((1, [2])), F(1.5), B(b"xy"), Z({1}), C(1+2j)):
    c, d = copy.copy(v), copy.deepcopy(v)
    print(type(c).__name__, c, type(d).__name__, d, c == v, d == v, getattr(d, "extra", None), getattr(c, "__dict__", None))
t = T((1, [2])); d = copy.deepcopy(t); print(d[1] is t[1])
