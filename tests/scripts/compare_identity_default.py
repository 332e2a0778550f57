# == and != between objects whose classes keep object's comparison, and
# with one side overriding __eq__ or __ne__ (its method must still run,
# reflected when it is on the right).
class Plain:
    pass

class Eq:
    def __eq__(self, other):
        print("Eq.__eq__ called")
        return True

class NeOnly:
    def __ne__(self, other):
        print("NeOnly.__ne__ called")
        return False

a, b = Plain(), Plain()
print(a == a, a == b, a != b, a != a, int == int, int == float, len == len, len != print)
print(a == Eq(), Eq() == a, a != Eq())
print(a != NeOnly(), NeOnly() != a, a == NeOnly())
print(Plain in (int, float, Plain), Plain in [int, str], a in [b, a], [a, b].index(b), [a, b, a].count(a))
def f(): pass
print(f == f, f == (lambda: None), {f: 1}[f], (1, a) == (1, a), (1, a) == (1, b))
print(None == a, a == None, a == 1, 1 == a, "s" == a)
class Meta(type):
    def __eq__(cls, other):
        print("Meta.__eq__ called")
        return NotImplemented
    __hash__ = type.__hash__
class WithMeta(metaclass=Meta):
    pass
print(WithMeta == int, int == WithMeta)
