"""Connections between processes: Pipe(), Listener/Client and wait().

A Connection owns one file descriptor: one end of an AF_UNIX socket pair
(duplex) or of an os.pipe() (duplex=False). A message is a 4-byte
big-endian length, then that many bytes (for messages over 2 GiB: -1,
then an 8-byte length), as CPython's; send() sends a pickle. recv() on a
connection whose other end is closed raises EOFError.

Listener and Client connect over AF_INET or AF_UNIX stream sockets; a
connection they make is an ordinary Connection on the socket's descriptor.
With an authkey both sides prove they know it by CPython 3.11's exchange
(so a gilvm Client can talk to a CPython Listener): each side sends
b"#CHALLENGE#" + 20 random bytes, the other answers with the HMAC-MD5 of
those bytes keyed with authkey, and the challenger replies b"#WELCOME#" or
b"#FAILURE#". The Listener challenges first."""
import os
import socket
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
        # The receiving process gets its own descriptor: inherited by a
        # spawn or forkserver child being started, otherwise fetched from
        # this process's resource sharer (a Pipe, a Queue, a Manager).
        from multiprocessing import reduction
        df = reduction.DupFd(self.fileno())
        return _rebuild_connection, (df, self._readable, self._writable)

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


def _rebuild_connection(df, readable, writable):
    return Connection(df.detach(), readable, writable)


# -- Listener and Client

BUFSIZE = 8192
CONNECTION_TIMEOUT = 20.0
MESSAGE_LENGTH = 20
CHALLENGE = b"#CHALLENGE#"
WELCOME = b"#WELCOME#"
FAILURE = b"#FAILURE#"

default_family = "AF_UNIX"
families = ["AF_INET", "AF_UNIX"]


def _hmac_md5(key, message):
    try:
        import hmac
    except ImportError:
        pass
    else:
        return hmac.new(key, message, "md5").digest()
    # Without an hmac module: RFC 2104 over hashlib.
    import hashlib
    block = 64
    if len(key) > block:
        key = hashlib.md5(key).digest()
    key = key + bytes(block - len(key))
    inner = hashlib.md5(bytes(b ^ 0x36 for b in key) + message).digest()
    return hashlib.md5(bytes(b ^ 0x5C for b in key) + inner).digest()


def _authentication_error(message):
    from multiprocessing.context import AuthenticationError
    return AuthenticationError(message)


def deliver_challenge(connection, authkey):
    if not isinstance(authkey, bytes):
        raise ValueError("Authkey must be bytes, not {0!s}".format(type(authkey)))
    message = os.urandom(MESSAGE_LENGTH)
    connection.send_bytes(CHALLENGE + message)
    digest = _hmac_md5(authkey, message)
    response = connection.recv_bytes(256)
    if response == digest:
        connection.send_bytes(WELCOME)
    else:
        connection.send_bytes(FAILURE)
        raise _authentication_error("digest received was wrong")


def answer_challenge(connection, authkey):
    if not isinstance(authkey, bytes):
        raise ValueError("Authkey must be bytes, not {0!s}".format(type(authkey)))
    message = connection.recv_bytes(256)
    assert message[:len(CHALLENGE)] == CHALLENGE, "message = %r" % message
    message = message[len(CHALLENGE):]
    connection.send_bytes(_hmac_md5(authkey, message))
    response = connection.recv_bytes(256)
    if response != WELCOME:
        raise _authentication_error("digest sent was rejected")


def _is_abstract_socket_namespace(address):
    if not address:
        return False
    if isinstance(address, bytes):
        return address[0] == 0
    if isinstance(address, str):
        return address[0] == "\0"
    raise TypeError(f"address type of {address!r} unrecognized")


def address_type(address):
    """The family of an address: a tuple is AF_INET, a path AF_UNIX."""
    if type(address) == tuple:
        return "AF_INET"
    if type(address) is str and address.startswith("\\\\"):
        return "AF_PIPE"
    if type(address) is str or _is_abstract_socket_namespace(address):
        return "AF_UNIX"
    raise ValueError("address type of %r unrecognized" % address)


_listener_counter = 0


def arbitrary_address(family):
    """A free address of the family: port 0 on localhost, or a fresh path."""
    global _listener_counter
    if family == "AF_INET":
        return ("localhost", 0)
    if family == "AF_UNIX":
        import tempfile
        _listener_counter += 1
        name = "listener-%d-%d-%s" % (os.getpid(), _listener_counter, os.urandom(4).hex())
        return os.path.join(tempfile.gettempdir(), name)
    if family == "AF_PIPE":
        # Windows only; Listener rejects the family right after.
        return "\\\\.\\pipe\\pyc-%d-%d" % (os.getpid(), _listener_counter)
    raise ValueError("unrecognized family")


def _validate_family(family):
    if family == "AF_PIPE":
        raise ValueError("Family %s is not recognized." % family)


class SocketListener:
    """A bound, listening socket whose accept() returns Connections."""

    def __init__(self, address, family, backlog=1):
        self._socket = socket.socket(getattr(socket, family))
        try:
            self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._socket.setblocking(True)
            self._socket.bind(address)
            self._socket.listen(backlog)
            self._address = self._socket.getsockname()
        except OSError:
            self._socket.close()
            raise
        self._family = family
        self._last_accepted = None
        self._unlink_path = None
        if family == "AF_UNIX" and not _is_abstract_socket_namespace(address):
            self._unlink_path = address
        # Only the process that bound the socket file removes it: a forked
        # child closing its inherited copy must leave the parent's in place
        # (CPython's unlink finalizer is ignored in other processes too).
        self._owner_pid = os.getpid()

    def accept(self):
        s, self._last_accepted = self._socket.accept()
        s.setblocking(True)
        return Connection(s.detach())

    def close(self):
        try:
            self._socket.close()
        finally:
            path, self._unlink_path = self._unlink_path, None
            if path is not None and os.getpid() == self._owner_pid:
                try:
                    os.unlink(path)
                except OSError:
                    pass


class Listener:
    """Listener(address=None, family=None, backlog=1, authkey=None): accepts
    connections made by Client()."""

    def __init__(self, address=None, family=None, backlog=1, authkey=None):
        family = family or (address and address_type(address)) or default_family
        address = address or arbitrary_address(family)
        _validate_family(family)
        if authkey is not None and not isinstance(authkey, bytes):
            raise TypeError("authkey should be a byte string")
        self._listener = SocketListener(address, family, backlog)
        self._authkey = authkey

    def accept(self):
        """Waits for a Client and returns the Connection to it (after the
        authkey exchange, when there is an authkey)."""
        if self._listener is None:
            raise OSError("listener is closed")
        c = self._listener.accept()
        if self._authkey:
            try:
                deliver_challenge(c, self._authkey)
                answer_challenge(c, self._authkey)
            except BaseException:
                c.close()
                raise
        return c

    def close(self):
        listener = self._listener
        if listener is not None:
            self._listener = None
            listener.close()

    @property
    def address(self):
        return self._listener._address

    @property
    def last_accepted(self):
        return self._listener._last_accepted

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()


def SocketClient(address):
    family = address_type(address)
    with socket.socket(getattr(socket, family)) as s:
        s.setblocking(True)
        s.connect(address)
        return Connection(s.detach())


def Client(address, family=None, authkey=None):
    """Connects to the Listener at address; returns a Connection."""
    family = family or address_type(address)
    _validate_family(family)
    c = SocketClient(address)
    if authkey is not None and not isinstance(authkey, bytes):
        raise TypeError("authkey should be a byte string")
    if authkey is not None:
        try:
            answer_challenge(c, authkey)
            deliver_challenge(c, authkey)
        except BaseException:
            c.close()
            raise
    return c
