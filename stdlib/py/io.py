"""In-memory streams (StringIO, BytesIO) with the file methods scripts use;
io.open is the built-in open."""

import builtins as _builtins

open = _builtins.open
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError):
    """(CPython's also derives from ValueError.)"""


class _MemoryStream:
    """A growable buffer with a position; subclasses fix str or bytes."""

    _empty = ""

    def __init__(self, initial=None):
        self._buffer = self._empty if initial is None else initial
        self._pos = 0
        self.closed = False

    def _check_open(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def getvalue(self):
        self._check_open()
        return self._buffer

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            end = len(self._buffer)
        else:
            end = min(self._pos + size, len(self._buffer))
        data = self._buffer[self._pos:end]
        self._pos = max(self._pos, end)
        return data

    def readline(self, size=-1):
        self._check_open()
        newline = "\n" if isinstance(self._buffer, str) else b"\n"
        end = self._buffer.find(newline, self._pos)
        end = len(self._buffer) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        data = self._buffer[self._pos:end]
        self._pos = max(self._pos, end)
        return data

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        self._check_open()
        if not isinstance(data, type(self._empty)):
            raise TypeError(self._type_error(data))
        if self._pos > len(self._buffer):
            self._buffer += self._pad * (self._pos - len(self._buffer))
        self._buffer = self._buffer[:self._pos] + data + self._buffer[self._pos + len(data):]
        self._pos += len(data)
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position " + str(pos))
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buffer) + pos)
        else:
            raise ValueError("Invalid whence (" + str(whence) + ", should be 0, 1 or 2)")
        return self._pos

    def tell(self):
        self._check_open()
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        size = self._pos if size is None else size
        self._buffer = self._buffer[:size]
        return size

    def flush(self):
        self._check_open()

    def close(self):
        self.closed = True

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def isatty(self):
        return False

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()


class StringIO(_MemoryStream):
    """A text stream in memory."""

    _empty = ""
    _pad = "\0"

    def __init__(self, initial_value="", newline="\n"):
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not " + type(initial_value).__name__)
        super().__init__(initial_value or "")

    @staticmethod
    def _type_error(data):
        return "string argument expected, got '" + type(data).__name__ + "'"


class BytesIO(_MemoryStream):
    """A binary stream in memory."""

    _empty = b""
    _pad = b"\0"

    def __init__(self, initial_bytes=b""):
        super().__init__(bytes(initial_bytes or b""))

    @staticmethod
    def _type_error(data):
        return "a bytes-like object is required, not '" + type(data).__name__ + "'"

    def getbuffer(self):
        return self._buffer
