match command.split():
    case [action]:
        pass
    case ["go", ("north" | "south") as direction, *rest] if rest:
        pass
    case {"x": 0, "y": y, **others}:
        pass
    case Point(x=0, y=-1.5) | Point(1, 2j) | None | True:
        pass
    case str() | bytes() | a.b.C():
        pass
    case _:
        pass
match = case = 1
