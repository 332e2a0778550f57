"""Connections between processes: Pipe() and wait().

A Connection owns one file descriptor: one end of an AF_UNIX socket pair
(duplex) or of an os.pipe() (duplex=False). A message is a 4-byte
big-endian length, then that many bytes (for messages over 2 GiB: -1,
then an 8-byte length), as CPython's; send() sends a pickle. recv() on a
connection whose other end is closed raises EOFError."""
import os
import struct
import pickle
import time

import _multiprocessing

__all__ = ["Client", "Listener", "Pipe", "wait", "Connection"]

class Connection:
    """One end of a Pipe."""
    _handle = None

    def __init__(self, handle, readable=True, writable=True):
        handle = handle.__index__()
        if handle < 0:
            raise ValueError("invalid handle")
        if not readable and not writable:
            raise ValueError("at least one of `readable` and `writable` must be True")
        self._handle = handle
        self._readable = readable
        self._writable = writable

    def __del__(self):
        if self._handle is not None:
            self._close()

    def _check_closed(self):
        if self._handle is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._handle is None

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        self._check_closed()
        return self._handle

    def _close(self):
        handle, self._handle = self._handle, None
        os.close(handle)

    def close(self):
        if self._handle is not None:
            self._close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def __reduce__(self):
        raise TypeError("Connection objects cannot be pickled in gilvm; pass them to a Process at creation")

    # -- sending
    def _send(self, data):
        view = memoryview(data)
        while view:
            n = os.write(self._handle, view)
            view = view[n:]

    def _send_bytes(self, buf):
        # The length, then the bytes, in one native write loop.
        _multiprocessing.send_message(self._handle, buf)

    def send_bytes(self, buf, offset=0, size=None):
        """Sends the bytes of buf[offset:offset + size] as one message."""
        self._check_closed()
        self._check_writable()
        if type(buf) is bytes and offset == 0 and size is None:
            # The common case (a pickle): nothing to check or slice.
            self._send_bytes(buf)
            return
        m = memoryview(buf)
        if m.itemsize > 1:
            m = m.cast("B")
        n = len(m)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        self._send_bytes(m[offset:offset + size])

    def send(self, obj):
        """Sends a picklable object."""
        self._check_closed()
        self._check_writable()
        self._send_bytes(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))

    # -- receiving
    def _recv(self, size):
        chunks = []
        remaining = size
        while remaining > 0:
            chunk = os.read(self._handle, remaining)
            if not chunk:
                if remaining == size:
                    raise EOFError
                raise OSError("got end of file during message")
            chunks.append(chunk)
            remaining -= len(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    def _recv_bytes(self, maxsize=None):
        # One message (None when longer than maxsize), read natively.
        return _multiprocessing.recv_message(self._handle, maxsize)

    def recv_bytes(self, maxlength=None):
        """Receives one message as bytes."""
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        buf = self._recv_bytes(maxlength)
        if buf is None:
            self._bad_message_length()
        return buf

    def _bad_message_length(self):
        # As CPython: a duplex end stays open for sending, a read-only one
        # is closed.
        if self._writable:
            self._readable = False
        else:
            self.close()
        raise OSError("bad message length")

    def recv_bytes_into(self, buf, offset=0):
        """Receives one message into the writable buffer buf at offset."""
        self._check_closed()
        self._check_readable()
        with memoryview(buf) as m:
            itemsize = m.itemsize
            bytesize = itemsize * len(m)
            if offset < 0:
                raise ValueError("negative offset")
            elif offset > bytesize:
                raise ValueError("offset too large")
            data = self._recv_bytes()
            size = len(data)
            if bytesize - offset < size:
                from multiprocessing.context import BufferTooShort
                raise BufferTooShort(data)
            m.cast("B")[offset:offset + size] = data
            return size // itemsize

    def recv(self):
        """Receives one object sent with send()."""
        self._check_closed()
        self._check_readable()
        return pickle.loads(self._recv_bytes())

    def poll(self, timeout=0.0):
        """Whether there is data to read (or EOF), waiting up to timeout
        seconds (None: forever)."""
        self._check_closed()
        self._check_readable()
        return bool(_multiprocessing.poll([self._handle], timeout))


def Pipe(duplex=True):
    """Returns a pair of connected Connections (c1, c2); with duplex=False
    c1 only receives and c2 only sends."""
    if duplex:
        s1, s2 = _multiprocessing.socketpair()
        return Connection(s1), Connection(s2)
    fd1, fd2 = os.pipe()
    return Connection(fd1, writable=False), Connection(fd2, readable=False)


def wait(object_list, timeout=None):
    """Waits until one or more of object_list (Connections, objects with a
    fileno(), or descriptors such as Process.sentinel) is ready to read, or
    timeout seconds pass; returns the ready ones, in the given order."""
    by_fd = {}
    for obj in object_list:
        fd = obj if isinstance(obj, int) else obj.fileno()
        by_fd.setdefault(fd, []).append(obj)
    if timeout is not None:
        deadline = time.monotonic() + timeout
    while True:
        ready = _multiprocessing.poll(list(by_fd), timeout)
        if ready or timeout is not None and time.monotonic() >= deadline:
            break
        if timeout is not None:
            timeout = max(0.0, deadline - time.monotonic())
    result = []
    for fd in ready:
        result.extend(by_fd[fd])
    return [obj for obj in object_list if any(obj is r for r in result)]


def Listener(*args, **kwargs):
    raise NotImplementedError("multiprocessing.connection.Listener needs sockets, which gilvm lacks")


def Client(*args, **kwargs):
    raise NotImplementedError("multiprocessing.connection.Client needs sockets, which gilvm lacks")
