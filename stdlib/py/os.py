"""Operating-system interfaces (CPython 3.11's os, on POSIX).

Everything the native module posix holds is re-exported; this module adds
what CPython's os also writes in Python: os.path, environ (a mapping that
writes through to the process environment, so child processes see it),
scandir's DirEntry objects, walk, makedirs/removedirs/renames, fsencode and
fsdecode, PathLike, fdopen, get_terminal_size and statvfs results.
"""
import abc
import sys

import posix
from collections.abc import MutableMapping

for _name, _value in posix.__dict__.items():
    if not (_name.startswith("__") and _name.endswith("__")):
        globals()[_name] = _value
del _name, _value

name = "posix"
linesep = "\n"
defpath = "/bin:/usr/bin"
supports_bytes_environ = True
error = OSError

import posixpath as path  # noqa: E402  (posixpath imports os)

sys.modules["os.path"] = path


# ---------------------------------------------------------------- paths

class PathLike(abc.ABC):
    """Abstract base class for objects with a file-system path (__fspath__)."""

    @abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return any("__fspath__" in klass.__dict__ for klass in subclass.__mro__) or NotImplemented
        return NotImplemented


def fsencode(filename):
    """Encode a path to bytes with the file-system encoding (UTF-8, surrogateescape)."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode("utf-8", "surrogateescape")
    return filename


def fsdecode(filename):
    """Decode a path from bytes with the file-system encoding (UTF-8, surrogateescape)."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return filename


def get_exec_path(env=None):
    if env is None:
        env = environ
    path_list = env.get("PATH")
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


# ---------------------------------------------------------------- environment

class _Environ(MutableMapping):
    """os.environ: a str-to-str mapping; changes go to the real environment."""

    def __init__(self, data):
        self._data = data

    @staticmethod
    def _check(value):
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        return value

    def __getitem__(self, key):
        self._check(key)
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        self._check(key)
        self._check(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        self._check(key)
        unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return isinstance(key, str) and key in self._data

    def __repr__(self):
        items = ", ".join("%r: %r" % item for item in self._data.items())
        return "environ({%s})" % items

    def copy(self):
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        result = dict(self)
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        result = dict(other)
        result.update(self)
        return result


environ = _Environ(dict(posix.environ))


def getenv(key, default=None):
    """The environment variable key, or default when it is not set."""
    return environ.get(key, default)


# ---------------------------------------------------------------- scandir

_DT_UNKNOWN, _DT_DIR, _DT_REG, _DT_LNK = 0, 4, 8, 10
_S_IFMT, _S_IFDIR, _S_IFREG, _S_IFLNK = 0o170000, 0o040000, 0o100000, 0o120000


class DirEntry:
    """One entry of os.scandir: its name, its path and cached type facts."""

    __slots__ = ("name", "path", "_d_type", "_inode", "_stat", "_lstat")

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'posix.DirEntry' instances")

    @classmethod
    def _make(cls, directory, name, d_type, inode):
        entry = object.__new__(cls)
        entry.name = name
        if directory is None:
            entry.path = name
        else:
            entry.path = path.join(directory, name)
        entry._d_type = d_type
        entry._inode = inode
        entry._stat = None
        entry._lstat = None
        return entry

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry %r>" % (self.name,)

    def inode(self):
        return self._inode

    def is_symlink(self):
        if self._d_type != _DT_UNKNOWN:
            return self._d_type == _DT_LNK
        try:
            return self.stat(follow_symlinks=False).st_mode & _S_IFMT == _S_IFLNK
        except FileNotFoundError:
            return False

    def _test_mode(self, kind_dt, kind_mode, follow_symlinks):
        if self._d_type != _DT_UNKNOWN and not (follow_symlinks and self._d_type == _DT_LNK):
            return self._d_type == kind_dt
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode & _S_IFMT == kind_mode
        except FileNotFoundError:
            return False

    def is_dir(self, *, follow_symlinks=True):
        return self._test_mode(_DT_DIR, _S_IFDIR, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._test_mode(_DT_REG, _S_IFREG, follow_symlinks)

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                if self.is_symlink():
                    self._stat = posix.stat(self.path)
                else:
                    self._stat = self.stat(follow_symlinks=False)
            return self._stat
        if self._lstat is None:
            self._lstat = posix.lstat(self.path)
        return self._lstat

    def __class_getitem__(cls, item):
        return cls


DirEntry.__module__ = "posix"


class _ScandirIterator:
    """What os.scandir returns: an iterator of DirEntry and a context manager."""

    def __init__(self, entries):
        self._entries = entries
        self._index = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._entries is None or self._index >= len(self._entries):
            self._entries = None
            raise StopIteration
        entry = self._entries[self._index]
        self._index += 1
        return entry

    def close(self):
        self._entries = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()
        return False


_ScandirIterator.__name__ = "ScandirIterator"
_ScandirIterator.__qualname__ = "ScandirIterator"
_ScandirIterator.__module__ = "posix"


def scandir(path="."):
    """An iterator of DirEntry objects for the entries of directory path."""
    if path is None:
        path = "."
    directory = fspath(path)
    raw = posix._scandir(directory)
    return _ScandirIterator([DirEntry._make(directory, *item) for item in raw])


# ---------------------------------------------------------------- walking and trees

def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yield (dirpath, dirnames, filenames) for each directory under top."""
    top = fspath(top)
    if topdown:
        pending = [top]
        while pending:
            current = pending.pop()
            listing = _list_for_walk(current, onerror)
            if listing is None:
                continue
            dirs, nondirs, _ = listing
            yield current, dirs, nondirs
            for name in reversed(dirs):
                new_path = path.join(current, name)
                if followlinks or not path.islink(new_path):
                    pending.append(new_path)
    else:
        yield from _walk_bottom_up(top, onerror, followlinks)


def _list_for_walk(top, onerror):
    try:
        entries = list(scandir(top))
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return None
    dirs, nondirs, links = [], [], set()
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            dirs.append(entry.name)
            try:
                if entry.is_symlink():
                    links.add(entry.name)
            except OSError:
                pass
        else:
            nondirs.append(entry.name)
    return dirs, nondirs, links


def _walk_bottom_up(top, onerror, followlinks):
    listing = _list_for_walk(top, onerror)
    if listing is None:
        return
    dirs, nondirs, links = listing
    for name in dirs:
        if followlinks or name not in links:
            yield from _walk_bottom_up(path.join(top, name), onerror, followlinks)
    yield top, dirs, nondirs


def makedirs(name, mode=0o777, exist_ok=False):
    """Create directory name and any missing parents."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass  # made meanwhile by someone else
        current = curdir
        if isinstance(tail, bytes):
            current = bytes(curdir, "ascii")
        if tail == current:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Remove directory name, then each parent that becomes empty."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """rename, making the new path's parents first and pruning the old one's after."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


# ---------------------------------------------------------------- descriptors and sizes

def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    """A file object on descriptor fd (open(fd, ...))."""
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd).__name__)
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


class terminal_size(tuple):
    """The size of a terminal: (columns, lines)."""

    n_fields = 2
    n_sequence_fields = 2
    n_unnamed_fields = 0

    def __new__(cls, sequence):
        sequence = tuple(sequence)
        if len(sequence) != 2:
            raise TypeError("os.terminal_size() takes a 2-sequence (%d-sequence given)" % len(sequence))
        return tuple.__new__(cls, sequence)

    columns = property(lambda self: self[0], doc="width of the terminal window in characters")
    lines = property(lambda self: self[1], doc="height of the terminal window in characters")

    def __repr__(self):
        return "os.terminal_size(columns=%r, lines=%r)" % (self[0], self[1])


def get_terminal_size(fd=1):
    """The size of the terminal on descriptor fd, or OSError if it is none."""
    return terminal_size(posix._terminal_size(fd))


_STATVFS_FIELDS = ("f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files",
                   "f_ffree", "f_favail", "f_flag", "f_namemax")


class statvfs_result(tuple):
    """What os.statvfs returns: file-system sizes and counts."""

    n_sequence_fields = 10

    def __new__(cls, sequence):
        return tuple.__new__(cls, tuple(sequence))

    def __repr__(self):
        return "os.statvfs_result(%s)" % ", ".join(
            "%s=%r" % pair for pair in zip(_STATVFS_FIELDS, self))


for _index, _field in enumerate(_STATVFS_FIELDS):
    setattr(statvfs_result, _field, property(lambda self, i=_index: self[i]))
del _index, _field


def statvfs(path):
    """File-system facts for the file system holding path."""
    return statvfs_result(posix._statvfs(path))


SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2
