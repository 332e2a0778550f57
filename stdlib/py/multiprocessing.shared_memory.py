"""Shared memory that outlives the process that made it: SharedMemory and
ShareableList, with CPython 3.11's API.

A SharedMemory is a POSIX shared memory object (shm_open) mapped shared:
any process that knows its name can attach to it, forked or not, and its
`buf` memoryview reads and writes the same bytes in every process. The
name lives until some process calls unlink(); close() only drops this
process's mapping.

Unlike CPython there is no resource tracker: a segment nobody unlinks
stays in /dev/shm after every process exits, and nothing is unlinked (or
warned about) at exit behind the script's back.

A ShareableList keeps a fixed number of int, float, bool, str, bytes and
None items in one SharedMemory. Its layout is CPython's (so a python3
process can attach to one by name): the item count, the items' storage
offsets, the items, then each item's struct format (8 bytes each) and a
code saying how to turn the unpacked value back into the item."""
import os
import struct
import types

import _multiprocessing

__all__ = ["SharedMemory", "ShareableList"]

_NAME_PREFIX = "/psm_"
# CPython keeps generated names within 14 characters (the shortest limit
# among the platforms it supports), prefix included.
_SAFE_NAME_LENGTH = 14


def _random_name():
    return _NAME_PREFIX + os.urandom((_SAFE_NAME_LENGTH - len(_NAME_PREFIX)) // 2).hex()


class SharedMemory:
    """A named block of shared memory: create it (create=True, size > 0,
    name optional) or attach to an existing one by name."""
    _name = None
    _fd = -1
    _mapping = None
    _buf = None
    _flags = os.O_RDWR
    _mode = 0o600

    def __init__(self, name=None, create=False, size=0):
        if not size >= 0:
            raise ValueError("'size' must be a positive integer")
        if create:
            self._flags = os.O_CREAT | os.O_EXCL | os.O_RDWR
            if size == 0:
                raise ValueError("'size' must be a positive number different from zero")
        if name is None and not self._flags & os.O_EXCL:
            raise ValueError("'name' can only be None if create=True")
        if name is None:
            # A generated name may collide with a live one: draw again.
            while True:
                candidate = _random_name()
                try:
                    self._fd = _multiprocessing.shm_open(candidate, self._flags, self._mode)
                except FileExistsError:
                    continue
                self._name = candidate
                break
        else:
            name = "/" + name
            self._fd = _multiprocessing.shm_open(name, self._flags, self._mode)
            self._name = name
        try:
            if create and size:
                os.ftruncate(self._fd, size)
            size = os.fstat(self._fd).st_size
            self._mapping = _multiprocessing.SharedMapping(self._fd, size)
        except OSError:
            self.unlink()
            raise
        self._size = size
        self._buf = memoryview(self._mapping)

    def __del__(self):
        try:
            self.close()
        except (OSError, BufferError):
            pass

    def __reduce__(self):
        return (self.__class__, (self.name, False, self.size))

    def __repr__(self):
        return f"{self.__class__.__name__}({self.name!r}, size={self.size})"

    @property
    def buf(self):
        """A memoryview of the block's bytes."""
        return self._buf

    @property
    def name(self):
        """The name other processes attach with (without the leading '/')."""
        if self._name is not None and self._name.startswith("/"):
            return self._name[1:]
        return self._name

    @property
    def size(self):
        return self._size

    def close(self):
        """Drops this process's access; the block itself lives on."""
        if self._buf is not None:
            self._buf.release()
            self._buf = None
        if self._mapping is not None:
            self._mapping.close()
            self._mapping = None
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def unlink(self):
        """Removes the block's name, once, in one process; the memory goes
        when the last process closes it."""
        if self._name:
            _multiprocessing.shm_unlink(self._name)


_ENCODING = "utf8"
_ALIGNMENT = 8

# How an item of each type is packed (str and bytes: "%ds" with the room
# reserved for it).
_FORMATS = {
    int: "q",
    float: "d",
    bool: "xxxxxxx?",
    str: "%ds",
    bytes: "%ds",
    type(None): "xxxxxx?x",
}

# Back-transform codes: how the unpacked value becomes the item again.
_AS_IS, _AS_STR, _AS_BYTES, _AS_NONE = 0, 1, 2, 3


def _code_for(value):
    if isinstance(value, str):
        return _AS_STR
    if isinstance(value, bytes):
        return _AS_BYTES
    if value is None:
        return _AS_NONE
    return _AS_IS


def _restore(code, value):
    if code == _AS_STR:
        return value.rstrip(b"\x00").decode(_ENCODING)
    if code == _AS_BYTES:
        return value.rstrip(b"\x00")
    if code == _AS_NONE:
        return None
    return value


def _room_for(item):
    # Room in whole 8-byte units, always with some spare (CPython counts
    # a str's characters here, not its UTF-8 bytes).
    return _ALIGNMENT * (len(item) // _ALIGNMENT + 1)


class ShareableList:
    """A list of fixed length in shared memory: ShareableList(sequence)
    creates one, ShareableList(name=...) attaches to one."""

    def __init__(self, sequence=None, *, name=None):
        if name is None or sequence is not None:
            sequence = sequence or ()
            formats = []
            for item in sequence:
                fmt = _FORMATS[type(item)]
                if isinstance(item, (str, bytes)):
                    fmt = fmt % _room_for(item)
                formats.append(fmt)
            self._list_len = len(formats)
            offsets = [0]
            for fmt in formats:
                # A format's size counted in 8-byte units ("q" and "d" are one).
                offsets.append(offsets[-1] + (int(fmt[:-1]) if fmt[-1] == "s" else 8))
            self._allocated_offsets = offsets
            values = [item.encode(_ENCODING) if isinstance(item, str) else item for item in sequence]
            total = struct.calcsize("q" + self._meta_size_format() + "".join(formats) +
                                    self._meta_format_format() + self._meta_code_format())
            self.shm = SharedMemory(name, create=True, size=total)
        else:
            self.shm = SharedMemory(name)
        if sequence is not None:
            buf = self.shm.buf
            struct.pack_into("q" + self._meta_size_format(), buf, 0, self._list_len, *offsets)
            struct.pack_into("".join(formats), buf, self._data_start(), *values)
            struct.pack_into(self._meta_format_format(), buf, self._formats_start(),
                             *(fmt.encode(_ENCODING) for fmt in formats))
            struct.pack_into(self._meta_code_format(), buf, self._codes_start(),
                             *(_code_for(item) for item in sequence))
        else:
            self._list_len = len(self)
            self._allocated_offsets = list(struct.unpack_from(self._meta_size_format(), self.shm.buf, 8))

    # -- the metadata areas
    def _meta_size_format(self):
        # Each item's start, and where the last one ends.
        return "q" * (self._list_len + 1)

    def _meta_format_format(self):
        return "8s" * self._list_len

    def _meta_code_format(self):
        return "b" * self._list_len

    def _data_start(self):
        # The count, then the n + 1 offsets.
        return (self._list_len + 2) * 8

    def _formats_start(self):
        return self._data_start() + self._allocated_offsets[-1]

    def _codes_start(self):
        return self._formats_start() + self._list_len * 8

    def _format_at(self, position):
        if position >= self._list_len or self._list_len < 0:
            raise IndexError("Requested position out of range.")
        raw = struct.unpack_from("8s", self.shm.buf, self._formats_start() + position * 8)[0]
        return raw.rstrip(b"\x00").decode(_ENCODING)

    def _code_at(self, position):
        if position >= self._list_len or self._list_len < 0:
            raise IndexError("Requested position out of range.")
        return struct.unpack_from("b", self.shm.buf, self._codes_start() + position)[0]

    def _set_format_and_code(self, position, fmt, value):
        if position >= self._list_len or self._list_len < 0:
            raise IndexError("Requested position out of range.")
        struct.pack_into("8s", self.shm.buf, self._formats_start() + position * 8, fmt.encode(_ENCODING))
        struct.pack_into("b", self.shm.buf, self._codes_start() + position, _code_for(value))

    # -- the list
    def __getitem__(self, position):
        if position < 0:
            position += self._list_len
        try:
            start = self._data_start() + self._allocated_offsets[position]
            value, = struct.unpack_from(self._format_at(position), self.shm.buf, start)
        except IndexError:
            raise IndexError("index out of range")
        return _restore(self._code_at(position), value)

    def __setitem__(self, position, value):
        if position < 0:
            position += self._list_len
        try:
            room_start = self._allocated_offsets[position]
            current = self._format_at(position)
        except IndexError:
            raise IndexError("assignment index out of range")
        if isinstance(value, (str, bytes)):
            room = self._allocated_offsets[position + 1] - room_start
            packed = value.encode(_ENCODING) if isinstance(value, str) else value
            if len(packed) > room:
                raise ValueError("bytes/str item exceeds available storage")
            fmt = current if current[-1] == "s" else _FORMATS[str] % room
        else:
            fmt = _FORMATS[type(value)]
            packed = value
        self._set_format_and_code(position, fmt, value)
        struct.pack_into(fmt, self.shm.buf, self._data_start() + room_start, packed)

    def __reduce__(self):
        return _attach, (self.__class__, self.shm.name)

    def __len__(self):
        return struct.unpack_from("q", self.shm.buf, 0)[0]

    def __repr__(self):
        return f"{self.__class__.__name__}({list(self)}, name={self.shm.name!r})"

    @property
    def format(self):
        """The struct formats of the items, joined."""
        return "".join(self._format_at(i) for i in range(self._list_len))

    def count(self, value):
        """L.count(value) -> integer -- return number of occurrences of value."""
        return sum(value == item for item in self)

    def index(self, value):
        """L.index(value) -> integer -- return first index of value.
        Raises ValueError if the value is not present."""
        for position, item in enumerate(self):
            if value == item:
                return position
        raise ValueError(f"{value!r} not in this container")

    __class_getitem__ = classmethod(types.GenericAlias)


def _attach(cls, name):
    return cls(name=name)
