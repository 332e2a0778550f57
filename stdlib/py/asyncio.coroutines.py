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


def iscoroutine(obj):
    """True for a coroutine object (what calling an `async def` gives)."""
    return isinstance(obj, _CoroutineType)
