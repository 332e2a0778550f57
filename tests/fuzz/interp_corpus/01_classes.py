class Base:
    count = 0
    def __init__(self, x):
        self.x = x
        Base.count += 1
    def __repr__(self):
        return f"{type(self).__name__}({self.x!r})"
    def __eq__(self, other):
        return isinstance(other, Base) and self.x == other.x
    def __hash__(self):
        return hash(self.x)

class Child(Base):
    def __init__(self, x, y=2):
        super().__init__(x)
        self.y = y
    @property
    def total(self):
        return self.x + self.y

c = Child(1)
print(c, c.total, {c, Child(1)}, Base.count, Child.__mro__)
