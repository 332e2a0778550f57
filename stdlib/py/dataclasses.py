"""@dataclass: __init__, __repr__, __eq__ (and with order=True the
comparisons, with frozen=True read-only fields and __hash__) made from a
class's annotated fields, with CPython's signatures, reprs and errors.

CPython writes the methods as source and exec()s them; here they are
closures over the field list that bind arguments the same way and raise
the same TypeErrors.
"""

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "MISSING", "fields", "asdict",
           "astuple", "make_dataclass", "replace", "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return ("Field(name=" + repr(self.name) + ",type=" + repr(self.type) + ",default=" + repr(self.default)
                + ",default_factory=" + repr(self.default_factory) + ",init=" + repr(self.init) + ",repr="
                + repr(self.repr) + ",hash=" + repr(self.hash) + ",compare=" + repr(self.compare)
                + ",metadata=" + repr(self.metadata) + ",kw_only=" + repr(self.kw_only) + ")")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


_FIELDS = "__dataclass_fields__"


def _collect_fields(cls, kw_only):
    collected = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, _FIELDS, {}).values():
            collected[f.name] = f
    annotations = cls.__dict__.get("__annotations__", {})
    for name, type_ in annotations.items():
        default = cls.__dict__.get(name, MISSING)
        f = default if isinstance(default, Field) else field(default=default)
        f.name = name
        f.type = type_
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if f.default is not MISSING and type(f.default) in (list, dict, set):
            raise ValueError("mutable default " + repr(type(f.default)) + " for field " + name
                             + " is not allowed: use default_factory")
        # The class attribute becomes the plain default (or goes away).
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        collected[name] = f
    return collected


def _make_init(cls, init_fields, has_post_init):
    qualname = cls.__qualname__ + ".__init__"
    positional = [f for f in init_fields if not f.kw_only]
    keyword_only = [f for f in init_fields if f.kw_only]
    seen_default = False
    for f in positional:
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if seen_default and not has_default:
            raise TypeError("non-default argument " + repr(f.name) + " follows default argument")
        seen_default = seen_default or has_default
    required_count = sum(1 for f in positional if f.default is MISSING and f.default_factory is MISSING)

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            if required_count == len(positional):
                takes = str(len(positional) + 1)
            else:
                takes = "from " + str(required_count + 1) + " to " + str(len(positional) + 1)
            raise TypeError(qualname + "() takes " + takes + " positional argument"
                            + ("" if takes == "1" else "s") + " but " + str(len(args) + 1) + " were given")
        names = [f.name for f in init_fields]
        for key in kwargs:
            if key not in names:
                raise TypeError(qualname + "() got an unexpected keyword argument " + repr(key))
        values = {}
        for f, value in zip(positional, args):
            if f.name in kwargs:
                raise TypeError(qualname + "() got multiple values for argument " + repr(f.name))
            values[f.name] = value
        missing = {"positional": [], "keyword-only": []}
        for f in init_fields:
            if f.name in values:
                continue
            if f.name in kwargs:
                values[f.name] = kwargs[f.name]
            elif f.default is not MISSING:
                values[f.name] = f.default
            elif f.default_factory is not MISSING:
                values[f.name] = f.default_factory()
            else:
                missing["keyword-only" if f.kw_only else "positional"].append(f.name)
        for kind, names_missing in missing.items():
            if names_missing:
                quoted = [repr(n) for n in names_missing]
                listed = " and ".join(quoted) if len(quoted) <= 2 else ", ".join(quoted[:-1]) + ", and " + quoted[-1]
                raise TypeError(qualname + "() missing " + str(len(quoted)) + " required " + kind + " argument"
                                + ("" if len(quoted) == 1 else "s") + ": " + listed)
        for name, value in values.items():
            object.__setattr__(self, name, value)
        for f in fields(self):
            if not f.init and f.default_factory is not MISSING:
                object.__setattr__(self, f.name, f.default_factory())
        if has_post_init:
            self.__post_init__()

    __init__.__qualname__ = qualname
    return __init__


def _fields_tuple(obj, which):
    return tuple(getattr(obj, f.name) for f in getattr(obj, _FIELDS).values() if which(f))


def _process_class(cls, init, repr_, eq, order, unsafe_hash, frozen, kw_only):
    all_fields = _collect_fields(cls, kw_only)
    setattr(cls, _FIELDS, all_fields)
    field_list = list(all_fields.values())
    if init:
        cls.__init__ = _make_init(cls, [f for f in field_list if f.init], hasattr(cls, "__post_init__"))
    if repr_ and "__repr__" not in cls.__dict__:
        shown = [f.name for f in field_list if f.repr]

        def __repr__(self):
            return type(self).__qualname__ + "(" + ", ".join(n + "=" + repr(getattr(self, n)) for n in shown) + ")"

        __repr__.__qualname__ = cls.__qualname__ + ".__repr__"
        cls.__repr__ = __repr__
    compared = lambda f: f.compare
    if eq and "__eq__" not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _fields_tuple(self, compared) == _fields_tuple(other, compared)
            return NotImplemented

        __eq__.__qualname__ = cls.__qualname__ + ".__eq__"
        cls.__eq__ = __eq__
    if order:
        def make_compare(op, name):
            def compare(self, other):
                if other.__class__ is self.__class__:
                    return op(_fields_tuple(self, compared), _fields_tuple(other, compared))
                return NotImplemented
            compare.__qualname__ = cls.__qualname__ + "." + name
            return compare

        for name, op in [("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b),
                         ("__gt__", lambda a, b: a > b), ("__ge__", lambda a, b: a >= b)]:
            if name in cls.__dict__:
                raise TypeError("Cannot overwrite attribute " + name + " in class " + cls.__name__
                                + ". Consider using functools.total_ordering")
            setattr(cls, name, make_compare(op, name))
    if frozen:
        def __setattr__(self, name, value):
            if name in getattr(self, _FIELDS):
                raise FrozenInstanceError("cannot assign to field " + repr(name))
            object.__setattr__(self, name, value)

        def __delattr__(self, name):
            if name in getattr(self, _FIELDS):
                raise FrozenInstanceError("cannot delete field " + repr(name))
            object.__delattr__(self, name)

        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    # __hash__: CPython's table for the (unsafe_hash, eq, frozen) cases.
    hashed = lambda f: f.compare if f.hash is None else f.hash
    explicit_hash = "__hash__" in cls.__dict__ and cls.__dict__["__hash__"] is not None
    if unsafe_hash or (eq and frozen):
        if unsafe_hash and explicit_hash:
            raise TypeError("Cannot overwrite attribute __hash__ in class " + cls.__name__)
        if not explicit_hash or unsafe_hash:
            cls.__hash__ = lambda self: hash(_fields_tuple(self, hashed))
    elif eq and not explicit_hash:
        cls.__hash__ = None
    cls.__match_args__ = tuple(f.name for f in field_list if f.init and not f.kw_only)
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    if order and not eq:
        raise ValueError("eq must be true if order is true")

    def wrap(cls):
        cls = _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only)
        if weakref_slot and not slots:
            raise TypeError("weakref_slot is True but slots is False")
        if slots:
            cls = _add_slots(cls, frozen, weakref_slot)
        return cls

    return wrap if cls is None else wrap(cls)


def _declared_slots(cls):
    """The names cls's own __slots__ declares (as written)."""
    slots = cls.__dict__.get("__slots__")
    if slots is None:
        return ()
    return (slots,) if isinstance(slots, str) else tuple(slots)


def _add_slots(cls, frozen, weakref_slot):
    """slots=True: a new class like cls whose instances keep the fields in
    __slots__ cells (fields that bases already hold in slots excepted).
    A class cannot gain slots after creation, so, as CPython does, the
    class is made again from its namespace."""
    if "__slots__" in cls.__dict__:
        raise TypeError(cls.__name__ + " already specifies __slots__")
    namespace = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(_declared_slots(base))
    wanted = field_names + (("__weakref__",) if weakref_slot else ())
    namespace["__slots__"] = tuple(n for n in wanted if n not in inherited)
    for name in field_names:
        namespace.pop(name, None)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    qualname = getattr(cls, "__qualname__", None)
    cls = type(cls)(cls.__name__, cls.__bases__, namespace)
    if qualname is not None:
        cls.__qualname__ = qualname
    if frozen:
        # The frozen __setattr__ refuses the fields, so copy and pickle
        # restore them through object.__setattr__.
        if "__getstate__" not in namespace:
            cls.__getstate__ = _frozen_getstate
        if "__setstate__" not in namespace:
            cls.__setstate__ = _frozen_setstate
    return cls


def _frozen_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _frozen_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def fields(class_or_instance):
    try:
        all_fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(all_fields.values())


def _copy_value(value, as_dict):
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value) if as_dict else astuple(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_copy_value(v, as_dict) for v in value)
    if isinstance(value, dict):
        return type(value)((_copy_value(k, as_dict), _copy_value(v, as_dict)) for k, v in value.items())
    return value


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return dict_factory([(f.name, _copy_value(getattr(obj, f.name), True)) for f in fields(obj)])


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return tuple_factory([_copy_value(getattr(obj, f.name), False) for f in fields(obj)])


def replace(obj, /, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields_spec, *, bases=(), namespace=None, **options):
    namespace = dict(namespace or {})
    annotations = {}
    for item in fields_spec:
        if isinstance(item, str):
            annotations[item] = "typing.Any"
        elif len(item) == 2:
            annotations[item[0]] = item[1]
        else:
            annotations[item[0]] = item[1]
            namespace[item[0]] = item[2]
    namespace["__annotations__"] = annotations
    return dataclass(type(cls_name, bases, namespace), **options)
