# collections.abc: names, import forms, and isinstance/issubclass for the
# built-in types (through __subclasshook__ or register, as in CPython).
import collections
import collections.abc
from collections.abc import Iterator, Mapping
import collections.abc as cabc
import sys

print(collections.abc is cabc, collections.abc.Mapping is Mapping, cabc.__name__, Iterator, Mapping.__module__)
print(sorted(cabc.__all__))
print("collections.abc" in sys.modules)


def gen():
    yield 1


async def coro():
    pass


async def agen():
    yield 1


c = coro()
samples = [
    ("list", []), ("tuple", ()), ("str", ""), ("bytes", b""), ("dict", {}), ("set", set()),
    ("frozenset", frozenset()), ("range", range(3)), ("int", 1), ("float", 1.5), ("None", None),
    ("gen", gen()), ("coro", c), ("agen", agen()), ("list_iter", iter([])), ("dict_keys", {}.keys()),
    ("dict_values", {}.values()), ("dict_items", {}.items()), ("dict_keyiter", iter({})),
    ("func", len), ("lambda", lambda: 0), ("type", int), ("object", object()), ("zip", zip()),
    ("reversed", reversed([])), ("range_iter", iter(range(2))), ("str_iter", iter("ab")),
    ("set_iter", iter(set())), ("tuple_iter", iter(())), ("map", map(str, [])), ("enumerate", enumerate([])),
]
abcs = ["Container", "Hashable", "Iterable", "Iterator", "Reversible", "Generator", "Sized", "Callable",
        "Collection", "Sequence", "MutableSequence", "Set", "MutableSet", "Mapping", "MutableMapping",
        "MappingView", "KeysView", "ItemsView", "ValuesView", "Awaitable", "Coroutine", "AsyncIterable",
        "AsyncIterator", "AsyncGenerator", "ByteString"]
for name, obj in samples:
    print(name.ljust(12), " ".join(a for a in abcs if isinstance(obj, getattr(cabc, a))))
c.close()
for a in abcs:
    cls = getattr(cabc, a)
    print(a.ljust(16), [b.__name__ for b in (list, tuple, str, bytes, dict, set, frozenset, range, int, type(None))
                        if issubclass(b, cls)], sorted(getattr(cls, "__abstractmethods__", ())))
print(issubclass(cabc.MutableSequence, cabc.Sequence), issubclass(cabc.Sequence, cabc.MutableSequence),
      issubclass(cabc.KeysView, cabc.Set), issubclass(cabc.Generator, cabc.Iterable), cabc.Iterable[int])
