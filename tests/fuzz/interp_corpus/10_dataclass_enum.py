import dataclasses, enum

@dataclasses.dataclass(order=True)
class Point:
    x: int
    y: int = 0

class Color(enum.Enum):
    RED = 1
    GREEN = 2

print(Point(1), Point(1, 2) < Point(2, 0), dataclasses.asdict(Point(3, 4)))
print(Color.RED, Color(2), [c.name for c in Color], Color.RED is Color["RED"])
p = Point(1, 2)
print("matched" if (p.x, p.y) == (1, 2) else "no", dataclasses.replace(p, y=5))
