"""Enumerations: Enum, IntEnum, StrEnum, auto and unique, with CPython's
reprs, lookups by value and name, aliases and errors.

The metaclass turns the plain attributes of an Enum class body into
members (instances of the class with _name_ and _value_); functions,
descriptors and _private names stay ordinary attributes.
"""

__all__ = ["EnumMeta", "EnumType", "Enum", "IntEnum", "StrEnum", "auto", "unique"]


class auto:
    """Stands for the next value: 1, 2, 3, ... (lower-cased names in StrEnum)."""

    _counter = 0

    def __init__(self):
        auto._counter += 1
        self._order = auto._counter

    def __repr__(self):
        return "auto()"


def _is_member_name(name, value):
    # Members are the public, non-callable, non-descriptor attributes.
    if name.startswith("_") or isinstance(value, (staticmethod, classmethod, property)):
        return False
    return isinstance(value, auto) or not callable(value)


class EnumMeta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        members = [(key, value) for key, value in namespace.items() if _is_member_name(key, value)]
        body = {key: value for key, value in namespace.items() if not _is_member_name(key, value)}
        cls = super().__new__(mcls, name, bases, body, **kwargs)
        type.__setattr__(cls, "_member_names_", [])
        type.__setattr__(cls, "_member_map_", {})
        type.__setattr__(cls, "_value2member_map_", {})
        data_type = None
        for base in cls.__mro__[1:]:
            if base in (int, str):
                data_type = base
                break
        # A data type's own repr (int's, str's) must not hide the member repr.
        if data_type is not None and "__repr__" not in namespace and "Enum" in globals():
            type.__setattr__(cls, "__repr__", Enum.__repr__)
        previous = 0
        for key, value in members:
            if isinstance(value, auto):
                value = key.lower() if data_type is str else previous + 1
            if isinstance(value, int) and not isinstance(value, bool):
                previous = value
            if value in cls._value2member_map_:
                member = cls._value2member_map_[value]  # an alias
            else:
                if data_type is int:
                    member = int.__new__(cls, value)
                elif data_type is str:
                    member = str.__new__(cls, value)
                else:
                    member = object.__new__(cls)
                member._name_ = key
                member._value_ = value
                cls._member_names_.append(key)
                cls._value2member_map_[value] = member
            cls._member_map_[key] = member
            type.__setattr__(cls, key, member)
        return cls

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is not None:
            return cls._create(value, names, start)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            raise ValueError(repr(value) + " is not a valid " + cls.__qualname__) from None

    def _create(cls, class_name, names, start):
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        namespace = {}
        for index, item in enumerate(names):
            if isinstance(item, str):
                namespace[item] = start + index
            else:
                namespace[item[0]] = item[1]
        if isinstance(names, dict):
            namespace = dict(names)
        return EnumMeta(class_name, (cls,), namespace)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[name] for name in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __bool__(cls):
        return True

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        return "<enum " + repr(cls.__name__) + ">"

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("cannot reassign member " + repr(name))
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("cannot delete member " + repr(name))
        super().__delattr__(name)


EnumType = EnumMeta


class Enum(metaclass=EnumMeta):
    """Base of enumerations: class Color(Enum): RED = 1"""

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return "<" + type(self).__name__ + "." + self._name_ + ": " + repr(self._value_) + ">"

    def __str__(self):
        return type(self).__name__ + "." + self._name_

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, protocol):
        return type(self), (self._value_,)


class IntEnum(int, Enum):
    """Enum whose members are also ints."""

    __str__ = int.__repr__

    def __format__(self, spec):
        return format(self._value_, spec)


class StrEnum(str, Enum):
    """Enum whose members are also strs."""

    def __str__(self):
        return self._value_

    def __format__(self, spec):
        return format(self._value_, spec)


def unique(enumeration):
    duplicates = [(name, member.name) for name, member in enumeration.__members__.items() if name != member.name]
    if duplicates:
        details = ", ".join(alias + " -> " + name for alias, name in duplicates)
        raise ValueError("duplicate values found in " + repr(enumeration) + ": " + details)
    return enumeration
