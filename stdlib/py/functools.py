"""Tools for functions: reduce, partial, wraps, lru_cache and cache,
total_ordering, cmp_to_key, cached_property and singledispatch's simple
case, as CPython's functools."""

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")
WRAPPER_UPDATES = ("__dict__",)

_initial_missing = object()


def reduce(function, iterable, initial=_initial_missing):
    it = iter(iterable)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    """partial(func, *args, **keywords): func with some arguments fixed."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        return self.func(*self.args, *args, **{**self.keywords, **keywords})

    def __repr__(self):
        parts = [repr(self.func)] + [repr(a) for a in self.args]
        parts += [k + "=" + repr(v) for k, v in self.keywords.items()]
        return "functools.partial(" + ", ".join(parts) + ")"


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


class _CacheInfo(tuple):
    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])

    def __repr__(self):
        return "CacheInfo(hits={}, misses={}, maxsize={}, currsize={})".format(*self)


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += (_make_key,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    return key


def lru_cache(maxsize=128, typed=False):
    """Memoizes the most recently used maxsize results (None: no limit)."""
    if callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        return lru_cache(maxsize, typed)(user_function)
    if maxsize is not None and not isinstance(maxsize, int):
        raise TypeError("Expected first argument to be an integer, a callable, or None")
    if maxsize is not None and maxsize < 0:
        maxsize = 0

    def decorating_function(user_function):
        cache = {}
        stats = [0, 0]  # hits, misses

        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            if key in cache:
                stats[0] += 1
                value = cache.pop(key)
                cache[key] = value  # most recently used goes last
                return value
            stats[1] += 1
            value = user_function(*args, **kwds)
            if maxsize != 0:
                cache[key] = value
                if maxsize is not None and len(cache) > maxsize:
                    del cache[next(iter(cache))]
            return value

        def cache_info():
            return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

        def cache_clear():
            cache.clear()
            stats[0] = stats[1] = 0

        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        wrapper.cache_parameters = lambda: {"maxsize": maxsize, "typed": typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def cache(user_function):
    return lru_cache(maxsize=None)(user_function)


# How total_ordering derives each missing comparison from the root one
# (r is the root's result), as CPython's functools does.
_DERIVED = {
    ("__lt__", "__gt__"): lambda r, a, b: not r and a != b,
    ("__lt__", "__le__"): lambda r, a, b: r or a == b,
    ("__lt__", "__ge__"): lambda r, a, b: not r,
    ("__le__", "__ge__"): lambda r, a, b: not r or a == b,
    ("__le__", "__lt__"): lambda r, a, b: r and a != b,
    ("__le__", "__gt__"): lambda r, a, b: not r,
    ("__gt__", "__lt__"): lambda r, a, b: not r and a != b,
    ("__gt__", "__ge__"): lambda r, a, b: r or a == b,
    ("__gt__", "__le__"): lambda r, a, b: not r,
    ("__ge__", "__le__"): lambda r, a, b: not r or a == b,
    ("__ge__", "__gt__"): lambda r, a, b: r and a != b,
    ("__ge__", "__lt__"): lambda r, a, b: not r,
}


def total_ordering(cls):
    """Fills in the missing rich comparisons from __eq__ and one of them."""
    preference = ["__lt__", "__le__", "__gt__", "__ge__"]
    defined = [op for op in preference if getattr(cls, op, None) is not getattr(object, op, None)]
    if not defined:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = defined[0]  # CPython's preference: < <= > >=

    def derived(op):
        formula = _DERIVED[(root, op)]

        def method(self, other):
            r = getattr(self, root)(other)
            if r is NotImplemented:
                return r
            return formula(r, self, other)

        method.__name__ = op
        return method

    for op in preference:
        if op not in defined:
            setattr(cls, op, derived(op))
    return cls


def cmp_to_key(mycmp):
    class K:
        __slots__ = ["obj"]

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K


class cached_property:
    """A property computed once per instance, then kept in its __dict__."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = self.func(instance)
        instance.__dict__[self.attrname] = value
        return value
