# typing: the hint names annotated scripts import, with CPython's reprs;
# Generic bases through __mro_entries__.
import typing as t
from typing import List, Dict, Optional, Union, Any, Callable, Tuple, TypeVar, Generic, Iterator
T = t.TypeVar('T')
print(t.List[int], t.Optional[int], t.Union[int, str], t.Union[int], t.Dict[str, t.List[int]], t.Any)
print(t.Callable[[int, str], bool], t.Tuple[int, ...], t.Tuple[()], T, t.Optional[t.Union[int, str]])
print(t.Literal['a', 1], t.Type[int], t.List, t.Union[int, None], t.Iterator[int], t.Sequence[str])
print(t.List[int] == t.List[int], t.Union[int, str] == t.Union[str, int], t.Optional[int] == t.Union[int, None])
class Stack(t.Generic[T]):
    def __init__(self) -> None:
        self.items: t.List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
print(Stack.__mro__, Stack[int], Stack.__orig_bases__)
s = Stack[int]()
s.push(3)
print(s.items, type(s).__name__)
print(t.cast(int, '5'), t.TYPE_CHECKING, t.get_type_hints(Stack.push))
UserId = t.NewType('UserId', int)
print(UserId(5), UserId)
try:
    t.List[int]()
except TypeError as e:
    print("TypeError:", e)
def process(items: List[Dict[str, Any]], key: Optional[str] = None) -> Union[int, None]:
    return len(items)
print(process([{}]), process.__annotations__)
class P(t.Protocol):
    def run(self) -> None: ...
class Impl:
    def run(self) -> None:
        print("run")
def use(p: P) -> None:
    p.run()
use(Impl())
print(t.Callable[..., int], Optional[List[int]])
