"""The event loop: Handle, TimerHandle, the loop class, and which loop runs.

The scheduling core is native (_asyncio_loop, stdlib/asyncio/loop.hpp):
Handle and TimerHandle, and BaseEventLoop's base class NativeLoop, which
keeps the ready deque and the timer heap and runs one iteration
(_run_once) as CPython's does -- waiting on Boost.Asio with the GIL
released. What stays here: running and stopping, readers and writers (one
dict per direction, fd -> Handle), executors, async generator hooks and
the exception handlers.
"""
import sys
import _thread
import threading
import _asyncio_loop

__all__ = ("AbstractEventLoopPolicy", "AbstractEventLoop", "Handle", "TimerHandle", "get_event_loop_policy",
           "set_event_loop_policy", "get_event_loop", "set_event_loop", "new_event_loop", "get_running_loop",
           "_get_running_loop", "BaseEventLoop")


def _function_source(func):
    func = getattr(func, "__func__", func)
    while hasattr(func, "func") and hasattr(func, "keywords"):
        func = func.func
    code = getattr(func, "__code__", None)
    if code is None:
        return None
    return code.co_filename, code.co_firstlineno


def _format_callback(func, args, suffix=""):
    """'name(arg, ...)', as the loop's messages name a callback."""
    if hasattr(func, "func") and hasattr(func, "keywords") and hasattr(func, "args"):
        inner = _format_callback(func.func, func.args)
        return f"functools.partial({inner})" + suffix
    import reprlib  # as CPython: long arguments are shortened
    name = getattr(func, "__qualname__", None) or getattr(func, "__name__", None) or repr(func)
    return name + "(" + ", ".join(reprlib.repr(a) for a in args) + ")" + suffix


def _format_callback_source(func, args):
    text = _format_callback(func, args)
    source = _function_source(func)
    if source:
        text += f" at {source[0]}:{source[1]}"
    return text


Handle = _asyncio_loop.Handle
TimerHandle = _asyncio_loop.TimerHandle


def _format_handle(handle):
    cb = handle._callback
    if isinstance(getattr(cb, "__self__", None), _asyncio_task_type()):
        return str(cb.__self__)  # a task's step: the task says more
    return str(handle)


def _asyncio_task_type():
    import _asyncio
    return _asyncio.Task


def _warn_slow_callback(handle, seconds):
    """Debug mode: a callback ran for at least loop.slow_callback_duration."""
    _logger().warning("Executing %s took %.3f seconds", _format_handle(handle), seconds)


class AbstractEventLoop:
    """The interface; BaseEventLoop implements it."""

    def run_forever(self):
        raise NotImplementedError

    def run_until_complete(self, future):
        raise NotImplementedError

    def stop(self):
        raise NotImplementedError

    def is_running(self):
        raise NotImplementedError

    def is_closed(self):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError


def _check_callback(callback, method):
    if not callable(callback):
        raise TypeError(f"a callable object was expected by {method}(), got {callback!r}")


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return  # the loop is already unwinding with it
    fut.get_loop().stop()


class BaseEventLoop(_asyncio_loop.NativeLoop, AbstractEventLoop):
    # Native (NativeLoop): call_soon, call_soon_threadsafe, call_later,
    # call_at, time, stop, _run_once, and the _stopping, _closed and _debug
    # flags.
    slow_callback_duration = 0.1

    def __init__(self):
        self._stopping = False
        self._closed = False
        self._thread_id = None
        self._exception_handler = None
        self._default_executor = None
        self._executor_shutdown_called = False
        self._task_factory = None
        self._debug = False
        # Async generators started while this loop ran (its firstiter hook):
        # a weak record, so an abandoned one is still collected and its
        # finalizer hook schedules its aclose(); shutdown_asyncgens closes
        # the rest.
        self._asyncgens = _asyncio_loop.AsyncGenSet()
        self._asyncgens_shutdown_called = False
        # Tasks not yet done (asyncio.all_tasks). Strong references: gilvm has
        # no weakref module yet, so a pending task lives as long as its loop.
        self._tasks = set()
        # Watched file descriptors: fd -> Handle, one dict per direction.
        self._readers = {}
        self._writers = {}

    def __repr__(self):
        return f"<{type(self).__name__} running={self.is_running()} closed={self.is_closed()} debug={self.get_debug()}>"

    # -- running --------------------------------------------------------
    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def _check_running(self):
        if self.is_running():
            raise RuntimeError("This event loop is already running")
        if _get_running_loop() is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")

    def run_forever(self):
        self._check_closed()
        self._check_running()
        self._thread_id = _thread.get_ident()
        old_agen_hooks = sys.get_asyncgen_hooks()
        _set_running_loop(self)
        try:
            sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook,
                                   finalizer=self._asyncgen_finalizer_hook)
            self._run_until_stopped()
        finally:
            self._stopping = False
            self._thread_id = None
            _set_running_loop(None)
            sys.set_asyncgen_hooks(*old_agen_hooks)

    def run_until_complete(self, future):
        from asyncio import futures, tasks
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False  # an interrupted run leaves it pending, quietly
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()  # the caller sees it: not "never retrieved"
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def is_running(self):
        return self._thread_id is not None

    def is_closed(self):
        return self._closed

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._close_core()
        self._readers.clear()
        self._writers.clear()
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = bool(enabled)

    # -- file descriptors -------------------------------------------------
    # The loop watches at most one reader and one writer callback per fd,
    # each called every iteration while the fd stays ready (level-triggered,
    # as with selectors) until it is removed.
    def _watch(self, fd, table, callback, args):
        self._check_closed()
        handle = Handle(callback, args, self, None)
        old = table.get(fd)
        table[fd] = handle
        try:
            self._watch_fd(fd, self._mask_of(fd))
        except BaseException:
            if old is None:
                del table[fd]
            else:
                table[fd] = old
            raise
        if old is not None:
            old.cancel()

    def _unwatch(self, fd, table):
        if self._closed:
            return False
        handle = table.pop(fd, None)
        if handle is None:
            return False
        handle.cancel()
        self._watch_fd(fd, self._mask_of(fd))
        return True

    def _mask_of(self, fd):
        return (_READABLE if fd in self._readers else 0) | (_WRITABLE if fd in self._writers else 0)

    def add_reader(self, fd, callback, *args):
        self._watch(_fileobj_to_fd(fd), self._readers, callback, args)

    def remove_reader(self, fd):
        return self._unwatch(_fileobj_to_fd(fd), self._readers)

    def add_writer(self, fd, callback, *args):
        self._watch(_fileobj_to_fd(fd), self._writers, callback, args)

    def remove_writer(self, fd):
        return self._unwatch(_fileobj_to_fd(fd), self._writers)

    # -- futures and tasks ----------------------------------------------
    def create_future(self):
        from asyncio.futures import Future
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        from asyncio import tasks
        self._check_closed()
        if self._task_factory is None:
            task = tasks.Task(coro, loop=self, name=name, context=context)
        else:
            if context is None:
                task = self._task_factory(self, coro)
            else:
                task = self._task_factory(self, coro, context=context)
            if name is not None:
                task.set_name(name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError("task factory must be a callable or None")
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # -- threads --------------------------------------------------------
    def run_in_executor(self, executor, func, *args):
        from asyncio import futures
        import concurrent.futures
        self._check_closed()
        if self._debug:
            _check_callback(func, "run_in_executor")
        if executor is None:
            if self._executor_shutdown_called:
                raise RuntimeError("Executor shutdown has been called")
            executor = self._default_executor
            if executor is None:
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix="asyncio")
                self._default_executor = executor
        return futures.wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        import concurrent.futures
        if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
            raise TypeError("executor must be ThreadPoolExecutor")
        self._default_executor = executor

    async def shutdown_default_executor(self):
        """Joins the default executor's threads from a helper thread, so the
        loop keeps running meanwhile."""
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is None:
            return
        future = self.create_future()

        def shut_down():
            try:
                executor.shutdown(wait=True)
                if not self.is_closed():
                    self.call_soon_threadsafe(_set_result_if_pending, future, None)
            except Exception as exc:
                if not self.is_closed():
                    self.call_soon_threadsafe(future.set_exception, exc)

        thread = threading.Thread(target=shut_down)
        thread.start()
        try:
            await future
        finally:
            thread.join()

    # -- async generators (sys.set_asyncgen_hooks while the loop runs) ----
    def _asyncgen_firstiter_hook(self, agen):
        if self._asyncgens_shutdown_called:
            import warnings
            warnings.warn(f"asynchronous generator {agen!r} was scheduled after loop.shutdown_asyncgens() call",
                          ResourceWarning, source=self)
        self._asyncgens.add(agen)

    def _asyncgen_finalizer_hook(self, agen):
        # Called by the collector for a started generator nobody finished:
        # its aclose() runs as a task, so `finally` blocks may await.
        self._asyncgens.discard(agen)
        if not self.is_closed():
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    async def shutdown_asyncgens(self):
        """Closes every async generator this loop started that is still
        alive and unfinished (asyncio.run calls it at the end)."""
        from asyncio import tasks
        self._asyncgens_shutdown_called = True
        if not len(self._asyncgens):
            return
        closing_agens = self._asyncgens.items()
        self._asyncgens.clear()
        results = await tasks.gather(*[ag.aclose() for ag in closing_agens], return_exceptions=True)
        for result, agen in zip(results, closing_agens):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    "message": f"an error occurred during closing of asynchronous generator {agen!r}",
                    "exception": result,
                    "asyncgen": agen,
                })

    # -- errors ---------------------------------------------------------
    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f"A callable object or None is expected, got {handler!r}")
        self._exception_handler = handler

    def default_exception_handler(self, context):
        message = context.get("message") or "Unhandled exception in event loop"
        exception = context.get("exception")
        lines = [message]
        for key in sorted(context):
            if key in {"message", "exception"}:
                continue
            lines.append(f"{key}: {context[key]!r}")
        _logger().error("\n".join(lines), exc_info=(type(exception), exception, exception.__traceback__)
                        if exception is not None else False)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                _logger().error("Exception in default exception handler", exc_info=True)
            return
        try:
            self._exception_handler(self, context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            try:
                self.default_exception_handler({
                    "message": "Unhandled error in exception handler",
                    "exception": exc,
                    "context": context,
                })
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                _logger().error("Exception in default exception handler while handling an unexpected "
                                "error in custom exception handler", exc_info=True)


_READABLE = 1
_WRITABLE = 2


def _fileobj_to_fd(fileobj):
    """An int, or an object with fileno(), as selectors accept."""
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError(f"Invalid file object: {fileobj!r}") from None
    if fd < 0:
        raise ValueError(f"Invalid file descriptor: {fd}")
    return fd


def _set_result_if_pending(fut, result):
    if not fut.done():
        fut.set_result(result)


def _logger():
    import logging
    return logging.getLogger("asyncio")


# -- which loop runs, per thread ---------------------------------------------
_running_loops = {}  # thread ident -> running loop
_get_ident = _thread.get_ident


def _get_running_loop():
    return _running_loops.get(_get_ident())


def _set_running_loop(loop):
    if loop is None:
        _running_loops.pop(_get_ident(), None)
    else:
        _running_loops[_get_ident()] = loop


def get_running_loop():
    loop = _running_loops.get(_get_ident())
    if loop is None:
        raise RuntimeError("no running event loop")
    return loop


class AbstractEventLoopPolicy:
    def get_event_loop(self):
        raise NotImplementedError

    def set_event_loop(self, loop):
        raise NotImplementedError

    def new_event_loop(self):
        raise NotImplementedError


class DefaultEventLoopPolicy(AbstractEventLoopPolicy):
    """One current loop per thread; the main thread gets one on demand."""

    class _Local(threading.local):
        _loop = None
        _set_called = False

    def __init__(self):
        self._local = self._Local()

    def get_event_loop(self):
        local = self._local
        if local._loop is None and not local._set_called and threading.current_thread() is threading.main_thread():
            import warnings
            warnings.warn("There is no current event loop", DeprecationWarning, stacklevel=3)
            self.set_event_loop(self.new_event_loop())
        if local._loop is None:
            raise RuntimeError(f"There is no current event loop in thread {threading.current_thread().name!r}.")
        return local._loop

    def set_event_loop(self, loop):
        self._local._set_called = True
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not '{type(loop).__name__}'")
        self._local._loop = loop

    def new_event_loop(self):
        from asyncio.selector_events import SelectorEventLoop  # it imports this module
        return SelectorEventLoop()


_policy = None
_policy_lock = threading.Lock()


def get_event_loop_policy():
    global _policy
    if _policy is None:
        with _policy_lock:
            if _policy is None:
                _policy = DefaultEventLoopPolicy()
    return _policy


def set_event_loop_policy(policy):
    global _policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, not '{type(policy).__name__}'")
    _policy = policy


def get_event_loop():
    loop = _get_running_loop()
    if loop is not None:
        return loop
    return get_event_loop_policy().get_event_loop()


def set_event_loop(loop):
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    return get_event_loop_policy().new_event_loop()
