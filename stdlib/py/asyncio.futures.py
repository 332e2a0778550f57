"""asyncio.Future (native, from _asyncio: a result that arrives later,
awaited by tasks) and the helpers that join asyncio futures with
concurrent.futures ones.

Callbacks never run inside set_result(): they are scheduled on the loop
with call_soon, in registration order, as CPython does.
"""
import concurrent.futures as _cf

from asyncio import events
from asyncio.exceptions import CancelledError, InvalidStateError

__all__ = ("Future", "wrap_future", "isfuture")

_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


def isfuture(obj):
    """True for objects that behave as asyncio futures (duck-typed, as CPython)."""
    return getattr(type(obj), "_asyncio_future_blocking", None) is not None and \
        obj._asyncio_future_blocking is not None


# Future itself is native (stdlib/asyncio/future.cpp), as CPython's _asyncio.
from _asyncio import Future


def _get_loop(fut):
    get_loop = getattr(fut, "get_loop", None)
    return get_loop() if get_loop is not None else fut._loop


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


def _convert_future_exc(exc):
    kind = type(exc)
    if kind is _cf.CancelledError:
        return CancelledError(*exc.args)
    if kind is _cf.InvalidStateError:
        return InvalidStateError(*exc.args)
    return exc


def _copy_into_asyncio_future(source, dest):
    """Gives `dest` (asyncio) the outcome of `source` (either kind), once."""
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
        return
    exc = source.exception()
    if exc is not None:
        dest.set_exception(_convert_future_exc(exc))
    else:
        dest.set_result(source.result())


def _copy_into_concurrent_future(dest, source):
    """Gives `dest` (concurrent.futures) the outcome of `source` (asyncio)."""
    if source.cancelled():
        dest.cancel()
    if not dest.set_running_or_notify_cancel():
        return
    exc = source.exception()
    if exc is not None:
        dest.set_exception(_convert_future_exc(exc))
    else:
        dest.set_result(source.result())


def _chain_future(source, destination):
    """When `source` finishes, `destination` gets its outcome; cancelling
    `destination` cancels `source`. Either may be a concurrent.futures.Future,
    whose callbacks run in other threads: those reach a loop only through
    call_soon_threadsafe."""
    source_loop = _get_loop(source) if isfuture(source) else None
    dest_loop = _get_loop(destination) if isfuture(destination) else None

    def deliver(dest, src):
        if isfuture(dest):
            _copy_into_asyncio_future(src, dest)
        else:
            _copy_into_concurrent_future(dest, src)

    def on_destination_done(dest):
        if not dest.cancelled():
            return
        if source_loop is None or source_loop is dest_loop:
            source.cancel()
        elif not source_loop.is_closed():
            source_loop.call_soon_threadsafe(source.cancel)

    def on_source_done(src):
        if destination.cancelled() and dest_loop is not None and dest_loop.is_closed():
            return
        if dest_loop is None or dest_loop is source_loop:
            deliver(destination, src)
        elif not dest_loop.is_closed():
            dest_loop.call_soon_threadsafe(deliver, destination, src)

    destination.add_done_callback(on_destination_done)
    source.add_done_callback(on_source_done)


def wrap_future(future, *, loop=None):
    """An asyncio future that follows a concurrent.futures.Future."""
    if isfuture(future):
        return future
    if not isinstance(future, _cf.Future):
        raise AssertionError(f"concurrent.futures.Future is expected, got {future!r}")
    if loop is None:
        loop = events.get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future)
    return new_future
