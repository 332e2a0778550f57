import collections
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def f(v):
    match v:
        case [a, *b]:
            return a, b
        case {"k": k, **r}:
            return k, r
        case P(0, y) | P(y, 0):
            return y
        case int(n) if n > 3:
            return n
        case collections.OrderedDict():
            return "od"
        case _:
            return None
for v in [[1, 2, 3], {"k": 1, "z": 2}, P(0, 5), P(5, 0), 7, collections.OrderedDict(), "s", (1,)]:
    f(v)
