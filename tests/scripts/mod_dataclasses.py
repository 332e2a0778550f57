# dataclasses: generated __init__/__repr__/__eq__, order, frozen, field(),
# asdict/astuple/replace/fields, inheritance and CPython's errors.
from dataclasses import dataclass, field, asdict, astuple, fields, replace, FrozenInstanceError, is_dataclass
@dataclass
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
print(P(1), P(1, 2) == P(1, 2), P.__init__.__qualname__, P(1) == (1, 0, []))
try: P()
except TypeError as e: print(e)
try: P(1,2,3,4)
except TypeError as e: print(e)
try: P(1, z=3)
except TypeError as e: print(e)
try: P(1, x=3)
except TypeError as e: print(e)
@dataclass(frozen=True, order=True)
class F:
    a: int
    b: str = 'x'
f = F(1)
try: f.a = 2
except FrozenInstanceError as e: print(type(e).__name__, e)
print(F(1) < F(2), sorted([F(3), F(1, 'z'), F(1)]), hash(F(1)) == hash(F(1)), asdict(P(1, 2, [3])), astuple(F(1)), [x.name for x in fields(P)], replace(F(1), b='q'))
print(P.__hash__, is_dataclass(P), is_dataclass(P(1)), is_dataclass(5))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e: print(e)
@dataclass
class Q:
    items: list = field(default_factory=list, repr=False)
    n: int = field(default=5, compare=False)
    def __post_init__(self): self.n += 1
print(Q(), Q() == Q(n=9))
try:
    @dataclass
    class M:
        a: list = []
except ValueError as e: print(e)
@dataclass
class Base:
    a: int
@dataclass
class Child(Base):
    b: str = "c"
print(Child(1), Child(2, "d"), fields(Child)[0].name)
@dataclass
class Inventory:
    name: str
    unit_price: float
    quantity: int = 0
    def total_cost(self) -> float:
        return self.unit_price * self.quantity
item = Inventory("widget", 3.0, 10)
print(item, item.total_cost())
item.quantity += 1
print(item.quantity, asdict(item))
