"""ProcessPoolExecutor: an Executor whose calls run in worker processes
(multiprocessing.workers.WorkerSet, with CPython's interface and errors).

When a worker dies, the pool is broken as in CPython: every future not yet
finished gets BrokenProcessPool and later submit() calls raise it. Workers
start with the first submit(). At interpreter exit, executors not shut down
finish their queued work first (threading's exit hook), as CPython's."""
import itertools
import os
import threading
import time

from concurrent.futures import _base

_executors = set()
_global_shutdown = False


def _python_exit():
    global _global_shutdown
    _global_shutdown = True
    for executor in list(_executors):
        executor.shutdown(wait=True)


threading._register_atexit(_python_exit)


class BrokenProcessPool(_base.BrokenExecutor):
    """Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state."""


def _process_chunk(fn, chunk):
    return [fn(*args) for args in chunk]


def _get_chunks(*iterables, chunksize):
    it = zip(*iterables)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                 max_tasks_per_child=None):
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        if mp_context is None:
            import multiprocessing
            mp_context = multiprocessing.get_context()
        self._max_workers = max_workers
        self._mp_context = mp_context
        self._initializer = initializer
        self._initargs = initargs
        self._max_tasks_per_child = max_tasks_per_child
        self._shutdown_lock = threading.RLock()
        self._shutdown_thread = False
        self._broken = False
        self._set = None
        self._futures = {}
        self._ids = itertools.count()

    def _start(self):
        from multiprocessing.workers import WorkerSet
        self._set = WorkerSet(self._mp_context, self._max_workers, self._initializer, self._initargs,
                              self._max_tasks_per_child, "Process", self._on_result, self._on_lost,
                              replace_lost=False, on_start=self._on_start)
        _executors.add(self)

    def _on_start(self, key):
        future = self._futures.get(key)
        if future is None:
            return False
        if future.set_running_or_notify_cancel():
            return True
        self._futures.pop(key, None)
        return False

    def _on_result(self, key, ok, value):
        future = self._futures.pop(key, None)
        if future is None:
            return
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)

    def _on_lost(self, key, message):
        with self._shutdown_lock:
            self._broken = "A child process terminated abruptly, the process pool is not usable anymore"
            futures, self._futures = self._futures, {}
        cause = _RemoteTraceback(message)
        for future in futures.values():
            error = BrokenProcessPool("A process in the process pool was terminated abruptly "
                                      "while the future was running or pending.")
            error.__cause__ = cause
            if future.done():
                continue
            if future.running():
                future.set_exception(error)
            elif future.set_running_or_notify_cancel():
                future.set_exception(error)
        self._set.terminate()
        _executors.discard(self)

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if _global_shutdown:
                raise RuntimeError("cannot schedule new futures after interpreter shutdown")
            if self._set is None:
                self._start()
            future = _base.Future()
            key = next(self._ids)
            self._futures[key] = future
        from multiprocessing.workers import CALL
        self._set.submit(key, "a call of %s" % getattr(fn, "__qualname__", fn), CALL, fn, args, kwargs)
        return future

    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Returns an iterator equivalent to map(fn, iter); chunksize items
        travel to a worker together."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        if timeout is not None:
            end_time = timeout + time.monotonic()
        fs = [self.submit(_process_chunk, fn, chunk) for chunk in _get_chunks(*iterables, chunksize=chunksize)]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if timeout is None:
                        chunk = fs.pop().result()
                    else:
                        chunk = fs.pop().result(end_time - time.monotonic())
                    yield from chunk
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown_thread = True
            if cancel_futures:
                for future in list(self._futures.values()):
                    future.cancel()
            workers = self._set
        if workers is not None and not self._broken:
            workers.close()
            if wait:
                workers.join()
                _executors.discard(self)

    shutdown.__doc__ = _base.Executor.shutdown.__doc__


class _RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb
