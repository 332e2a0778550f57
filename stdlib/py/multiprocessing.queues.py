"""Queue, JoinableQueue and SimpleQueue between processes.

Contract (Queue)
----------------
* Data travels through a one-way pipe as pickles (multiprocessing
  connection messages). put() never writes to the pipe itself: it appends
  to a per-process buffer that a daemon feeder thread pickles and writes,
  so put() does not block on a full pipe, as in CPython. Writers of all
  processes take a cross-process lock per message and readers another, so
  messages never interleave.
* maxsize is a BoundedSemaphore in shared memory: put() takes one unit
  (Full when none is left), get() gives it back; qsize() is maxsize minus
  its value.
* fork: the feeder thread exists only in the process that started it.
  A child forked from a process that used the queue sees, on its first
  use, that the fork generation changed (multiprocessing.util) and starts
  with an empty buffer and no feeder; the items still in the parent's
  buffer are the parent's to send.
* spawn: a Queue made for a spawn context can be a Process argument: it
  is pickled (pipe descriptors and semaphores) while the child is being
  started, and the child's copy starts with an empty buffer, as after a
  fork. Pickled at any other time it raises RuntimeError, as CPython.
* At exit of the process (util._exit_function, also run by a Process
  child after run()), the feeder is told to stop after what is buffered
  and is joined, unless cancel_join_thread() was called: so everything
  put() before exit reaches the pipe, and a child that put() much data
  does not end until a reader took enough of it (CPython's documented
  "joining processes that use queues" deadlock stays the same)."""
import collections
import os
import pickle
import threading
import time

from queue import Empty, Full

from multiprocessing import connection, util
from multiprocessing.synchronize import Lock, BoundedSemaphore, Semaphore, Condition, SEM_VALUE_MAX

__all__ = ["Queue", "SimpleQueue", "JoinableQueue"]

_sentinel = object()


class Queue:
    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0:
            maxsize = SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = Lock(ctx=ctx)
        self._wlock = Lock(ctx=ctx)
        self._sem = BoundedSemaphore(maxsize, ctx=ctx)
        self._ignore_epipe = False
        self._reset()

    def __getstate__(self):
        from multiprocessing import context
        context.assert_spawning(self)
        return (self._ignore_epipe, self._maxsize, self._reader, self._writer, self._rlock, self._wlock,
                self._sem)

    def __setstate__(self, state):
        (self._ignore_epipe, self._maxsize, self._reader, self._writer, self._rlock, self._wlock,
         self._sem) = state
        self._reset()

    def _reset(self):
        self._gen = util.fork_generation()
        self._notempty = threading.Condition(threading.Lock())
        self._buffer = collections.deque()
        self._thread = None
        self._joincancelled = False
        self._closed = False
        self._close_finalizer = None
        self._join_finalizer = None

    def _check(self):
        if self._gen != util.fork_generation():
            self._reset()

    def put(self, obj, block=True, timeout=None):
        """Puts obj on the queue; with block and a full queue waits up to
        timeout seconds, then raises queue.Full."""
        self._check()
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full
        with self._notempty:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(obj)
            self._notempty.notify()

    def get(self, block=True, timeout=None):
        """Removes and returns an item; waits up to timeout seconds when
        block, then raises queue.Empty."""
        self._check()
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if block and timeout is None:
            with self._rlock:
                res = self._reader.recv_bytes()
            self._sem.release()
        else:
            if block:
                deadline = time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise Empty
            try:
                if block:
                    timeout = deadline - time.monotonic()
                    if not self._reader.poll(timeout):
                        raise Empty
                elif not self._reader.poll():
                    raise Empty
                res = self._reader.recv_bytes()
                self._sem.release()
            finally:
                self._rlock.release()
        return pickle.loads(res)

    def qsize(self):
        return self._maxsize - self._sem._semlock._get_value()

    def empty(self):
        return not self._reader.poll()

    def full(self):
        return self._sem._semlock._is_zero()

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        """No more put() from this process; the feeder sends what is
        buffered and stops."""
        self._check()
        self._closed = True
        finalizer, self._close_finalizer = self._close_finalizer, None
        if finalizer is not None:
            finalizer()

    def join_thread(self):
        """Waits for the feeder thread (after close())."""
        self._check()
        assert self._closed, "Queue {0!r} not closed".format(self)
        finalizer, self._join_finalizer = self._join_finalizer, None
        if finalizer is not None:
            finalizer()

    def cancel_join_thread(self):
        """Exit will not wait for the feeder to send the buffered items."""
        self._check()
        self._joincancelled = True
        if self._join_finalizer is not None:
            self._join_finalizer.cancel()
            self._join_finalizer = None

    def _start_thread(self):
        self._thread = threading.Thread(target=Queue._feed, name="QueueFeederThread", daemon=True,
                                        args=(self._buffer, self._notempty, self._writer, self._wlock,
                                              self._reader.close, self._ignore_epipe, self._sem))
        self._thread.start()
        if not self._joincancelled:
            self._join_finalizer = util.Finalize(self, Queue._finalize_join, [self._thread], exitpriority=-5)
        self._close_finalizer = util.Finalize(self, Queue._finalize_close, [self._buffer, self._notempty],
                                              exitpriority=10)

    @staticmethod
    def _finalize_join(thread):
        if thread is not None:
            thread.join()

    @staticmethod
    def _finalize_close(buffer, notempty):
        with notempty:
            buffer.append(_sentinel)
            notempty.notify()

    @staticmethod
    def _feed(buffer, notempty, writer, writelock, reader_close, ignore_epipe, queue_sem):
        while True:
            with notempty:
                while not buffer:
                    notempty.wait()
                items = list(buffer)
                buffer.clear()
            for obj in items:
                if obj is _sentinel:
                    return
                try:
                    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
                except Exception:
                    # As CPython: the item is dropped and the error printed.
                    queue_sem.release()
                    import traceback
                    traceback.print_exc()
                    continue
                try:
                    with writelock:
                        writer.send_bytes(data)
                except BrokenPipeError:
                    if not ignore_epipe:
                        raise
                    return


class JoinableQueue(Queue):
    def __init__(self, maxsize=0, *, ctx=None):
        Queue.__init__(self, maxsize, ctx=ctx)
        self._unfinished_tasks = Semaphore(0, ctx=ctx)
        self._cond = Condition(ctx=ctx)

    def __getstate__(self):
        return Queue.__getstate__(self) + (self._cond, self._unfinished_tasks)

    def __setstate__(self, state):
        Queue.__setstate__(self, state[:-2])
        self._cond, self._unfinished_tasks = state[-2:]

    def put(self, obj, block=True, timeout=None):
        self._check()
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full
        with self._notempty, self._cond:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(obj)
            self._unfinished_tasks.release()
            self._notempty.notify()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError("task_done() called too many times")
            if self._unfinished_tasks._semlock._is_zero():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if not self._unfinished_tasks._semlock._is_zero():
                self._cond.wait()


class SimpleQueue:
    """A pipe with a lock at each end: put() writes at once."""

    def __init__(self, *, ctx=None):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = Lock(ctx=ctx)
        self._wlock = Lock(ctx=ctx)

    def __getstate__(self):
        from multiprocessing import context
        context.assert_spawning(self)
        return (self._reader, self._writer, self._rlock, self._wlock)

    def __setstate__(self, state):
        self._reader, self._writer, self._rlock, self._wlock = state

    def close(self):
        self._reader.close()
        self._writer.close()

    def empty(self):
        return not self._reader.poll()

    def get(self):
        with self._rlock:
            res = self._reader.recv_bytes()
        return pickle.loads(res)

    def put(self, obj):
        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        with self._wlock:
            self._writer.send_bytes(data)
