"""C implementation of the Python queue module.

In gilvm it is written in Python too: Empty and SimpleQueue, an unbounded
FIFO queue without task tracking, under the names CPython gives them."""
import _thread
from types import GenericAlias
from time import monotonic as _time

__all__ = ["Empty", "SimpleQueue"]


class Empty(Exception):
    "Exception raised by Queue.get(block=0)/get_nowait()."


class SimpleQueue:
    """Simple, unbounded, reentrant FIFO queue."""

    __class_getitem__ = classmethod(GenericAlias)

    def __new__(cls, *args, **kwargs):
        if args:
            raise TypeError("SimpleQueue() takes no positional arguments")
        if kwargs:
            raise TypeError("SimpleQueue() takes no keyword arguments")
        return object.__new__(cls)

    def __init__(self):
        self._items = []
        self._head = 0
        # Held while the queue is empty, so that a blocking get() waits on it.
        self._not_empty = _thread.allocate_lock()
        self._not_empty.acquire()

    def _count(self):
        return len(self._items) - self._head

    def put(self, item, block=True, timeout=None):
        """Put the item on the queue; it never blocks (block and timeout are
        only there for compatibility with Queue)."""
        self._items.append(item)
        if self._not_empty.locked():
            try:
                self._not_empty.release()
            except RuntimeError:
                pass

    def put_nowait(self, item):
        """Put an item into the queue without blocking."""
        self.put(item, False)

    def get(self, block=True, timeout=None):
        """Remove and return an item from the queue; raise Empty when none
        comes in time (at once when block is false)."""
        if block and timeout is not None:
            if not isinstance(timeout, (int, float)):
                raise TypeError("'%s' object cannot be interpreted as an integer" % type(timeout).__name__)
            if timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            endtime = _time() + timeout
        else:
            endtime = None
        while not self._count():
            if not block:
                raise Empty
            if endtime is None:
                self._not_empty.acquire()
            else:
                remaining = endtime - _time()
                if remaining <= 0 or not self._not_empty.acquire(True, remaining):
                    if self._count():
                        break
                    raise Empty
        item = self._items[self._head]
        self._items[self._head] = None
        self._head += 1
        if self._head == len(self._items):
            self._items = []
            self._head = 0
        elif self._head > 32 and self._head * 2 > len(self._items):
            del self._items[:self._head]
            self._head = 0
        # Pass the wake-up on while items remain for other getters.
        if self._count() and self._not_empty.locked():
            try:
                self._not_empty.release()
            except RuntimeError:
                pass
        return item

    def get_nowait(self):
        """Remove and return an item from the queue without blocking."""
        return self.get(False)

    def empty(self):
        """Return True if the queue is empty, False otherwise (not reliable!)."""
        return self._count() == 0

    def qsize(self):
        """Return the approximate size of the queue (not reliable!)."""
        return self._count()
