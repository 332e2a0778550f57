"""multiprocessing.Pool over multiprocessing.workers.WorkerSet.

A job (apply, map, imap...) is split into tasks (chunks of items for the
map family); each task runs in one worker and its result is placed in the
job's result object by the set's handler thread, which also runs the
callbacks, as CPython's result-handler thread does. Differences from
CPython: a worker that dies while running a task fails that task's job
with WorkerLostError naming the worker and the task (CPython's map()
waits forever, gh-96062), and the pool replaces the worker."""
import itertools
import os
import threading
import time

from multiprocessing import workers as _workers
from multiprocessing.context import ProcessError, TimeoutError
from multiprocessing.workers import RemoteTraceback, MaybeEncodingError, CALL, MAP, STARMAP

__all__ = ["Pool", "ThreadPool"]

INIT, RUN, CLOSE, TERMINATE = "INIT", "RUN", "CLOSE", "TERMINATE"

job_counter = itertools.count()


class WorkerLostError(ProcessError):
    """A pool worker died while it ran a task (gilvm only)."""


def mapstar(args):
    return list(map(*args))


def starmapstar(args):
    return list(itertools.starmap(args[0], args[1]))


class ApplyResult:
    """The result of apply_async(); also the base of the map results."""

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = next(job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, ok, value):
        self._success, self._value = ok, value
        if self._callback and ok:
            self._callback(value)
        if self._error_callback and not ok:
            self._error_callback(value)
        self._event.set()
        self._cache.pop(self._job, None)
        self._pool = None

    __class_getitem__ = classmethod(lambda cls, item: cls)


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            self._cache.pop(self._job, None)
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, ok, value):
        self._number_left -= 1
        if ok and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = value
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                self._cache.pop(self._job, None)
                self._event.set()
                self._pool = None
        else:
            if not ok and self._success:
                # The first error decides, as in CPython.
                self._success = False
                self._value = value
                if self._error_callback:
                    self._error_callback(self._value)
                self._event.set()
            if self._number_left == 0:
                self._cache.pop(self._job, None)
                self._pool = None


class IMapIterator:
    """The iterator imap() returns: results in task order."""

    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._cache = pool._cache
        self._items = {}        # chunk index -> (ok, value)
        self._index = 0         # next chunk to yield
        self._ready = []        # items of the current chunk, still to yield
        self._length = None     # number of chunks, once known
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def _take(self):
        # An available chunk's items, or None.
        if self._index in self._items:
            ok, value = self._items.pop(self._index)
            self._index += 1
            return ok, value
        return None

    def next(self, timeout=None):
        with self._cond:
            while not self._ready:
                got = self._take()
                if got is not None:
                    ok, value = got
                    if not ok:
                        raise value
                    self._ready = list(value)
                    continue
                if self._length is not None and self._index >= self._length:
                    self._pool = None
                    raise StopIteration from None
                if not self._cond.wait(timeout):
                    if self._take_any_ready():
                        continue
                    raise TimeoutError from None
            return self._ready.pop(0)

    __next__ = next

    def _take_any_ready(self):
        return self._index in self._items

    def _set(self, i, ok, value):
        with self._cond:
            self._items[i] = (ok, value)
            self._cond.notify()
            if self._length is not None and len(self._items) + self._index >= self._length:
                self._cache.pop(self._job, None)

    def _set_length(self, length):
        with self._cond:
            self._length = length
            self._cond.notify()
            if self._index + len(self._items) >= length:
                self._cache.pop(self._job, None)


class IMapUnorderedIterator(IMapIterator):
    """Results in completion order."""

    def _take(self):
        if self._items:
            i = next(iter(self._items))
            self._index += 1
            return self._items.pop(i)
        return None

    def _take_any_ready(self):
        return bool(self._items)


class Pool:
    """A pool of worker processes."""
    _wrap_exception = True

    @staticmethod
    def Process(ctx, *args, **kwds):
        return ctx.Process(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        self._pool = []
        self._state = INIT
        if context is None:
            from multiprocessing.context import _default_context
            context = _default_context.get_context()
        self._ctx = context
        self._cache = {}
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._processes = processes
        self._set = self._new_worker_set(context, processes, initializer, initargs, maxtasksperchild)
        self._pool = self._set.processes()
        self._state = RUN

    def _new_worker_set(self, context, processes, initializer, initargs, maxtasksperchild):
        return _workers.WorkerSet(context, processes, initializer, initargs, maxtasksperchild, "PoolWorker",
                                  self._on_result, self._on_lost)

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} state={self._state} pool_size={self._processes}>")

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _on_result(self, key, ok, value):
        job, i = key
        result = self._cache.get(job)
        if result is not None:
            result._set(i, ok, value)

    def _on_lost(self, key, message):
        job, i = key
        self._on_result(key, False, WorkerLostError(message))

    def _submit_chunks(self, result, func, chunks, kind, what):
        n = 0
        for i, chunk in enumerate(chunks):
            self._set.submit((result._job, i), "task %d of %s (%d items)" % (i, what, len(chunk)), kind, func,
                             chunk)
            n += 1
        return n

    @staticmethod
    def _get_tasks(iterable, size):
        if type(iterable) is list or type(iterable) is tuple:
            # The chunks islice would give, cut by slicing (several times
            # faster); the length is read again for each chunk, as a list
            # iterator would, should the list change meanwhile.
            start = 0
            while start < len(iterable):
                yield tuple(iterable[start:start + size])
                start += size
            return
        it = iter(iterable)
        while True:
            chunk = tuple(itertools.islice(it, size))
            if not chunk:
                return
            yield chunk

    def apply(self, func, args=(), kwds={}):
        """func(*args, **kwds) in a worker; waits for the result."""
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._set.submit((result._job, 0), "apply task of %s" % getattr(func, "__qualname__", func), CALL, func,
                         tuple(args), dict(kwds))
        return result

    def map(self, func, iterable, chunksize=None):
        """list(map(func, iterable)), computed by the workers."""
        return self._map_async(func, iterable, MAP, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, STARMAP, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, MAP, chunksize, callback, error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, STARMAP, chunksize, callback, error_callback)

    def _map_async(self, func, iterable, kind, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        if not hasattr(iterable, "__len__"):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        result = MapResult(self, chunksize, len(iterable), callback, error_callback=error_callback)
        if chunksize:
            what = "%s(%s)" % ("starmap" if kind == STARMAP else "map", getattr(func, "__qualname__", func))
            # Cut and pickled by the handler thread as workers have room.
            self._set.submit_lazily(((result._job, i), "task %d of %s (%d items)" % (i, what, len(chunk)), kind,
                                     func, chunk)
                                    for i, chunk in enumerate(self._get_tasks(iterable, chunksize)))
        return result

    def _imap(self, cls, func, iterable, chunksize):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        result = cls(self)
        n = self._submit_chunks(result, func, self._get_tasks(iterable, chunksize), MAP,
                                "imap(%s)" % getattr(func, "__qualname__", func))
        result._set_length(n)
        return result

    def imap(self, func, iterable, chunksize=1):
        """Like map(), lazily: results in order as they come."""
        return self._imap(IMapIterator, func, iterable, chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        """Like imap(), in the order the results come."""
        return self._imap(IMapUnorderedIterator, func, iterable, chunksize)

    def close(self):
        """No more tasks; the workers exit when the queued ones are done."""
        if self._state == RUN:
            self._state = CLOSE
            self._set.close()

    def terminate(self):
        """Stops the workers at once; outstanding results never come."""
        if self._state != TERMINATE:
            self._state = TERMINATE
            self._set.terminate()

    def join(self):
        """Waits for the workers to exit (after close() or terminate())."""
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._set.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()

    def __reduce__(self):
        raise NotImplementedError("pool objects cannot be passed between processes or pickled")


class _ThreadWorkerSet:
    """WorkerSet's interface over threads, for ThreadPool: tasks are not
    pickled, results and exceptions are handed over as they are (CPython's
    ThreadPool does not wrap them either), and a thread cannot be killed,
    so terminate() drops the queued tasks and waits for the running ones."""

    def __init__(self, processes, initializer, initargs, on_result):
        from multiprocessing.dummy import DummyProcess
        self._on_result = on_result
        self._results_lock = threading.Lock()   # results are set one at a time, as on CPython's handler
        self._cond = threading.Condition(threading.Lock())
        self._pending = []
        self._closed = False
        self._threads = [DummyProcess(target=self._work, args=(initializer, initargs), daemon=True)
                         for _ in range(processes)]
        for t in self._threads:
            t.start()

    def _work(self, initializer, initargs):
        if initializer is not None:
            initializer(*initargs)
        while True:
            with self._cond:
                while not self._pending and not self._closed:
                    self._cond.wait()
                if not self._pending:
                    return
                key, kind, func, args, kwds = self._pending.pop(0)
            try:
                ok, value = True, _workers._run_task(kind, func, args, kwds)
            except Exception as e:
                ok, value = False, e
            with self._results_lock:
                self._on_result(key, ok, value)

    def submit(self, key, description, kind, func, args, kwds=None):
        with self._cond:
            self._pending.append((key, kind, func, args, kwds or {}))
            self._cond.notify()

    def submit_lazily(self, tasks):
        # Nothing to pickle: the tasks are queued at once.
        for key, description, kind, func, args in tasks:
            self.submit(key, description, kind, func, args)

    def close(self):
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def terminate(self):
        with self._cond:
            self._closed = True
            self._pending.clear()
            self._cond.notify_all()
        self.join()

    def join(self):
        for t in self._threads:
            if t is not threading.current_thread():
                t.join()

    def processes(self):
        return list(self._threads)

    def outstanding(self):
        with self._cond:
            return len(self._pending)


class ThreadPool(Pool):
    """Pool's API on threads of this process (no pickling, shared
    memory): for work that waits rather than computes."""
    _wrap_exception = False

    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _new_worker_set(self, context, processes, initializer, initargs, maxtasksperchild):
        return _ThreadWorkerSet(processes, initializer, initargs, self._on_result)
