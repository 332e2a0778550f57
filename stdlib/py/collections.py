"""Container datatypes: deque, defaultdict, Counter, namedtuple and
OrderedDict, with CPython's methods, reprs and errors.

deque is native (the _collections module, stdlib/collections/deque.cpp):
a ring buffer, O(1) at both ends.
"""
import sys as _sys

# A package: its submodule abc is the frozen module collections.abc.
__path__ = []

__all__ = ["deque", "defaultdict", "Counter", "namedtuple", "OrderedDict"]


from _collections import deque


class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory"""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        factory = "None" if self.default_factory is None else repr(self.default_factory)
        return "defaultdict(" + factory + ", " + dict.__repr__(self) + ")"

    def copy(self):
        return defaultdict(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = () if self.default_factory is None else (self.default_factory,)
        return self.__class__, args, None, None, iter(self.items())


class Counter(dict):
    """Dict subclass for counting hashable items."""

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def most_common(self, n=None):
        # Stable sort: equal counts keep their first-seen order, as in CPython.
        if n is None:
            return sorted(self.items(), key=lambda item: item[1], reverse=True)
        import heapq
        return heapq.nlargest(n, self.items(), key=lambda item: item[1])

    def elements(self):
        for element, count in self.items():
            for _ in range(count):
                yield element

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for element, count in iterable.items():
                    self[element] = self[element] + count
            else:
                for element in iterable:
                    self[element] = self[element] + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for element, count in iterable.items():
                    self[element] = self[element] - count
            else:
                for element in iterable:
                    self[element] = self[element] - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return Counter(self)

    def __delitem__(self, element):
        if element in self:
            super().__delitem__(element)

    def __repr__(self):
        if not self:
            return "Counter()"
        return "Counter({" + ", ".join(repr(k) + ": " + repr(v) for k, v in self.most_common()) + "})"

    def _combine(self, other, count_of):
        # The elements of self, then those only in other, with the count
        # count_of(self's, other's) when it is positive (missing counts are 0).
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element in list(self) + [e for e in other if e not in self]:
            count = count_of(self[element], other[element])
            if count > 0:
                result[element] = count
        return result

    def __add__(self, other):
        return self._combine(other, lambda a, b: a + b)

    def __sub__(self, other):
        return self._combine(other, lambda a, b: a - b)

    def __or__(self, other):
        return self._combine(other, max)

    def __and__(self, other):
        return self._combine(other, min)


class OrderedDict(dict):
    """Dictionary that remembers insertion order, with move_to_end."""

    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            rest = list(self.items())
            self.clear()
            self[key] = value
            for k, v in rest:
                self[k] = v

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        key = next(reversed(self)) if last else next(iter(self))
        return key, self.pop(key)

    def __repr__(self):
        if not self:
            return "OrderedDict()"
        return "OrderedDict(" + repr(list(self.items())) + ")"

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    __hash__ = None

    def copy(self):
        return OrderedDict(self)

    def __reduce__(self):
        state = dict(vars(self)) or None
        return self.__class__, (), state, None, iter(self.items())


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A tuple subclass with named fields: Point = namedtuple('Point', 'x y')."""
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = [str(name) for name in field_names]
    seen = set()
    for index, name in enumerate(field_names):
        bad = (not name.isidentifier() or name.startswith("_") or name in seen
               or name in ("and", "or", "not", "if", "else", "for", "in", "is", "def", "class", "return",
                           "None", "True", "False", "lambda", "while", "with", "yield", "import", "from"))
        if bad and rename:
            field_names[index] = "_" + str(index)
        elif not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: " + repr(name))
        elif name.startswith("_"):
            raise ValueError("Field names cannot start with an underscore: " + repr(name))
        elif name in seen:
            raise ValueError("Encountered duplicate field name: " + repr(name))
        seen.add(field_names[index])
    fields = tuple(field_names)
    defaults = tuple(defaults) if defaults is not None else ()
    if len(defaults) > len(fields):
        raise TypeError("Got more default values than field names")
    field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))

    def __new__(cls, *args, **kwargs):
        if len(args) > len(fields):
            raise TypeError("{}.__new__() takes {} positional arguments but {} were given".format(
                typename, len(fields) + 1, len(args) + 1))
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing = [n for n in fields[len(values):] if n not in kwargs and n not in field_defaults]
                raise TypeError("{}.__new__() missing {} required positional argument{}: {}".format(
                    typename, len(missing), "" if len(missing) == 1 else "s",
                    " and ".join(repr(m) for m in missing) if len(missing) <= 2
                    else ", ".join(repr(m) for m in missing[:-1]) + ", and " + repr(missing[-1])))
        if kwargs:
            name = next(iter(kwargs))
            if name in fields:
                raise TypeError(typename + ".__new__() got multiple values for argument " + repr(name))
            raise TypeError(typename + ".__new__() got an unexpected keyword argument " + repr(name))
        return tuple.__new__(cls, values)

    def __repr__(self):
        # A subclass's instances show the subclass's name, as in CPython.
        return self.__class__.__name__ + "(" + ", ".join(n + "=" + repr(v) for n, v in zip(fields, self)) + ")"

    def _asdict(self):
        return dict(zip(fields, self))

    def _replace(self, **changes):
        values = [changes.pop(name, value) for name, value in zip(fields, self)]
        if changes:
            raise ValueError("Got unexpected field names: " + repr(list(changes)))
        return type(self)(*values)

    @classmethod
    def _make(cls, iterable):
        values = tuple(iterable)
        if len(values) != len(fields):
            raise TypeError("Expected {} arguments, got {}".format(len(fields), len(values)))
        return tuple.__new__(cls, values)

    def __getnewargs__(self):
        return tuple(self)

    namespace = {
        "__doc__": typename + "(" + ", ".join(fields) + ")",
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__new__": __new__,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "_replace": _replace,
        "_make": _make,
        "__getnewargs__": __getnewargs__,
        "__match_args__": fields,
    }
    for index, name in enumerate(fields):
        namespace[name] = property(lambda self, i=index: self[i], doc="Alias for field number " + str(index))
    result = type(typename, (tuple,), namespace)
    if module is None:
        module = _sys._getframe(1).f_globals.get("__name__", "__main__") if hasattr(_sys, "_getframe") else "__main__"
    result.__module__ = module
    return result


import collections.abc as abc  # noqa: E402  (as CPython: collections.abc after import collections)
