# Instance dicts sized from earlier instances of the class keep CPython's
# behaviour: insertion order, deletion, re-adding, per-instance differences.
class Record:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "f%d" % i, i)
        self.last = n


small = Record(2)
big = Record(40)
after = Record(3)
print(vars(small), len(vars(big)), vars(after))
del big.f5
big.f5 = "again"
print(list(vars(big))[-3:], big.f5, big.f39, hasattr(big, "f40"))
after.extra = [1]
after.f0 = "changed"
print(vars(after))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


pts = [Point(i, -i) for i in range(1000)]
print(sum(p.x + p.y for p in pts), vars(pts[-1]), pts[3].__dict__ == {"x": 3, "y": -3})
pts[0].z = 9
print(vars(pts[0]), vars(Point(5, 6)))


class Key(str):
    def __eq__(self, other):
        return str.__eq__(self, other)

    __hash__ = str.__hash__


o = Point(1, 2)
o.__dict__[Key("w")] = "via key"
o.w = "stored"
print(vars(o), o.w)
