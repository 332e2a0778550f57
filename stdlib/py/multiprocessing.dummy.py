"""multiprocessing's API on threads (CPython 3.11's multiprocessing.dummy):
Process is a Thread, Pool a ThreadPool, Queue a queue.Queue, and the
locks are threading's. Nothing is pickled: everything is shared."""
__path__ = []

import array
import sys
import threading

from multiprocessing.dummy.connection import Pipe
from threading import Lock, RLock, Semaphore, BoundedSemaphore, Event, Condition, Barrier
from queue import Queue

__all__ = ["Process", "current_process", "active_children", "freeze_support", "Lock", "RLock", "Semaphore",
           "BoundedSemaphore", "Condition", "Event", "Barrier", "Queue", "Manager", "Pipe", "Pool",
           "JoinableQueue"]


class DummyProcess(threading.Thread):
    """A thread with the parts of Process's API that make sense for one."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        threading.Thread.__init__(self, group, target, name, args, kwargs, daemon=daemon)
        self._pid = None
        self._start_called = False
        self._parent = current_process()

    def start(self):
        if self._parent is not current_process():
            raise RuntimeError("Parent is {0!r} but current_process is {1!r}".format(self._parent,
                                                                                     current_process()))
        self._start_called = True
        _children_of(self._parent)[self] = None
        threading.Thread.start(self)

    @property
    def exitcode(self):
        if self._start_called and not self.is_alive():
            return 0
        return None


Process = DummyProcess
current_process = threading.current_thread


def _children_of(thread):
    children = getattr(thread, "_dummy_children", None)
    if children is None:
        children = thread._dummy_children = {}
    return children


def active_children():
    children = _children_of(current_process())
    for p in list(children):
        if not p.is_alive():
            children.pop(p, None)
    return list(children)


def freeze_support():
    pass


class Namespace(object):
    def __init__(self, /, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        shown = sorted("%s=%r" % (name, value) for name, value in list(self.__dict__.items())
                       if not name.startswith("_"))
        return "%s(%s)" % (self.__class__.__name__, ", ".join(shown))


dict = dict
list = list


def Array(typecode, sequence, lock=True):
    return array.array(typecode, sequence)


class Value(object):
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, value):
        self._value = value

    def __repr__(self):
        return "<%s(%r, %r)>" % (type(self).__name__, self._typecode, self._value)


def Manager():
    """The module itself: its dict, list, Namespace... are already shared."""
    return sys.modules[__name__]


def shutdown():
    pass


def Pool(processes=None, initializer=None, initargs=()):
    from multiprocessing.pool import ThreadPool
    return ThreadPool(processes, initializer, initargs)


JoinableQueue = Queue
