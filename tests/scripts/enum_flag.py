# enum.Flag and IntFlag: members, pseudo-members, boundaries, operators; and
# Enum members built by __init__, _missing_ and _generate_next_value_.
import enum
from enum import Flag, IntFlag, auto, Enum, IntEnum


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


class Num(IntFlag):
    A = 1
    B = 2
    C = 4


print(list(Perm), len(Perm), list(Perm.__members__))
print(repr(Perm.R | Perm.W), str(Perm.R | Perm.W), Perm.RWX, repr(Perm.RWX))
print(repr(Perm(0)), str(Perm(0)), bool(Perm(0)), bool(Perm.R))
print(repr(Perm(6)), Perm(6) is (Perm.R | Perm.W), Perm(7) is Perm.RWX)
print(list(Perm.R | Perm.X), len(Perm.R | Perm.X), len(Perm(0)))
print(Perm.R in Perm.RWX, Perm.R in (Perm.W | Perm.X), (Perm.R | Perm.W) in Perm.RWX)
print(repr(~Perm.R), repr(~Perm.RWX), repr(~Perm(0)))
print(repr(Perm.RWX & Perm.W), repr(Perm.R ^ Perm.RWX))
print([c.value for c in Color], repr(Color.WHITE), repr(Color.RED | Color.BLUE))
print(repr(~Color.RED), Color.RED.name, (Color.RED | Color.BLUE).name, Perm(0).name)
try:
    Perm(8)
except ValueError as e:
    print("ValueError", e)
try:
    Perm.R | 1
except TypeError as e:
    print("TypeError", e)
try:
    1 in Perm.R
except TypeError as e:
    print("TypeError", e)

print(repr(Num.A | Num.B), str(Num.A | Num.B), format(Num.C), Num.A + 1, Num.A | 2, repr(Num.A | 2))
print(repr(Num(8)), repr(Num(9)), repr(Num(0)), str(Num(0)))
print(repr(~Num.A), int(~Num.A), repr(Num.A & 3), repr(3 & Num.A), repr(3 | Num.A))
print(isinstance(Num.A, int), Num.B == 2, Num.A | Num.B == 3, list(Num(7)))
print(sorted(Num.__members__), [m.name for m in Num])
print(Color.RED in Color, Color.WHITE in Color, Perm(6) in Perm)


class Shape(Flag):
    NONE = 0
    CIRCLE = 1
    SQUARE = 2


print(list(Shape), repr(Shape.NONE), repr(Shape(0)), Shape(0) is Shape.NONE, str(Shape.NONE))


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


print(Planet.EARTH.mass, Planet.EARTH.value, Planet((3.303e+23, 2.4397e6)))


class Lenient(Enum):
    A = 1
    B = 2

    @classmethod
    def _missing_(cls, value):
        if value == "a":
            return cls.A
        return None


print(Lenient("a"))
try:
    Lenient("z")
except ValueError as e:
    print("ValueError", e)


class Named(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)

    ONE = auto()
    TWO = auto()


print(list(Named), Named.TWO.value)


class Status(IntEnum):
    OK = 200
    NOT_FOUND = 404


print(Status(404), repr(Status.OK), Status.OK + 1, f"{Status.OK}", str(Status.OK))
print(enum.FlagBoundary.STRICT, enum.STRICT, enum.KEEP, Perm._boundary_, Num._boundary_)


class Loose(Flag, boundary=enum.CONFORM):
    A = 1
    B = 2


print(repr(Loose(7)), repr(Loose(4)))


class Eject(Flag, boundary=enum.EJECT):
    A = 1
    B = 2


print(repr(Eject(7)), repr(Eject(3)))
print(hash(Perm.R) == hash(Perm.R), Perm.R == Perm.R, Perm.R != Perm.W, Perm.R.value)
import pickle
print(pickle.loads(pickle.dumps(Perm.R | Perm.W)) is (Perm.R | Perm.W))
print(enum.ReprEnum, issubclass(IntFlag, enum.ReprEnum), issubclass(IntEnum, enum.ReprEnum))
