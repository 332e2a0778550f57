# enum: Enum, IntEnum, StrEnum, auto, unique, functional API, aliases and
# errors.
import enum
from enum import Enum, IntEnum, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self): return self.name.lower()
    @property
    def hexa(self): return hex(self.value)
print(Color.RED, repr(Color.RED), Color(2), Color['BLUE'], list(Color), len(Color), Color.CRIMSON is Color.RED, Color.RED.describe(), Color.GREEN.hexa)
print(Color.RED.name, Color.RED.value, Color, type(Color.RED), isinstance(Color.RED, Color), Color.RED in Color, f'{Color.RED}', format(Color.RED, '>12') + '|')
print(list(Color.__members__), hash(Color.RED) == hash(Color.RED), Color.RED == 1, {Color.RED: 'r'}[Color.RED])
try: Color(7)
except ValueError as e: print(e)
try: Color['X']
except KeyError as e: print('KeyError', e)
try: Color.RED = 5
except AttributeError as e: print(e)
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE, repr(Num.TWO), Num.ONE + 1, Num.TWO == 2, f'{Num.TWO:>3}', sorted([Num.TWO, Num.ONE]), int(Num.TWO))
class A(Enum):
    X = auto()
    Y = auto()
print(list(A), A.Y.value)
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, repr(Animal.CAT))
try: Color.RED < Color.GREEN
except TypeError as e: print(e)
class Status(enum.StrEnum):
    ACTIVE = auto()
    DONE = "done"
print(Status.ACTIVE, repr(Status.DONE), Status("done"), Status.ACTIVE == "active", f"{Status.DONE}")
for c in Color:
    print(c.name, c.value, end="; ")
print()
print(Color.RED is Color(1), Color(Color.RED), list(reversed(Color))[0])
