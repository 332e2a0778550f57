class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __iter__(self):
        yield self.x
        yield self.y
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __bool__(self):
        return bool(self.x or self.y)
    def __lt__(self, o):
        return tuple(self) < tuple(o)

v = Vec(1, 2) + Vec(3, 4)
print(list(v), 2 * v, len(v), v[1], bool(Vec(0, 0)), sorted([Vec(2, 1), Vec(1, 5)])[0].x)
