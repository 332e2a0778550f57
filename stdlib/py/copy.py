"""Shallow and deep copies (copy.copy, copy.deepcopy)."""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


def _new_like(x):
    cls = type(x)
    new = object.__new__(cls) if cls.__new__ is object.__new__ else cls.__new__(cls)
    return new


def copy(x):
    """A shallow copy: a new container holding the same items."""
    cls = type(x)
    hook = getattr(cls, "__copy__", None)
    if hook is not None:
        return hook(x)
    if cls in (list, dict, set):
        return x.copy()
    if cls in (tuple, frozenset, str, bytes, int, float, bool, type(None), range) or isinstance(x, type):
        return x
    if callable(x) and not hasattr(x, "__dict__"):
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
    if not hasattr(x, "__dict__"):
        raise Error("un(shallow)copyable object of type " + repr(cls))
    new = _new_like(x)
    new.__dict__.update(x.__dict__)
    return new


def deepcopy(x, memo=None):
    """A deep copy: containers and instances copied all the way down
    (shared and cyclic references stay shared, through `memo`)."""
    if memo is None:
        memo = {}
    key = id(x)
    if key in memo:
        return memo[key]
    cls = type(x)
    hook = getattr(cls, "__deepcopy__", None)
    if hook is not None:
        result = hook(x, memo)
    elif cls in (int, float, bool, str, bytes, type(None), range, frozenset) or isinstance(x, type):
        return x
    elif callable(x) and not hasattr(x, "__dict__"):
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
    elif hasattr(x, "__dict__"):
        result = _new_like(x)
        memo[key] = result
        if isinstance(x, list):
            result.extend(deepcopy(item, memo) for item in x)
        elif isinstance(x, dict):
            for k, v in x.items():
                result[deepcopy(k, memo)] = deepcopy(v, memo)
        for k, v in x.__dict__.items():
            result.__dict__[k] = deepcopy(v, memo)
    else:
        raise Error("un(deep)copyable object of type " + repr(cls))
    memo[key] = result
    return result
