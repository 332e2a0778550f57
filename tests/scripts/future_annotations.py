"""from __future__ import annotations: annotations become their source text."""
from __future__ import annotations, division
import __future__

print(__future__.annotations, __future__.all_feature_names[-1])


def f(a: int, b: Dict[str, int] = None, *args: Tuple[int, ...], c: "Foo" = 1, **kw: List[Optional[X]]) -> Set[int]:
    pass


print(f.__annotations__)


class Point:
    x: int
    y: Point | None = None

    def move(self, dx: float, dy: -1.5 + 2 ** 3) -> Point:
        return self


print(Point.__annotations__, Point.move.__annotations__)
v: List[int] = []
print(__annotations__)


def g(y: a.b.c[1:2], z: f(1, k=2), w: (1, 2), u: not x) -> ~z:
    pass


print(g.__annotations__)

for source in ["x = 1\nfrom __future__ import annotations", "from __future__ import nope",
               "from __future__ import braces", "from __future__ import generators, with_statement\nx = 1"]:
    try:
        compile(source, "m.py", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)
