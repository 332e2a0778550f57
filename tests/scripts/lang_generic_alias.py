# Type expressions in annotations: list[int] (GenericAlias) and int | None
# (UnionType): reprs, equality, calling, isinstance with a union.
def f(a: list[int], b: dict[str, list[int]] = None, c: int | None = None, d: tuple[int, ...] = (), e: tuple[()] = ()) -> set[str] | None:
    pass
print(f.__annotations__)
print(list[int], dict[str, int], tuple[int, ...], type[int], frozenset[str], list[int] | None)
print(int | str, int | None | str, (int | str) == (str | int), int | int, (int | str).__args__)
print(list[int]() , list[int]([1, 2]), list[int].__origin__, dict[str, int].__args__)
print(list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int]))
print(isinstance(5, int | str), isinstance("a", int | None), isinstance(None, int | None), issubclass(bool, int | str))
print(type(int | str).__name__, type(list[int]).__name__, type(int | str).__module__)
class Node:
    def children(self) -> "list[Node]":
        return []
    def parent(self) -> "Node | None":
        return None
print(Node.children.__annotations__)
try:
    int | 5
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError")
