"""The socket module: CPython's Python layer over the native _socket
(stdlib/socket/): the socket class with accept(), makefile() and the
context-manager protocol, the AddressFamily and SocketKind enums, and
create_connection, create_server, socketpair, fromfd and getaddrinfo.

makefile() returns a small buffered file object over SocketIO written here
(gilvm's io module has no BufferedReader/TextIOWrapper over arbitrary raw
streams); it supports what scripts use: read, read1, readline, readlines,
iteration, readinto, write, writelines, flush, close and the with statement."""

import _socket
from _socket import *
import os as _os
import errno as _errno
from enum import IntEnum as _IntEnum

_blocking_errnos = {_errno.EAGAIN, _errno.EWOULDBLOCK}


def _members(prefix, exclude=()):
    return {name: value for name, value in vars(_socket).items()
            if name.startswith(prefix) and name not in exclude and isinstance(value, int)}


AddressFamily = _IntEnum('AddressFamily', _members('AF_'), module=__name__)
SocketKind = _IntEnum('SocketKind', _members('SOCK_'), module=__name__)
globals().update(AddressFamily.__members__)
globals().update(SocketKind.__members__)

_GLOBAL_DEFAULT_TIMEOUT = object()


def _intenum_converter(value, enum_class):
    """The enum member for value when there is one, else the int."""
    try:
        return enum_class(value)
    except ValueError:
        return value


class socket(_socket.socket):
    """A socket object: socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)."""

    _io_refs = 0
    _closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = self._closed
        text = "<%s.%s%s fd=%i, family=%i, type=%i, proto=%i" % (
            self.__class__.__module__, self.__class__.__qualname__,
            " [closed]" if closed else "", self.fileno(),
            int(self.family), int(self.type), self.proto)
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    text += ", laddr=%s" % str(laddr)
            except error:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    text += ", raddr=%s" % str(raddr)
            except error:
                pass
        return text + ">"

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def dup(self):
        fd = _socket.dup(self.fileno())
        sock = self.__class__(self.family, self.type, self.proto, fileno=fd)
        sock.settimeout(self.gettimeout())
        return sock

    def accept(self):
        """accept() -> (socket object, address info)"""
        fd, addr = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        """A file object reading from and/or writing to the socket."""
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        writing = "w" in mode
        reading = "r" in mode or not writing
        binary = "b" in mode
        rawmode = ""
        if reading:
            rawmode += "r"
        if writing:
            rawmode += "w"
        raw = SocketIO(self, rawmode)
        self._io_refs += 1
        if buffering is None:
            buffering = -1
        if buffering < 0:
            buffering = 8192
        if buffering == 0:
            if not binary:
                raise ValueError("unbuffered streams must be binary")
            return raw
        buffered = _BufferedSocketFile(raw, reading, writing, buffering)
        if binary:
            return buffered
        return _TextSocketFile(buffered, encoding, errors, newline)

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def _real_close(self, _ss=_socket.socket):
        _ss.close(self)

    def close(self):
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def detach(self):
        """Marks the socket closed and returns its descriptor, still open."""
        self._closed = True
        return super().detach()

    @property
    def family(self):
        return _intenum_converter(super().family, AddressFamily)

    @property
    def type(self):
        return _intenum_converter(super().type, SocketKind)

    def get_inheritable(self):
        return _os.get_inheritable(self.fileno())

    def set_inheritable(self, inheritable):
        _os.set_inheritable(self.fileno(), inheritable)


def fromfd(fd, family, type, proto=0):
    """A socket object on a duplicate of descriptor fd."""
    nfd = _socket.dup(fd)
    return socket(family, type, proto, nfd)


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """A pair of connected socket objects (AF_UNIX by default)."""
    if family is None:
        family = AF_UNIX
    a, b = _socket.socketpair(family, type, proto)
    a = socket(family, type, proto, a.detach())
    b = socket(family, type, proto, b.detach())
    return a, b


class SocketIO:
    """Raw I/O on a socket, the layer makefile() buffers."""

    def __init__(self, sock, mode):
        if mode not in ("r", "w", "rw", "rb", "wb", "rwb"):
            raise ValueError("invalid mode: %r" % mode)
        if "b" not in mode:
            mode += "b"
        self._sock = sock
        self._mode = mode
        self._reading = "r" in mode
        self._writing = "w" in mode
        self._timeout_occurred = False
        self.closed = False

    def _check(self, reading):
        if self.closed:
            raise ValueError("I/O operation on closed socket.")
        if reading and not self._reading:
            raise _UnsupportedOperation("File or stream is not readable.")
        if not reading and not self._writing:
            raise _UnsupportedOperation("File or stream is not writable.")

    def readinto(self, b):
        self._check(True)
        if self._timeout_occurred:
            raise OSError("cannot read from timed out object")
        try:
            return self._sock.recv_into(b)
        except timeout:
            self._timeout_occurred = True
            raise
        except error as e:
            if e.errno in _blocking_errnos:
                return None
            raise

    def read(self, size=-1):
        if size is None or size < 0:
            chunks = []
            while True:
                data = self.read(65536)
                if not data:
                    return b"".join(chunks)
                chunks.append(data)
        buffer = bytearray(size)
        n = self.readinto(buffer)
        if n is None:
            return None
        return bytes(buffer[:n])

    def write(self, b):
        self._check(False)
        try:
            return self._sock.send(b)
        except error as e:
            if e.errno in _blocking_errnos:
                return None
            raise

    def readable(self):
        if self.closed:
            raise ValueError("I/O operation on closed socket.")
        return self._reading

    def writable(self):
        if self.closed:
            raise ValueError("I/O operation on closed socket.")
        return self._writing

    def seekable(self):
        if self.closed:
            raise ValueError("I/O operation on closed socket.")
        return False

    def fileno(self):
        if self.closed:
            raise ValueError("I/O operation on closed socket.")
        return self._sock.fileno()

    def flush(self):
        pass

    @property
    def name(self):
        return self.fileno() if not self.closed else -1

    @property
    def mode(self):
        return self._mode

    def close(self):
        if self.closed:
            return
        self.closed = True
        self._sock._decref_socketios()
        self._sock = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


try:
    from io import UnsupportedOperation as _UnsupportedOperation
except ImportError:
    _UnsupportedOperation = OSError


class _BufferedSocketFile:
    """A buffered binary file over a SocketIO (what makefile('rb'/'wb') gives)."""

    def __init__(self, raw, reading, writing, size):
        self.raw = raw
        self._reading = reading
        self._writing = writing
        self._size = size
        self._rbuf = b""
        self._wbuf = bytearray()

    @property
    def closed(self):
        return self.raw.closed

    @property
    def mode(self):
        return self.raw.mode

    @property
    def name(self):
        return self.raw.name

    def _check_open(self):
        if self.raw.closed:
            raise ValueError("I/O operation on closed file.")

    def _check_readable(self):
        self._check_open()
        if not self._reading:
            raise _UnsupportedOperation("read")

    def _fill(self):
        """Reads one chunk into the buffer; False at end of stream."""
        data = self.raw.read(self._size)
        if not data:
            return False
        self._rbuf += data
        return True

    def read(self, size=-1):
        self._check_readable()
        if size is None or size < 0:
            while self._fill():
                pass
            data, self._rbuf = self._rbuf, b""
            return data
        while len(self._rbuf) < size and self._fill():
            pass
        data, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return data

    def read1(self, size=-1):
        self._check_readable()
        if not self._rbuf:
            self._fill()
        if size is None or size < 0:
            size = len(self._rbuf)
        data, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return data

    def peek(self, size=0):
        self._check_readable()
        if not self._rbuf:
            self._fill()
        return self._rbuf

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        start = 0
        while True:
            end = self._rbuf.find(b"\n", start)
            if end >= 0:
                end += 1
                break
            if 0 <= size <= len(self._rbuf):
                end = size
                break
            start = len(self._rbuf)
            if not self._fill():
                end = len(self._rbuf)
                break
        if 0 <= size < end:
            end = size
        line, self._rbuf = self._rbuf[:end], self._rbuf[end:]
        return line

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, b):
        self._check_open()
        if not self._writing:
            raise _UnsupportedOperation("write")
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(b)
        self._wbuf += data
        if len(self._wbuf) >= self._size:
            self.flush()
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._check_open()
        if self._wbuf:
            data = bytes(self._wbuf)
            self._wbuf = bytearray()
            self.raw._sock.sendall(data)

    def readable(self):
        self._check_open()
        return self._reading

    def writable(self):
        self._check_open()
        return self._writing

    def seekable(self):
        return False

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return False

    def close(self):
        if self.raw.closed:
            return
        try:
            if self._wbuf:
                self.flush()
        finally:
            self.raw.close()

    def detach(self):
        raw = self.raw
        self.flush()
        self.raw = SocketIO.__new__(SocketIO)
        self.raw.closed = True
        return raw

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        return "<_io.BufferedReader name=%r>" % (self.name,) if self._reading and not self._writing else \
            "<_io.BufferedWriter name=%r>" % (self.name,) if not self._reading else \
            "<_io.BufferedRWPair object>"


def _incomplete_utf8_tail(data):
    """How many bytes at the end of data start a UTF-8 sequence not yet complete."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 == 0x80:
            continue
        if byte >= 0xF0:
            need = 4
        elif byte >= 0xE0:
            need = 3
        elif byte >= 0xC0:
            need = 2
        else:
            need = 1
        return back if need > back else 0
    return 0


class _TextSocketFile:
    """Text over a _BufferedSocketFile (what makefile('r'/'w') gives)."""

    def __init__(self, buffer, encoding, errors, newline):
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        self.buffer = buffer
        self.encoding = encoding or "utf-8"
        self.errors = errors or "strict"
        self.newlines = None
        self._newline = newline
        self._pending = b""
        self._text = ""

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def mode(self):
        return self.buffer.mode.replace("b", "")

    @property
    def name(self):
        return self.buffer.name

    def _decode(self, data, final):
        data = self._pending + data
        keep = 0
        if not final and self.encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
            keep = _incomplete_utf8_tail(data)
        if keep:
            data, self._pending = data[:-keep], data[-keep:]
        else:
            self._pending = b""
        text = data.decode(self.encoding, self.errors)
        if self._newline is None:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text

    def read(self, size=-1):
        if size is None or size < 0:
            text = self._text + self._decode(self.buffer.read(), True)
            self._text = ""
            return text
        while len(self._text) < size:
            data = self.buffer.read1(8192)
            if not data:
                self._text += self._decode(b"", True)
                break
            self._text += self._decode(data, False)
        text, self._text = self._text[:size], self._text[size:]
        return text

    def readline(self, size=-1):
        if size is None:
            size = -1
        terminator = "\n" if self._newline in (None, "", "\n") else self._newline
        while True:
            end = self._text.find(terminator)
            if end >= 0:
                end += len(terminator)
                break
            if 0 <= size <= len(self._text):
                end = size
                break
            data = self.buffer.readline()
            if not data:
                self._text += self._decode(b"", True)
                end = len(self._text)
                break
            self._text += self._decode(data, False)
        if 0 <= size < end:
            end = size
        line, self._text = self._text[:end], self._text[end:]
        return line

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        text = s
        if self._newline not in (None, "", "\n"):
            text = text.replace("\n", self._newline)
        self.buffer.write(text.encode(self.encoding, self.errors))
        if "\n" in s and self.buffer._size <= 1:
            self.buffer.flush()
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self.buffer.flush()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return False

    def fileno(self):
        return self.buffer.fileno()

    def isatty(self):
        return False

    def close(self):
        self.buffer.close()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        return "<_io.TextIOWrapper name=%r mode=%r encoding=%r>" % (self.name, self.mode, self.encoding)


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Resolves host and port into a list of
    (family, type, proto, canonname, sockaddr) tuples."""
    result = []
    for af, kind, pr, canonname, sa in _socket.getaddrinfo(host, port, family, type, proto, flags):
        result.append((_intenum_converter(af, AddressFamily),
                       _intenum_converter(kind, SocketKind), pr, canonname, sa))
    return result


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *, all_errors=False):
    """Connects to (host, port), trying each address getaddrinfo gives, and
    returns the connected socket."""
    host, port = address
    exceptions = []
    for af, kind, proto, canonname, sa in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = None
        try:
            sock = socket(af, kind, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            exceptions.clear()
            return sock
        except error as exc:
            if not all_errors:
                exceptions.clear()
            exceptions.append(exc)
            if sock is not None:
                sock.close()
    if exceptions:
        try:
            if not all_errors:
                raise exceptions[0]
            raise ExceptionGroup("create_connection failed", exceptions)
        finally:
            exceptions.clear()
    raise error("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    """Whether an AF_INET6 socket can also accept IPv4 connections."""
    try:
        with socket(AF_INET6, SOCK_STREAM) as sock:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
            return True
    except error:
        return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False):
    """A TCP socket bound to address and listening."""
    if reuse_port and not hasattr(_socket, "SO_REUSEPORT"):
        raise ValueError("SO_REUSEPORT not supported on this platform")
    if dualstack_ipv6:
        if not has_dualstack_ipv6():
            raise ValueError("dualstack_ipv6 not supported on this platform")
        if family != AF_INET6:
            raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    sock = socket(family, SOCK_STREAM)
    try:
        try:
            sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        except error:
            pass
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
        try:
            sock.bind(address)
        except error as err:
            msg = '%s (while attempting to bind on address %r)' % (err.strerror, address)
            raise error(err.errno, msg) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except error:
        sock.close()
        raise


def getfqdn(name=''):
    """The fully qualified name of name (of this host when empty)."""
    name = name.strip()
    if not name or name in ('0.0.0.0', '::'):
        name = gethostname()
    return name
