"""iscoroutine and iscoroutinefunction."""

__all__ = ("iscoroutinefunction", "iscoroutine")

_CO_COROUTINE = 0x80


async def _sample():
    pass


_sample_coro = _sample()
_CoroutineType = type(_sample_coro)
_sample_coro.close()
del _sample_coro


def iscoroutinefunction(func):
    """True for an `async def` function (or a method of one)."""
    func = getattr(func, "__func__", func)
    while hasattr(func, "func") and hasattr(func, "args") and hasattr(func, "keywords"):
        func = func.func  # functools.partial
    if getattr(func, "_is_coroutine", None) is _is_coroutine:
        return True
    code = getattr(func, "__code__", None)
    return code is not None and bool(code.co_flags & _CO_COROUTINE)


# The marker CPython's asyncio.coroutines exposes for functions that should
# count as coroutine functions although they are not `async def`.
_is_coroutine = object()


_iscoroutine_typecache = set()


def iscoroutine(obj):
    """True for a coroutine object (what calling an `async def` gives), or
    anything collections.abc.Coroutine accepts: an async generator's
    aclose() awaitable, which the loop's asyncgen finalizer hook runs as a
    task, for one. Types found so are remembered, as CPython does."""
    t = type(obj)
    if t is _CoroutineType or t in _iscoroutine_typecache:
        return True
    import collections.abc
    if isinstance(obj, collections.abc.Coroutine):
        if len(_iscoroutine_typecache) < 100:
            _iscoroutine_typecache.add(t)
        return True
    return False
