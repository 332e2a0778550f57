"""Shallow and deep copies (copy.copy, copy.deepcopy)."""

__all__ = ["Error", "copy", "deepcopy"]

import _copy


class Error(Exception):
    pass


def _new_like(x):
    cls = type(x)
    new = object.__new__(cls) if cls.__new__ is object.__new__ else cls.__new__(cls)
    return new


def _slot_names(cls):
    """The __slots__ cells of cls and its bases, by attribute name (mangled)."""
    if getattr(cls, "__slots__", None) is None:
        return ()
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get("__slots__", ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = "_%s%s" % (c.__name__.lstrip("_"), name)
            names.append(name)
    return names


def _copy_slots(x, new, memo):
    """Copies x's slot values to new: deep copies unless memo is None."""
    for name in _slot_names(type(x)):
        try:
            value = getattr(x, name)
        except AttributeError:
            continue
        setattr(new, name, value if memo is None else deepcopy(value, memo))


_object_reduce_ex = getattr(object, "__reduce_ex__", None)
_object_reduce = getattr(object, "__reduce__", None)
_object_getstate = getattr(object, "__getstate__", None)


def _reduce_value(cls, x):
    """What the class's own __reduce_ex__(4) or __reduce__ returns, or None
    when it has neither (object's do not count)."""
    method = getattr(cls, "__reduce_ex__", None)
    if method is not None and method != _object_reduce_ex:
        return x.__reduce_ex__(4)
    method = getattr(cls, "__reduce__", None)
    if method is not None and method != _object_reduce:
        return x.__reduce__()
    # Own state methods: object.__reduce_ex__ (copyreg's protocol) uses them.
    if getattr(cls, "__setstate__", None) is not None or getattr(cls, "__getstate__", None) is not _object_getstate:
        return x.__reduce_ex__(4)
    # A subclass of an immutable built-in keeps its value in the built-in
    # part, which only __reduce_ex__ carries (through __getnewargs__); a
    # bare cls.__new__(cls) would make int 0 or str "".
    if cls not in _VALUE_TYPES and isinstance(x, _VALUE_TYPES):
        return x.__reduce_ex__(4)
    return None


_VALUE_TYPES = (int, float, complex, str, bytes, tuple, frozenset)


def _reconstruct(x, memo, rv, deep):
    """Builds the copy a __reduce__ value describes (copyreg's protocol)."""
    if isinstance(rv, str):
        return x
    func, args = rv[0], rv[1]
    state = rv[2] if len(rv) > 2 else None
    listiter = rv[3] if len(rv) > 3 else None
    dictiter = rv[4] if len(rv) > 4 else None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state:
                y.__dict__.update(state)
            if slotstate:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key, value = deepcopy(key, memo), deepcopy(value, memo)
            y[key] = value
    return y


def copy(x):
    """A shallow copy: a new container holding the same items."""
    cls = type(x)
    hook = getattr(cls, "__copy__", None)
    if hook is not None:
        return hook(x)
    if cls in (list, dict, set):
        return x.copy()
    if cls in (tuple, frozenset, str, bytes, int, float, complex, bool, type(None), range) or isinstance(x, type):
        return x
    rv = _reduce_value(cls, x)
    if rv is not None:
        return _reconstruct(x, None, rv, False)
    if callable(x) and not hasattr(x, "__dict__") and not _slot_names(cls):
        return x
    if isinstance(x, (list, dict, set)):
        new = cls.__new__(cls)
        if isinstance(x, dict):
            new.update(x)
        elif isinstance(x, list):
            new.extend(x)
        else:
            new.update(x)
        if hasattr(x, "__dict__"):
            new.__dict__.update(x.__dict__)
        return new
    slots = _slot_names(cls)
    if not hasattr(x, "__dict__") and not slots:
        raise Error("un(shallow)copyable object of type " + repr(cls))
    new = _new_like(x)
    if hasattr(x, "__dict__"):
        new.__dict__.update(x.__dict__)
    _copy_slots(x, new, None)
    return new


def deepcopy(x, memo=None):
    """A deep copy: containers and instances copied all the way down
    (shared and cyclic references stay shared, through `memo`). Exact
    lists, tuples, dicts and atomic values are copied natively (_copy);
    everything else comes back to _deepcopy_other."""
    if memo is None:
        memo = {}
    return _copy.deepcopy(x, memo, _deepcopy_other)


def _deepcopy_other(x, memo):
    """deepcopy of a value _copy does not handle (memo already consulted)."""
    key = id(x)
    cls = type(x)
    hook = getattr(cls, "__deepcopy__", None)
    if hook is not None:
        result = hook(x, memo)
    elif cls in (int, float, complex, bool, str, bytes, type(None), range) or isinstance(x, type):
        return x
    elif cls is frozenset:  # a new one, as CPython's reduce-based copy makes
        result = frozenset([deepcopy(item, memo) for item in x])
    elif (rv := _reduce_value(cls, x)) is not None:
        result = _reconstruct(x, memo, rv, True)
    elif callable(x) and not hasattr(x, "__dict__") and not _slot_names(cls):
        return x
    elif cls is list:
        result = []
        memo[key] = result
        result.extend(deepcopy(item, memo) for item in x)
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if key in memo:
            return memo[key]
        result = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is dict:
        result = {}
        memo[key] = result
        for k, v in x.items():
            result[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        result = set(deepcopy(item, memo) for item in x)
    elif hasattr(x, "__dict__") or _slot_names(cls):
        result = _new_like(x)
        memo[key] = result
        if isinstance(x, list):
            result.extend(deepcopy(item, memo) for item in x)
        elif isinstance(x, dict):
            for k, v in x.items():
                result[deepcopy(k, memo)] = deepcopy(v, memo)
        if hasattr(x, "__dict__"):
            for k, v in x.__dict__.items():
                result.__dict__[k] = deepcopy(v, memo)
        _copy_slots(x, result, memo)
    else:
        raise Error("un(deep)copyable object of type " + repr(cls))
    memo[key] = result
    return result
