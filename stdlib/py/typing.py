"""Type hints: the names annotated scripts import (List, Optional, Union,
Callable, TypeVar, Generic, Protocol, ...), with CPython's reprs and
equality so that printed annotations match. Nothing is checked at run
time, as in CPython; get_type_hints() returns the evaluated annotations.
"""

TYPE_CHECKING = False

__all__ = [
    "Any", "Callable", "ClassVar", "Final", "Generic", "Literal", "Optional", "Protocol", "Tuple", "Type",
    "TypeVar", "Union", "AbstractSet", "AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable",
    "Collection", "Container", "Coroutine", "Counter", "DefaultDict", "Deque", "Dict", "FrozenSet", "Generator",
    "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView", "List", "Mapping", "MappingView",
    "MutableMapping", "MutableSequence", "MutableSet", "NoReturn", "Never", "Reversible", "Sequence", "Set",
    "Sized", "ValuesView", "NewType", "cast", "final", "get_type_hints", "overload", "runtime_checkable",
    "TYPE_CHECKING", "Annotated", "Self",
]


def _type_repr(obj):
    # How a hint shows inside another: classes by qualified name (builtins
    # bare), ... and None as such, other hints by their own repr.
    if obj is ...:
        return "..."
    if obj is type(None):
        return "NoneType"
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return obj.__module__ + "." + obj.__qualname__
    if isinstance(obj, list):
        return "[" + ", ".join(_type_repr(item) for item in obj) + "]"
    return repr(obj)


def _hint(arg):
    return type(None) if arg is None else arg


class _Unionable:
    """Hints that combine with | into a Union (as `int | None` does)."""

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _GenericAlias(_Unionable):
    """A subscripted hint: List[int], Dict[str, int], Callable[[int], str]."""

    def __init__(self, origin, args, name, call_target=None):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._call_target = call_target

    def __repr__(self):
        if self._name == "Callable" and len(self.__args__) == 2 and isinstance(self.__args__[0], list):
            params = "[" + ", ".join(_type_repr(a) for a in self.__args__[0]) + "]"
            return "typing.Callable[" + params + ", " + _type_repr(self.__args__[1]) + "]"
        if self.__args__ == ():
            inner = "()"
        else:
            inner = ", ".join(_type_repr(a) for a in self.__args__)
        prefix = "typing." + self._name if isinstance(self._name, str) else _type_repr(self._name)
        return prefix + "[" + inner + "]"

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self._name))

    def __call__(self, *args, **kwargs):
        if self._call_target is None:
            raise TypeError("Type " + str(self._name) + " cannot be instantiated; use "
                            + self.__origin__.__name__.lower() + "() instead")
        return self._call_target(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class _UnionAlias(_GenericAlias):
    def __init__(self, args):
        super().__init__(Union, args, "Union")

    def __repr__(self):
        if len(self.__args__) == 2 and type(None) in self.__args__:
            other = self.__args__[0] if self.__args__[1] is type(None) else self.__args__[1]
            return "typing.Optional[" + _type_repr(other) + "]"
        return "typing.Union[" + ", ".join(_type_repr(a) for a in self.__args__) + "]"

    def __eq__(self, other):
        if not isinstance(other, _UnionAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


class _SpecialForm(_Unionable):
    """Any, Union, Optional, ClassVar, ...: names that take hints in []."""

    def __init__(self, name, getitem):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwargs):
        raise TypeError("Cannot instantiate " + repr(self))


def _union_of(form, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    members = []
    for p in parameters:
        p = _hint(p)
        inner = p.__args__ if isinstance(p, _UnionAlias) else (p,)
        for m in inner:
            if m not in members:
                members.append(m)
    if len(members) == 1:
        return members[0]
    return _UnionAlias(tuple(members))


def _optional_of(form, parameter):
    return _union_of(form, (parameter, None))


def _wrap_one(form, parameter):
    return _GenericAlias(form, (_hint(parameter),), form._name)


def _literal_of(form, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(form, parameters, "Literal")


def _no_params(form, parameters):
    raise TypeError(repr(form) + " is not subscriptable")


Any = _SpecialForm("Any", _no_params)
NoReturn = _SpecialForm("NoReturn", _no_params)
Never = _SpecialForm("Never", _no_params)
Self = _SpecialForm("Self", _no_params)
Union = _SpecialForm("Union", _union_of)
Optional = _SpecialForm("Optional", _optional_of)
ClassVar = _SpecialForm("ClassVar", _wrap_one)
Final = _SpecialForm("Final", _wrap_one)
Literal = _SpecialForm("Literal", _literal_of)


def _annotated_of(form, parameters):
    if not isinstance(parameters, tuple) or len(parameters) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments (a type and an annotation).")
    return parameters[0]


Annotated = _SpecialForm("Annotated", _annotated_of)


class _GenericName(_Unionable):
    """List, Dict, Iterable, ...: a bare name that takes parameters."""

    def __init__(self, name, origin, nparams, call_target=None):
        self._name = name
        self.__origin__ = origin
        self._nparams = nparams
        self._call_target = call_target

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, parameters):
        if not isinstance(parameters, tuple):
            parameters = (parameters,)
        if self._name == "Callable":
            if len(parameters) != 2:
                raise TypeError("Callable must be used as Callable[[arg, ...], result].")
            args, result = parameters
            if args is not ...:
                args = [_hint(a) for a in args]
            return _GenericAlias(self.__origin__, (args, _hint(result)), "Callable")
        if self._name == "Tuple" and parameters == ((),):
            return _GenericAlias(tuple, (), "Tuple")
        return _GenericAlias(self.__origin__, tuple(_hint(p) for p in parameters), self._name, self._call_target)

    def __call__(self, *args, **kwargs):
        if self._call_target is None:
            raise TypeError("Type " + self._name + " cannot be instantiated; use "
                            + self.__origin__.__name__ + "() instead")
        return self._call_target(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class _AbstractOrigin:
    """Stands for a collections.abc class gilvm does not have yet."""

    def __init__(self, name):
        self.__name__ = name
        self.__qualname__ = name
        self.__module__ = "collections.abc"


def _abstract(name):
    return _GenericName(name, _AbstractOrigin(name), -1)


List = _GenericName("List", list, 1)
Dict = _GenericName("Dict", dict, 2)
Set = _GenericName("Set", set, 1)
FrozenSet = _GenericName("FrozenSet", frozenset, 1)
Tuple = _GenericName("Tuple", tuple, -1)
Type = _GenericName("Type", type, 1)
Callable = _abstract("Callable")
Iterable = _abstract("Iterable")
Iterator = _abstract("Iterator")
Generator = _abstract("Generator")
Sequence = _abstract("Sequence")
MutableSequence = _abstract("MutableSequence")
Mapping = _abstract("Mapping")
MutableMapping = _abstract("MutableMapping")
AbstractSet = _abstract("Set")
MutableSet = _abstract("MutableSet")
Collection = _abstract("Collection")
Container = _abstract("Container")
Hashable = _abstract("Hashable")
Sized = _abstract("Sized")
Reversible = _abstract("Reversible")
Awaitable = _abstract("Awaitable")
Coroutine = _abstract("Coroutine")
AsyncIterable = _abstract("AsyncIterable")
AsyncIterator = _abstract("AsyncIterator")
AsyncGenerator = _abstract("AsyncGenerator")
KeysView = _abstract("KeysView")
ValuesView = _abstract("ValuesView")
ItemsView = _abstract("ItemsView")
MappingView = _abstract("MappingView")
Deque = _abstract("Deque")
DefaultDict = _abstract("DefaultDict")
Counter = _abstract("Counter")


class TypeVar(_Unionable):
    """A type variable: T = TypeVar('T'); its repr is ~T."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__


class Generic:
    """Base of user generic classes: class Stack(Generic[T])."""

    def __class_getitem__(cls, parameters):
        if not isinstance(parameters, tuple):
            parameters = (parameters,)
        return _GenericAlias(cls, tuple(_hint(p) for p in parameters), cls, cls)


class Protocol(Generic):
    """Base of structural types; like Generic, nothing is checked."""


def cast(typ, val):
    """Returns val unchanged (a hint for type checkers)."""
    return val


def overload(func):
    def overload_dummy(*args, **kwargs):
        raise NotImplementedError("You should not call an overloaded function. "
                                  "A series of @overload-decorated functions outside a stub module "
                                  "should always be followed by an implementation that is not @overload-ed.")
    return overload_dummy


def final(f):
    return f


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The object's annotations, with string annotations evaluated."""
    hints = {}
    sources = [obj] if not isinstance(obj, type) else list(reversed(obj.__mro__))
    for source in sources:
        annotations = getattr(source, "__annotations__", None) or {}
        namespace = globalns
        if namespace is None:
            namespace = getattr(source, "__globals__", None)
        for name, value in annotations.items():
            if isinstance(value, str):
                value = eval(value, namespace if namespace is not None else {}, localns)
            hints[name] = _hint(value)
    return hints


class NewType:
    """UserId = NewType('UserId', int): calling it returns its argument."""

    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp
        self.__module__ = "__main__"

    def __repr__(self):
        return self.__module__ + "." + self.__qualname__

    def __call__(self, x):
        return x
