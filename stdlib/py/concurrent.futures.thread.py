"""Implements ThreadPoolExecutor."""
import os
import queue
import threading
import weakref
from concurrent.futures import _base

# Every pool's worker threads, with their work queue: at exit each queue gets
# the stop marker and each thread is joined (before threading joins the
# remaining non-daemon threads). A worker takes itself out when it ends.
_threads_queues = {}
_shutdown = False
# Makes submit() and the exit hook exclusive: nothing is queued after the
# hook has told the workers to stop.
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


threading._register_atexit(_python_exit)


class _WorkItem(object):
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


def _worker(executor_reference, work_queue, initializer, initargs):
    try:
        if initializer is not None:
            try:
                initializer(*initargs)
            except BaseException as exc:
                _base.LOGGER.critical("Exception in initializer:", exc=exc)
                executor = executor_reference()
                if executor is not None:
                    executor._initializer_failed()
                return
        try:
            while True:
                work_item = work_queue.get(block=True)
                if work_item is not None:
                    work_item.run()
                    del work_item
                    executor = executor_reference()
                    if executor is not None:
                        executor._idle_semaphore.release()
                    del executor
                    continue
                executor = executor_reference()
                # Stop when the interpreter or the executor shuts down; pass
                # the marker on so the other workers stop too.
                if _shutdown or executor is None or executor._shutdown:
                    if executor is not None:
                        executor._shutdown = True
                    work_queue.put(None)
                    return
                del executor
        except BaseException as exc:
            _base.LOGGER.critical("Exception in worker", exc=exc)
    finally:
        _threads_queues.pop(threading.current_thread(), None)


class BrokenThreadPool(_base.BrokenExecutor):
    """Raised when a worker thread in a ThreadPoolExecutor failed initializing."""


class ThreadPoolExecutor(_base.Executor):
    """Runs calls in a pool of at most max_workers threads."""

    _counter = 0

    @classmethod
    def _next_number(cls):
        number = ThreadPoolExecutor._counter
        ThreadPoolExecutor._counter = number + 1
        return number

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        """max_workers: the most threads (default min(32, os.cpu_count() + 4));
        thread_name_prefix: their names' start; initializer(*initargs) runs
        first in each worker thread."""
        if max_workers is None:
            # At least 5 workers for I/O-bound work, at most 32 so that
            # many-core machines do not start hundreds of threads.
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % self._next_number())
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if _shutdown:
                raise RuntimeError("cannot schedule new futures after interpreter shutdown")
            f = _base.Future()
            w = _WorkItem(f, fn, args, kwargs)
            self._work_queue.put(w)
            self._adjust_thread_count()
            return f

    submit.__doc__ = _base.Executor.submit.__doc__

    def _adjust_thread_count(self):
        # An idle worker takes the new item: no new thread.
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            # A worker holds its executor weakly: once the executor is
            # collected (dropped without shutdown()), the callback wakes
            # the workers, which find it gone and end, as in CPython.
            def weakref_cb(_, q=self._work_queue):
                q.put(None)

            thread_name = "%s_%d" % (self._thread_name_prefix or self, num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(weakref.ref(self, weakref_cb), self._work_queue, self._initializer,
                                       self._initargs))
            # Listed before it starts, so that its own removal comes after.
            _threads_queues[t] = self._work_queue
            try:
                t.start()
            except BaseException:
                _threads_queues.pop(t, None)
                raise
            self._threads.add(t)

    def _take_queued_work(self):
        # Empties the work queue, returning the calls not yet started (the
        # None items are wake-ups for the workers, not work).
        items = []
        while True:
            try:
                work_item = self._work_queue.get_nowait()
            except queue.Empty:
                return items
            if work_item is not None:
                items.append(work_item)

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = "A thread initializer failed, the thread pool is not usable anymore"
            # The queued calls fail with the same error.
            for work_item in self._take_queued_work():
                work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                # The queued calls are cancelled; running ones finish.
                for work_item in self._take_queued_work():
                    work_item.future.cancel()
            # Wakes the workers so that they see the shutdown.
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
