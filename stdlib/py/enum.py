"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique,
member/nonmember and the FlagBoundary policies, with CPython 3.11's reprs,
lookups by value and name, aliases, pseudo-members and errors.

How a class becomes an enumeration
----------------------------------
The metaclass's __prepare__ hands the class body an _EnumDict, which
resolves each auto() the moment it is assigned (so `WHITE = RED | BLUE`
in a body sees ints, as in CPython) and records the member names in
order. EnumType.__new__ then takes those names out of the namespace,
creates the class and makes one member per distinct value: an instance of
the class (built by the data type's __new__ for IntEnum and friends, or by
a __new__ the body defines) carrying _name_ and _value_. A later name with
an equal value becomes an alias of the first member.

Flags
-----
A Flag's canonical members are its single-bit values; they alone are
iterated and counted. Any other int in the flag's range is reached through
_missing_, which builds (and caches in _value2member_map_) a pseudo-member
named by the canonical members it contains ("R|W"). What happens to bits
that no member names is the class's boundary: STRICT refuses them, CONFORM
drops them, EJECT returns a plain int, KEEP keeps them in the value and
shows them as a number in the name.
"""

import sys as _sys

__all__ = [
    "EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag",
    "ReprEnum", "auto", "unique", "property", "verify", "member", "nonmember",
    "FlagBoundary", "STRICT", "CONFORM", "EJECT", "KEEP", "global_flag_repr",
    "global_enum_repr", "global_str", "global_enum", "EnumCheck", "CONTINUOUS",
    "NAMED_FLAGS", "UNIQUE", "pickle_by_global_name", "pickle_by_enum_name",
]

_builtin_property = property

# The classes defined below; None while this module defines them (the
# metaclass runs for Enum itself before the name Enum exists).
Enum = Flag = ReprEnum = None


class _AutoPending:
    def __repr__(self):
        return "_auto_null"


_auto_null = _AutoPending()


class auto:
    """Stands for the next value, chosen by _generate_next_value_."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


class member:
    """Forces an attribute of an enum body to become a member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keeps an attribute of an enum body from becoming a member."""

    def __init__(self, value):
        self.value = value


class property(_builtin_property):
    """A property for enum members whose name may also be a member's name:
    on the class it looks the member up instead of returning itself."""

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            try:
                return ownerclass._member_map_[self.name]
            except (KeyError, AttributeError):
                raise AttributeError("%r has no attribute %r" % (ownerclass, self.name)) from None
        return super().__get__(instance, ownerclass)

    def __set_name__(self, ownerclass, name):
        self.name = name


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def _is_private(class_name, name):
    prefix = "_" + class_name.lstrip("_") + "__"
    return name.startswith(prefix) and not name.endswith("__")


def _is_descriptor(value):
    return hasattr(value, "__get__") or hasattr(value, "__set__") or hasattr(value, "__delete__")


def _is_single_bit(value):
    return value > 0 and value & (value - 1) == 0


def _padded_binary(number, width):
    """enum's binary notation in error messages: a sign digit, a space, then
    the digits sign-extended to width ("0b0 0111", "0b1 1001" for -7)."""
    length = max(width, number.bit_length())
    if number >= 0:
        digits = format(number, "b").rjust(length, "0")
        return "0b0 " + digits
    digits = format(number & ((1 << length) - 1), "b").rjust(length, "0")
    return "0b1 " + digits


class _EnumDict(dict):
    """The class body's namespace: resolves auto() as it is assigned and
    remembers which names are members."""

    def __init__(self, class_name=""):
        super().__init__()
        self._class_name = class_name
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if _is_private(self._class_name, key):
            pass
        elif _is_sunder(key):
            if key == "_ignore_":
                names = value.replace(",", " ").split() if isinstance(value, str) else list(value)
                self._ignore = names
                already = set(names) & set(self._member_names)
                if already:
                    raise ValueError("_ignore_ cannot specify already set names: %r" % (sorted(already),))
            elif key == "_generate_next_value_":
                if self._member_names:
                    raise TypeError("_generate_next_value_ must be defined before members")
                self._generate_next_value = getattr(value, "__func__", value)
            elif key not in ("_order_", "_missing_", "_numeric_repr_", "_iter_member_",
                             "_iter_member_by_value_", "_iter_member_by_def_", "_add_alias_",
                             "_add_value_alias_"):
                raise ValueError("_sunder_ names, such as %r, are reserved for future Enum use" % (key,))
        elif _is_dunder(key):
            if key == "__order__":
                key = "_order_"
        elif key in self._member_names:
            raise TypeError("%r already defined as %r" % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value) and not isinstance(value, member):
            pass
        else:
            if key in self:
                raise TypeError("%r already defined as %r" % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            if isinstance(value, auto):
                value = self._resolve_auto(key, value)
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(self._resolve_auto(key, v) if isinstance(v, auto) else v for v in value)
            self._member_names[key] = None
            self._last_values.append(value)
        super().__setitem__(key, value)

    def _resolve_auto(self, key, item):
        if item.value is _auto_null:
            generate = self._generate_next_value or self._inherited_generate
            item.value = generate(key, 1, len(self._member_names), self._last_values[:])
        return item.value

    _inherited_generate = None


class EnumType(type):
    """Metaclass of enumerations."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        namespace = _EnumDict(cls)
        first_enum = metacls._first_enum(bases)
        if first_enum is not None:
            generate = getattr(first_enum, "_generate_next_value_", None)
            namespace._inherited_generate = getattr(generate, "__func__", generate)
        return namespace

    @staticmethod
    def _first_enum(bases):
        for base in reversed(bases):
            if isinstance(base, EnumType):
                return base
        return None

    @staticmethod
    def _data_type(bases):
        # The first base (in MRO order) that stores the members' data: a
        # built-in type or a class with its own __new__.
        for base in bases:
            for klass in base.__mro__:
                if klass is object or isinstance(klass, EnumType):
                    continue
                if klass in (int, str, float, bytes, tuple, complex, frozenset) or "__new__" in klass.__dict__:
                    return klass
        return object

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if not isinstance(classdict, _EnumDict):
            # A namespace made without __prepare__ (type(name, bases, dict)):
            # replaying it into an _EnumDict finds the members.
            replay = metacls.__prepare__(cls, bases)
            for key, value in classdict.items():
                replay[key] = value
            classdict = replay
        member_names = list(classdict._member_names)
        ignore = classdict._ignore
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError("<enum %r> cannot extend %r" % (cls, base))
        body = {key: value for key, value in classdict.items() if key not in member_names and key not in ignore}
        body.pop("_ignore_", None)
        values = [classdict[name] for name in member_names]
        # Calling the class looks a member up (Enum.__new__); the __new__ a
        # body defines makes the members instead, as __new_member__.
        if Enum is not None:
            custom_new = body.get("__new__")
            if custom_new is not None:
                body["__new_member__"] = custom_new
            body["__new__"] = Enum.__dict__["__new__"]
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        data_type = metacls._data_type(bases)
        type.__setattr__(enum_class, "_member_names_", [])
        type.__setattr__(enum_class, "_member_map_", {})
        type.__setattr__(enum_class, "_value2member_map_", {})
        type.__setattr__(enum_class, "_unhashable_values_", [])
        type.__setattr__(enum_class, "_member_type_", data_type)
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if is_flag:
            if boundary is not None:
                type.__setattr__(enum_class, "_boundary_", boundary)
            elif "_boundary_" not in enum_class.__dict__:
                type.__setattr__(enum_class, "_boundary_", getattr(enum_class, "_boundary_", None) or STRICT)
        if "_value_repr_" not in body and data_type is not object:
            type.__setattr__(enum_class, "_value_repr_", data_type.__repr__)
        if Enum is not None:
            metacls._prefer_enum_methods(enum_class, bases, body, data_type)
        new_member = getattr(enum_class, "__new_member__", None)
        for name, value in zip(member_names, values):
            enum_class._add_member(name, value, data_type, new_member)
        if is_flag:
            enum_class._finish_flag()
        return enum_class

    @staticmethod
    def _prefer_enum_methods(enum_class, bases, body, data_type):
        # A ReprEnum shows its data type's str() and format(); every other
        # enum keeps the enum's repr, str, format and pickling even where a
        # data type (int, str, bytes ...) comes first in the MRO.
        if ReprEnum is not None and ReprEnum in bases and data_type is not object:
            if "__format__" not in body:
                type.__setattr__(enum_class, "__format__", data_type.__format__)
                body["__format__"] = data_type.__format__
            if "__str__" not in body:
                method = data_type.__str__
                if method is object.__str__:
                    method = data_type.__repr__
                type.__setattr__(enum_class, "__str__", method)
                body["__str__"] = method
        first_enum = EnumType._first_enum(bases)
        for name in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
            if name in body:
                continue
            found = getattr(enum_class, name)
            if found is getattr(object, name) or found is getattr(data_type, name):
                type.__setattr__(enum_class, name, getattr(first_enum, name))

    def _add_member(enum_class, name, value, data_type, new_member):
        args = value if isinstance(value, tuple) else (value,)
        if data_type is tuple:
            args = (args,)
        if new_member is not None:
            member = new_member(enum_class, *args)
        elif data_type is object:
            member = object.__new__(enum_class)
        else:
            member = data_type.__new__(enum_class, *args)
        if not hasattr(member, "_value_"):
            if data_type is object:
                member._value_ = value
            else:
                try:
                    member._value_ = data_type(*args)
                except Exception:
                    member._value_ = value
        value = member._value_
        member._name_ = name
        member.__objclass__ = enum_class
        member.__init__(*args)
        member._sort_order_ = len(enum_class._member_names_)
        # An equal value seen before makes this name an alias.
        existing = enum_class._lookup_value(value)
        if existing is not None:
            member = existing
        else:
            canonical = True
            if Flag is not None and issubclass(enum_class, Flag) and isinstance(value, int):
                canonical = _is_single_bit(value)
            if canonical:
                enum_class._member_names_.append(name)
        enum_class._member_map_[name] = member
        try:
            enum_class._value2member_map_.setdefault(value, member)
        except TypeError:
            enum_class._unhashable_values_.append(value)
        # Members shadow only what is not a descriptor of a base class.
        type.__setattr__(enum_class, name, member)

    def _lookup_value(enum_class, value):
        try:
            return enum_class._value2member_map_.get(value)
        except TypeError:
            for member in enum_class._member_map_.values():
                if member._value_ == value:
                    return member
        return None

    def _finish_flag(flag_class):
        flag_mask = singles_mask = 0
        for member in flag_class._member_map_.values():
            value = member._value_
            if isinstance(value, int):
                flag_mask |= value
                if _is_single_bit(value):
                    singles_mask |= value
        type.__setattr__(flag_class, "_flag_mask_", flag_mask)
        type.__setattr__(flag_class, "_singles_mask_", singles_mask)
        type.__setattr__(flag_class, "_all_bits_", (1 << flag_mask.bit_length()) - 1)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start,
                            boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1, boundary=None):
        bases = (cls,) if type is None else (type, cls)
        metacls = cls.__class__
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original, names = names, []
            last_values = []
            for count, name in enumerate(original):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        items = names.items() if hasattr(names, "items") else names
        for item in items:
            if isinstance(item, str):
                name, value = item, names[item]
            else:
                name, value = item
            classdict[name] = value
        if module is None:
            try:
                module = _sys._getframe(2).f_globals["__name__"]
            except (AttributeError, ValueError, KeyError):
                pass
        if module is not None:
            classdict["__module__"] = module
        if qualname is not None:
            classdict["__qualname__"] = qualname
        if boundary is not None:
            return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)
        return metacls.__new__(metacls, class_name, bases, classdict)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[name] for name in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            import warnings
            warnings.warn("in 3.12 __contains__ will no longer raise TypeError, but will return True or\n"
                          "False depending on whether the value is a member or the value of a member",
                          DeprecationWarning, stacklevel=2)
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __bool__(cls):
        return True

    @_builtin_property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % (cls.__name__,)
        return "<enum %r>" % (cls.__name__,)

    def __dir__(cls):
        names = {"__class__", "__doc__", "__members__", "__module__"}
        names.update(cls._member_names_)
        for klass in cls.__mro__:
            for key in klass.__dict__:
                if not key.startswith("_") and klass is not object:
                    names.add(key)
        return sorted(names)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("cannot reassign member %r" % (name,))
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, name))
        super().__delattr__(name)


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    """Base of enumerations: class Color(Enum): RED = 1"""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        found = cls._lookup_value(value)
        if found is not None:
            return found
        failure = None
        try:
            result = cls._missing_(value)
        except Exception as error:
            failure, result = error, None
        if isinstance(result, cls):
            return result
        if Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT and isinstance(result, int):
            return result
        not_valid = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if failure is None:
            if result is None:
                raise not_valid
            failure = TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                                % (cls.__name__, result))
        if not isinstance(failure, ValueError):
            failure.__context__ = not_valid
        raise failure

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        value_repr = getattr(type(self), "_value_repr_", None) or repr
        if self._name_ is None:
            return "<%s: %s>" % (type(self).__name__, value_repr(self._value_))
        return "<%s.%s: %s>" % (type(self).__name__, self._name_, value_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __dir__(self):
        names = {"__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"}
        for klass in type(self).__mro__:
            if klass is object or klass is Enum:
                continue
            names.update(key for key in klass.__dict__ if not key.startswith("_"))
        names.update(key for key in self.__dict__ if not key.startswith("_"))
        return sorted(names)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, protocol):
        return type(self), (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class ReprEnum(Enum):
    """An Enum whose str() and format() are those of its data type; only
    repr() shows the member."""


class IntEnum(int, ReprEnum):
    """Enum whose members are also ints."""

    __str__ = int.__repr__

    def __format__(self, spec):
        return int.__format__(self._value_, spec)


class StrEnum(str, ReprEnum):
    """Enum whose members are also strs."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError("too many arguments for str(): %r" % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError("%r is not a string" % (values[0],))
        member = str.__new__(cls, *values)
        member._value_ = str(*values)
        return member

    def __str__(self):
        return str.__str__(self._value_)

    def __format__(self, spec):
        return str.__format__(self._value_, spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(StrEnum):
    """What a Flag does with bits no member names."""

    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):
    """Enum whose members combine with |, & and ^."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        highest = max(last_values)
        try:
            return 1 << highest.bit_length()
        except Exception:
            raise TypeError("invalid flag value %r" % (highest,)) from None

    @classmethod
    def _iter_member_(cls, value):
        for name in cls._member_names_:
            member = cls._member_map_[name]
            if member._value_ & value:
                yield member

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        negative = None
        boundary = cls._boundary_
        if boundary is STRICT or boundary is KEEP or boundary is CONFORM:
            if value < 0:
                negative = value
                value = max(cls._all_bits_ + 1, 1 << value.bit_length()) + value
        if boundary is STRICT:
            if value & ~flag_mask:
                width = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s"
                                 % (cls, value, _padded_binary(value, width), _padded_binary(flag_mask, width)))
        elif boundary is CONFORM:
            value &= flag_mask
        elif boundary is EJECT:
            if value & ~flag_mask:
                return value
        unknown = value & ~flag_mask
        known = value & flag_mask
        if cls._member_type_ is object and getattr(cls, "__new_member__", None) is None:
            pseudo = object.__new__(cls)
        else:
            make = getattr(cls, "__new_member__", None) or cls._member_type_.__new__
            pseudo = make(cls, value)
        if not hasattr(pseudo, "_value_"):
            pseudo._value_ = value
        if known:
            names = [m._name_ for m in cls._iter_member_(known)]
            if unknown:
                names.append(cls._numeric_repr_(unknown))
            pseudo._name_ = "|".join(names)
        else:
            pseudo._name_ = None
        pseudo = cls._value2member_map_.setdefault(value, pseudo)
        if negative is not None:
            cls._value2member_map_[negative] = pseudo
        return pseudo

    _numeric_repr_ = repr

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, type(self).__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return self._iter_member_(self._value_)

    def __len__(self):
        return self._value_.bit_count()

    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (type(self).__name__, self._value_)
        return "%s.%s" % (type(self).__name__, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, type(self)):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return None

    def __or__(self, other):
        other_value = self._other_value(other)
        if other_value is None:
            return NotImplemented
        return type(self)(self._value_ | other_value)

    def __and__(self, other):
        other_value = self._other_value(other)
        if other_value is None:
            return NotImplemented
        return type(self)(self._value_ & other_value)

    def __xor__(self, other):
        other_value = self._other_value(other)
        if other_value is None:
            return NotImplemented
        return type(self)(self._value_ ^ other_value)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        if self._boundary_ is EJECT or self._boundary_ is KEEP:
            return type(self)(~self._value_)
        return type(self)(self._singles_mask_ & ~self._value_)


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Flag whose members are also ints."""

    __str__ = int.__repr__

    def __format__(self, spec):
        return int.__format__(self._value_, spec)

    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__ror__
    __rand__ = Flag.__rand__
    __rxor__ = Flag.__rxor__
    __invert__ = Flag.__invert__


def _refuse_aliases(enumeration, problem):
    # "ALIAS -> NAME" for each alias, in a ValueError saying `problem`.
    aliases = [(name, member.name) for name, member in enumeration.__members__.items() if name != member.name]
    if aliases:
        details = ", ".join("%s -> %s" % pair for pair in aliases)
        raise ValueError("%s in %r: %s" % (problem, enumeration, details))


def unique(enumeration):
    """Class decorator: refuses aliases."""
    _refuse_aliases(enumeration, "duplicate values found")
    return enumeration


class EnumCheck(StrEnum):
    """The properties verify() can check."""

    CONTINUOUS = "no skipped integer values"
    NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"
    UNIQUE = "one name per value"


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck


class verify:
    """Class decorator checking EnumCheck properties of an enumeration."""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        name = enumeration.__name__
        for check in self.checks:
            if check is UNIQUE:
                _refuse_aliases(enumeration, "aliases found")
            elif check is CONTINUOUS:
                values = {m.value for m in enumeration}
                if len(values) < 2:
                    continue
                low, high = min(values), max(values)
                if issubclass(enumeration, Flag):
                    expected = {1 << bit for bit in range(low.bit_length() - 1, high.bit_length())}
                else:
                    expected = set(range(low, high + 1))
                missing = sorted(expected - values)
                if missing:
                    kind = "flag" if issubclass(enumeration, Flag) else "enum"
                    raise ValueError("invalid %s %r: missing values %s"
                                     % (kind, name, ", ".join(str(v) for v in missing)))
            elif check is NAMED_FLAGS:
                singles = enumeration._singles_mask_
                problems = []
                for alias_name, member in enumeration._member_map_.items():
                    value = member._value_
                    if alias_name in enumeration._member_names_ or not value:
                        continue
                    unnamed = value & ~singles
                    if unnamed:
                        problems.append((alias_name, unnamed))
                if problems:
                    alias_name, unnamed = problems[0]
                    bits = [1 << b for b in range(unnamed.bit_length()) if unnamed >> b & 1]
                    raise ValueError("invalid Flag %r: alias %s is missing value%s %s [use enum.show_flag_values(value) for details]"
                                     % (name, alias_name, "s" if len(bits) > 1 else "", ", ".join(map(str, bits))))
        return enumeration


def show_flag_values(value):
    return [1 << bit for bit in range(value.bit_length()) if value >> bit & 1]


def global_enum_repr(self):
    module = type(self).__module__.split(".")[-1]
    return "%s.%s" % (module, self._name_)


def global_flag_repr(self):
    module = type(self).__module__.split(".")[-1]
    if self._name_ is None:
        return "%s.%s(%r)" % (module, type(self).__name__, self._value_)
    return "|".join("%s.%s" % (module, name) for name in self._name_.split("|"))


def global_str(self):
    if self._name_ is None:
        return "%s(%r)" % (type(self).__name__, self._value_)
    return self._name_


def global_enum(cls, update_str=False):
    """Class decorator: puts the members in their module's namespace and
    shows them as module.NAME."""
    if issubclass(cls, Flag):
        type.__setattr__(cls, "__repr__", global_flag_repr)
    else:
        type.__setattr__(cls, "__repr__", global_enum_repr)
    if not issubclass(cls, ReprEnum) or update_str:
        type.__setattr__(cls, "__str__", global_str)
    _sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


def pickle_by_global_name(self, proto):
    return self.name


def pickle_by_enum_name(self, proto):
    return getattr, (type(self), self.name)
