"""asyncio.Future: a result that arrives later, awaited by tasks.

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


class Future:
    # Class-level defaults: a new future sets only its loop and callbacks.
    _state = _PENDING
    _result = None
    _exception = None
    _exception_tb = None
    _loop = None
    _source_traceback = None
    _cancel_message = None
    _cancelled_exc = None
    # True while the future is being yielded to a task from __await__:
    # how a task tells an awaited future from a stray `yield`.
    _asyncio_future_blocking = False
    # An exception nobody retrieved is reported when the future is collected.
    _log_traceback = False

    def __init__(self, *, loop=None):
        self._loop = events.get_event_loop() if loop is None else loop
        self._callbacks = []

    def __del__(self):
        if not self._log_traceback:
            return
        self._loop.call_exception_handler({
            "message": f"{type(self).__name__} exception was never retrieved",
            "exception": self._exception,
            "future": self,
        })

    def __repr__(self):
        return f"<{type(self).__name__} {' '.join(self._repr_info())}>"

    def _repr_info(self):
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append(f"exception={self._exception!r}")
            else:
                info.append(f"result={_short_repr(self._result)}")
        if self._callbacks:
            info.append("cb=[" + ", ".join(events._format_callback(cb, ()) for cb, _ in self._callbacks) + "]")
        return info

    __class_getitem__ = classmethod(lambda cls, item: cls)

    def get_loop(self):
        return self._loop

    def cancel(self, msg=None):
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        if not callbacks:
            return
        self._callbacks = []
        loop = self._loop
        for callback, context in callbacks:
            loop.call_soon(callback, self, context=context)

    def _make_cancelled_error(self):
        # The CancelledError a cancelled task's coroutine raised is re-raised
        # itself (it carries the message and the traceback).
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        exc = CancelledError() if self._cancel_message is None else CancelledError(self._cancel_message)
        return exc

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Result is not set.")
        self._log_traceback = False
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Exception is not set.")
        self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self, context=context)
        else:
            self._callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        kept = [(f, ctx) for (f, ctx) in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError("invalid state")
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError("invalid state")
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators and cannot be raised into a Future")
        self._exception = exception
        self._exception_tb = exception.__traceback__
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True

    def __await__(self):
        if self._state == _PENDING:
            self._asyncio_future_blocking = True
            yield self  # the task waits for us (see Task._step)
        if self._state == _PENDING:
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _short_repr(value):
    text = repr(value)
    return text if len(text) <= 40 else text[:18] + "..." + text[-18:]


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
