"""multiprocessing.resource_sharer: lends descriptors to other processes,
so that a Connection can travel through a Pipe or Queue between processes
that were not started for it (the fork context, or an existing child).

How a descriptor crosses
------------------------
DupFd(fd) duplicates fd and files the copy under a fresh key with this
process's sharer: one daemon thread serving a Unix-socket Listener that
checks the process's authkey. What is pickled is (the listener's address,
the key). The receiving process's detach() connects to that address, sends
the key, and receives the descriptor as SCM_RIGHTS ancillary data; the
sharer then closes its copy. A copy nobody collects stays open until this
process exits (or stop() runs), as in CPython.

After a fork the child forgets its parent's sharer (that thread does not
exist in the child) and starts its own when it first shares something.
"""
import os
import signal
import sys
import threading

from multiprocessing import process, reduction, util

__all__ = ["stop", "DupFd"]


class DupFd:
    """A picklable reference to a duplicate of fd, held by this process's
    sharer until another process takes it with detach()."""

    def __init__(self, fd):
        new_fd = os.dup(fd)

        def send(conn, pid):
            reduction.send_handle(conn, new_fd, pid)

        def close():
            os.close(new_fd)

        self._id = _resource_sharer.register(send, close)

    def detach(self):
        """The descriptor, received from the process that made this DupFd."""
        with _resource_sharer.get_connection(self._id) as conn:
            return reduction.recv_handle(conn)


class _ResourceSharer:
    def __init__(self):
        self._key = 0
        self._cache = {}
        self._lock = threading.Lock()
        self._listener = None
        self._address = None
        self._thread = None
        util.register_after_fork(self, _ResourceSharer._afterfork)

    def register(self, send, close):
        """Files a resource; returns the (address, key) that names it."""
        with self._lock:
            if self._address is None:
                self._start()
            self._key += 1
            self._cache[self._key] = (send, close)
            return (self._address, self._key)

    @staticmethod
    def get_connection(ident):
        """A connection to the sharer holding `ident`, the key already sent."""
        from multiprocessing.connection import Client
        address, key = ident
        conn = Client(address, authkey=process.current_process().authkey)
        conn.send((key, os.getpid()))
        return conn

    def stop(self, timeout=None):
        """Stops the server thread and closes what was never collected."""
        from multiprocessing.connection import Client
        with self._lock:
            if self._address is not None:
                conn = Client(self._address, authkey=process.current_process().authkey)
                conn.send(None)
                conn.close()
                self._thread.join(timeout)
                if self._thread.is_alive():
                    util.sub_warning("_ResourceSharer thread did not stop when asked")
                self._listener.close()
                self._thread = None
                self._address = None
                self._listener = None
                self._close_all()

    def _close_all(self):
        # The descriptors nobody collected.
        for send, close in self._cache.values():
            close()
        self._cache.clear()

    def _afterfork(self):
        self._close_all()
        self._lock = threading.Lock()
        if self._listener is not None:
            self._listener.close()
        self._listener = None
        self._address = None
        self._thread = None

    def _start(self):
        from multiprocessing.connection import Listener
        util.debug("starting listener and thread for sending handles")
        self._listener = Listener(authkey=process.current_process().authkey, backlog=128)
        self._address = self._listener.address
        thread = threading.Thread(target=self._serve, daemon=True, name="ResourceSharer")
        thread.start()
        self._thread = thread

    def _serve(self):
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
        while True:
            try:
                with self._listener.accept() as conn:
                    message = conn.recv()
                    if message is None:
                        break
                    key, destination_pid = message
                    send, close = self._cache.pop(key)
                    try:
                        send(conn, destination_pid)
                    finally:
                        close()
            except Exception:
                if not util.is_exiting():
                    sys.excepthook(*sys.exc_info())


_resource_sharer = _ResourceSharer()
stop = _resource_sharer.stop
