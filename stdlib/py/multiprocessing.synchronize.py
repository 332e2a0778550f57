"""Locks and the other synchronization primitives across processes.

Each is built on _multiprocessing.SemLock (a POSIX semaphore in a page of
shared memory, see stdlib/multiprocessing/semlock.cpp), so a process forked
after the primitive was made shares it. One made for a spawn context keeps
its page in a memfd, so it can also be pickled while a spawn child is being
started (as a Process argument): the child inherits the descriptor. As in
CPython they cross process boundaries only so: pickling one at any other
time (to put it on a Queue or send it through a Pipe) raises
RuntimeError."""
import os
import threading
import time

import _multiprocessing
from _multiprocessing import SemLock as _SemLock

__all__ = ["Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition", "Event", "Barrier"]

RECURSIVE_MUTEX, SEMAPHORE = _multiprocessing.RECURSIVE_MUTEX, _multiprocessing.SEMAPHORE
SEM_VALUE_MAX = _multiprocessing.SEM_VALUE_MAX


def _for_spawning(ctx):
    """Whether shared state made for ctx (None: the default context) must
    be passable to a spawn child, i.e. kept in a memfd."""
    if ctx is None:
        from multiprocessing.context import _default_context
        return _default_context.get_start_method() != "fork"
    return ctx.get_start_method() != "fork"


class SemLock:
    def __init__(self, kind, value, maxvalue, *, ctx=None):
        self._semlock = _SemLock(kind, value, maxvalue, _for_spawning(ctx))
        self._make_methods()

    def _make_methods(self):
        self.acquire = self._semlock.acquire
        self.release = self._semlock.release

    def __enter__(self):
        return self._semlock.__enter__()

    def __exit__(self, *args):
        return self._semlock.__exit__(*args)

    def __getstate__(self):
        from multiprocessing import context
        context.assert_spawning(self)
        sl = self._semlock
        if sl.handle < 0:
            raise RuntimeError("A SemLock created in a fork context is being shared with a process in a "
                               "spawn context. This is not supported. Please use the same context to "
                               "create multiprocessing objects and Process.")
        popen = context.get_spawning_popen()
        return (popen.DupFd(popen.duplicate_for_child(sl.handle)), sl.kind, sl.maxvalue)

    def __setstate__(self, state):
        df, kind, maxvalue = state
        self._semlock = _multiprocessing._rebuild_semlock(df.detach(), kind, maxvalue)
        self._make_methods()


class Semaphore(SemLock):
    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, value, SEM_VALUE_MAX, ctx=ctx)

    def get_value(self):
        return self._semlock._get_value()

    def __repr__(self):
        try:
            value = self._semlock._get_value()
        except Exception:
            value = "unknown"
        return "<%s(value=%s)>" % (type(self).__name__, value)


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, value, value, ctx=ctx)

    def __repr__(self):
        try:
            value = self._semlock._get_value()
        except Exception:
            value = "unknown"
        return "<%s(value=%s, maxvalue=%s)>" % (type(self).__name__, value, self._semlock.maxvalue)


class Lock(SemLock):
    def __init__(self, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, 1, 1, ctx=ctx)

    def __repr__(self):
        try:
            if self._semlock._is_mine():
                name = "MainThread" if threading.current_thread() is threading.main_thread() \
                    else threading.current_thread().name
                name = "%s|%s" % (_process_name(), name)
            elif self._semlock._get_value() == 1:
                name = "None"
            elif self._semlock._count() > 0:
                name = "SomeOtherThread"
            else:
                name = "SomeOtherProcess"
        except Exception:
            name = "unknown"
        return "<%s(owner=%s)>" % (type(self).__name__, name)


class RLock(SemLock):
    def __init__(self, *, ctx=None):
        SemLock.__init__(self, RECURSIVE_MUTEX, 1, 1, ctx=ctx)

    def __repr__(self):
        try:
            if self._semlock._is_mine():
                name = "%s|%s" % (_process_name(), threading.current_thread().name)
                count = self._semlock._count()
            elif self._semlock._get_value() == 1:
                name, count = "None", 0
            elif self._semlock._count() > 0:
                name, count = "SomeOtherThread", "nonzero"
            else:
                name, count = "SomeOtherProcess", "nonzero"
        except Exception:
            name, count = "unknown", "unknown"
        return "<%s(%s, %s)>" % (type(self).__name__, name, count)


def _process_name():
    from multiprocessing.process import current_process
    return current_process().name


class Condition:
    """A condition variable across processes: waiters count on semaphores
    (sleeping, woken, woken_count), as CPython's."""

    def __init__(self, lock=None, *, ctx=None):
        self._lock = lock or RLock(ctx=ctx)
        self._sleeping_count = Semaphore(0, ctx=ctx)
        self._woken_count = Semaphore(0, ctx=ctx)
        self._wait_semaphore = Semaphore(0, ctx=ctx)
        self._make_methods()

    def _make_methods(self):
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __getstate__(self):
        from multiprocessing import context
        context.assert_spawning(self)
        return (self._lock, self._sleeping_count, self._woken_count, self._wait_semaphore)

    def __setstate__(self, state):
        self._lock, self._sleeping_count, self._woken_count, self._wait_semaphore = state
        self._make_methods()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        try:
            num_waiters = (self._sleeping_count._semlock._get_value() - self._woken_count._semlock._get_value())
        except Exception:
            num_waiters = "unknown"
        return "<%s(%s, %s)>" % (type(self).__name__, self._lock, num_waiters)

    def wait(self, timeout=None):
        assert self._lock._semlock._is_mine(), "must acquire() condition before using wait()"
        self._sleeping_count.release()
        # Release the lock entirely (an RLock may be held several times).
        count = self._lock._semlock._count()
        for _ in range(count):
            self._lock.release()
        try:
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            self._woken_count.release()
            for _ in range(count):
                self._lock.acquire()

    def notify(self, n=1):
        assert self._lock._semlock._is_mine(), "lock is not owned"
        assert not self._wait_semaphore.acquire(False)
        # Waiters that timed out are taken out of the sleeping count first.
        while self._woken_count.acquire(False):
            res = self._sleeping_count.acquire(False)
            assert res, "notify: Bug in sleeping_count.acquire - res should not be False"
        sleepers = 0
        while sleepers < n and self._sleeping_count.acquire(False):
            self._wait_semaphore.release()
            sleepers += 1
        if sleepers:
            for _ in range(sleepers):
                self._woken_count.acquire()
            while self._wait_semaphore.acquire(False):
                pass

    def notify_all(self):
        self.notify(n=SEM_VALUE_MAX)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        endtime = None if timeout is None else time.monotonic() + timeout
        waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class Event:
    def __init__(self, *, ctx=None):
        self._cond = Condition(Lock(ctx=ctx), ctx=ctx)
        self._flag = Semaphore(0, ctx=ctx)

    def is_set(self):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def set(self):
        with self._cond:
            self._flag.acquire(False)
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
            else:
                self._cond.wait(timeout)
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def __repr__(self):
        set_status = "set" if self.is_set() else "unset"
        return f"<{type(self).__qualname__} at {id(self):#x} {set_status}>"


class Barrier(threading.Barrier):
    """threading.Barrier over a shared state: the counters live in shared
    memory and the condition is a cross-process Condition."""

    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        from multiprocessing.sharedctypes import _RawArray
        self._array = _RawArray("i", 2, ctx=ctx)
        self._cond = Condition(ctx=ctx)
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    def __getstate__(self):
        return (self._parties, self._action, self._timeout, self._cond, self._array)

    def __setstate__(self, state):
        self._parties, self._action, self._timeout, self._cond, self._array = state

    @property
    def _state(self):
        return self._array[0]

    @_state.setter
    def _state(self, value):
        self._array[0] = value

    @property
    def _count(self):
        return self._array[1]

    @_count.setter
    def _count(self, value):
        self._array[1] = value
