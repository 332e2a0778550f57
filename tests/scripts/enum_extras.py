# enum extras: member/nonmember, _ignore_, verify, the functional API, mixed-in
# data types, custom __new__, class-body errors.
import enum
from enum import Enum, IntEnum, Flag, auto, member, nonmember, verify, UNIQUE, CONTINUOUS


class Weekday(Enum):
    _ignore_ = "tmp"
    MONDAY = 1
    TUESDAY = 2
    tmp = 99
    helper = nonmember(7)
    fn = member(lambda: 3)

    def is_weekend(self):
        return False


print(list(Weekday.__members__), Weekday.helper, Weekday.fn.value(), Weekday.MONDAY.is_weekend())
print(hasattr(Weekday, "tmp"))

try:
    class Bad(Enum):
        A = 1
        A = 2
except TypeError as e:
    print("TypeError", e)

try:
    class Extended(Weekday):
        FRIDAY = 5
except TypeError as e:
    print("TypeError", e)

try:
    @verify(UNIQUE)
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", e)

try:
    @verify(CONTINUOUS)
    class Gap(IntEnum):
        A = 1
        C = 3
except ValueError as e:
    print("ValueError", e)

Animal = Enum("Animal", [("CAT", 1), ("DOG", 5)])
print(list(Animal), Animal.DOG.value)
Sizes = IntEnum("Sizes", "S M L", start=10)
print(list(Sizes), Sizes.M + 0)
Mixed = Enum("Mixed", {"X": "x", "Y": "y"})
print(Mixed("y"), Mixed.X.value)
Perms = Flag("Perms", "R W X")
print(list(Perms), repr(Perms.R | Perms.X))


class Coord(bytes, Enum):
    A = b"a"


print(repr(Coord.A), Coord.A == b"a", Coord(b"a"))


class Float(float, Enum):
    HALF = 0.5
    ONE = 1


print(repr(Float.ONE), Float.ONE.value, Float(1.0), Float.HALF * 2)


class Mood(Enum):
    FUNKY = 1
    HAPPY = 3

    def describe(self):
        return self.name, self.value

    @classmethod
    def favorite_mood(cls):
        return cls.HAPPY


print(Mood.favorite_mood(), Mood.HAPPY.describe(), dir(Mood.HAPPY)[-4:])


class Ordinal(Enum):
    def __new__(cls, value, label):
        obj = object.__new__(cls)
        obj._value_ = value
        obj.label = label
        return obj

    FIRST = 1, "1st"
    SECOND = 2, "2nd"


print(Ordinal(2), Ordinal.FIRST.label, Ordinal.SECOND.value)


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


print(Perm.R | 8, repr(Perm.R | 8), repr(Perm(-1)), Perm.R in Perm(7), ~Perm(0))
print(format(Perm.R | Perm.W, "04b"), f"{Perm.W!r}", Perm.W == 2, Perm.R < Perm.W + 3)
import pickle, copy
print(pickle.loads(pickle.dumps(Perm.R | Perm.X)) == 5, copy.deepcopy(Weekday.MONDAY) is Weekday.MONDAY)
print(enum.show_flag_values(13), enum.EnumCheck.UNIQUE, repr(enum.FlagBoundary.KEEP))


class Big(Flag):
    A = auto()
    B = auto()
    C = auto()
    AB = A | B


print(list(Big), repr(Big.AB), repr(Big.A | Big.B), repr(~Big.AB), len(Big.AB), list(Big.__members__))
print([m.name for m in Big.AB], Big(3) is Big.AB, bool(Big(0)))


class Base(Enum):
    def hello(self):
        return "hello " + self.name


class Child(Base):
    X = 1


print(Child.X.hello(), isinstance(Child.X, Base), Child.__mro__[1:3])
print(Weekday.MONDAY in Weekday)
try:
    1 in Weekday
except TypeError as e:
    print("TypeError", e)
print(Weekday["TUESDAY"], Weekday.TUESDAY.name, Weekday.TUESDAY._value_)
try:
    del Weekday.MONDAY
except AttributeError as e:
    print("AttributeError", e)
