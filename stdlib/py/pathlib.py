"""Object-oriented file-system paths (CPython 3.11's pathlib, POSIX flavour).

A path is kept as its root ("", "/" or "//") and a tuple of name parts;
"." parts and repeated slashes are dropped when parsing, ".." is kept.
PurePath and PurePosixPath compute; Path and PosixPath also ask the file
system. PureWindowsPath is not provided, and instantiating WindowsPath
raises NotImplementedError, as CPython does on POSIX. owner() and group()
need the password database, which gilvm lacks.
"""
import fnmatch
import io
import os
import re
import stat as _stat
from collections.abc import Sequence

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath", "WindowsPath"]

_URI_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/")


def _parse_text(text):
    """(root, parts) of one path string."""
    if text.startswith("/"):
        root = "//" if text.startswith("//") and not text.startswith("///") else "/"
    else:
        root = ""
    parts = [part for part in text.split("/") if part and part != "."]
    return root, parts


def _parse_args(args):
    root = ""
    parts = []
    for arg in args:
        if isinstance(arg, PurePath):
            arg_root, arg_parts = arg._root, list(arg._parts)
        else:
            text = os.fspath(arg)
            if not isinstance(text, str):
                raise TypeError("argument should be a str object or an os.PathLike object returning str, not %r"
                                % (type(text),))
            arg_root, arg_parts = _parse_text(text)
        if arg_root:
            root, parts = arg_root, arg_parts
        else:
            parts.extend(arg_parts)
    return root, tuple(parts)


class _PathParents(Sequence):
    """The logical ancestors of a path (path.parents)."""

    __slots__ = ("_path_type", "_root", "_parts")

    def __init__(self, path):
        self._path_type = type(path)
        self._root = path._root
        self._parts = path._parts

    def __len__(self):
        return len(self._parts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index >= len(self) or index < -len(self):
            raise IndexError(index)
        if index < 0:
            index += len(self)
        return self._path_type._from_parsed(self._root, self._parts[:-index - 1])

    def __repr__(self):
        return "<{}.parents>".format(self._path_type.__name__)


class PurePath:
    """A file-system path that does no I/O. PurePath(...) makes a PurePosixPath."""

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_args(args)

    @classmethod
    def _from_args(cls, args):
        root, parts = _parse_args(args)
        return cls._from_parsed(root, parts)

    @classmethod
    def _from_parsed(cls, root, parts):
        self = object.__new__(cls)
        self._root = root
        self._parts = tuple(parts)
        self._str = None
        self._hash = None
        return self

    def __reduce__(self):
        return (self.__class__, tuple(self.parts))

    # ------------------------------------------------------------ text forms

    def __str__(self):
        if self._str is None:
            self._str = (self._root + "/".join(self._parts)) or "."
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(self)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        data = str(self).encode("utf-8")
        quoted = "".join(chr(b) if b in _URI_SAFE else "%%%02X" % b for b in data)
        return "file://" + quoted

    # ------------------------------------------------------------ comparison

    def _key(self):
        return (self._root, self._parts)

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(str(self))
        return self._hash

    def _order_key(self):
        return ([self._root] if self._root else []) + list(self._parts)

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._order_key() < other._order_key()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._order_key() <= other._order_key()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._order_key() > other._order_key()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._order_key() >= other._order_key()

    # ------------------------------------------------------------ parts

    drive = property(lambda self: "", doc="The drive prefix (always empty on POSIX).")
    root = property(lambda self: self._root, doc="The root ('/' or '//'), or ''.")

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        if self._root:
            return (self._root,) + self._parts
        return self._parts

    @property
    def name(self):
        return self._parts[-1] if self._parts else ""

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._from_parsed(self._root, self._parts[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    # ------------------------------------------------------------ derived paths

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        if not name or "/" in name or name == ".":
            raise ValueError("Invalid name %r" % (name,))
        return self._from_parsed(self._root, self._parts[:-1] + (name,))

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if "/" in suffix or (suffix and not suffix.startswith(".")) or suffix == ".":
            raise ValueError("Invalid suffix %r" % (suffix,))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old = self.suffix
        name = name + suffix if not old else name[:-len(old)] + suffix
        return self._from_parsed(self._root, self._parts[:-1] + (name,))

    def joinpath(self, *args):
        return self._from_args((self,) + args)

    def __truediv__(self, key):
        try:
            return self._from_args((self, key))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self._from_args((key, self))
        except TypeError:
            return NotImplemented

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        base = self._from_args(other)
        n = len(base._parts)
        if base._root != self._root or self._parts[:n] != base._parts:
            formatted = str(base)
            raise ValueError("{!r} is not in the subpath of {!r} OR one path is relative and the other is absolute."
                             .format(str(self), formatted))
        return self._from_parsed("", self._parts[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def match(self, path_pattern):
        """Whether the path matches the glob-style pattern, from the right
        (or all of it when the pattern is absolute)."""
        pattern = self._from_args((path_pattern,))
        if not pattern._root and not pattern._parts:
            raise ValueError("empty pattern")
        if pattern._root:
            if pattern._root != self._root or len(pattern._parts) != len(self._parts):
                return False
        elif len(pattern._parts) > len(self._parts):
            return False
        for part, pat in zip(reversed(self._parts), reversed(pattern._parts)):
            if not fnmatch.fnmatchcase(part, pat):
                return False
        return True


class PurePosixPath(PurePath):
    """A PurePath with POSIX rules."""


os.PathLike.register(PurePath)


# ---------------------------------------------------------------- concrete paths

def _ignore_missing(error):
    return isinstance(error, (FileNotFoundError, NotADirectoryError)) or getattr(error, "errno", None) in (2, 20, 9, 40)


class Path(PurePath):
    """A path on this system's file system. Path(...) makes a PosixPath."""

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        if cls is WindowsPath:
            raise NotImplementedError("cannot instantiate %r on your system" % (cls.__name__,))
        return cls._from_args(args)

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls("~").expanduser()

    # ------------------------------------------------------------ queries

    def stat(self, *, follow_symlinks=True):
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        return os.lstat(self)

    def _mode_test(self, test, follow=True):
        try:
            mode = self.stat(follow_symlinks=follow).st_mode
        except OSError as e:
            if not _ignore_missing(e):
                raise
            return False
        except ValueError:
            return False
        return test(mode)

    def exists(self):
        return self._mode_test(lambda mode: True)

    def is_dir(self):
        return self._mode_test(_stat.S_ISDIR)

    def is_file(self):
        return self._mode_test(_stat.S_ISREG)

    def is_symlink(self):
        return self._mode_test(_stat.S_ISLNK, follow=False)

    def is_socket(self):
        return self._mode_test(_stat.S_ISSOCK)

    def is_fifo(self):
        return self._mode_test(_stat.S_ISFIFO)

    def is_block_device(self):
        return self._mode_test(_stat.S_ISBLK)

    def is_char_device(self):
        return self._mode_test(_stat.S_ISCHR)

    def is_mount(self):
        return os.path.ismount(self)

    def samefile(self, other_path):
        st = self.stat()
        try:
            other_st = other_path.stat()
        except AttributeError:
            other_st = self.__class__(other_path).stat()
        return os.path.samestat(st, other_st)

    # ------------------------------------------------------------ directories

    def iterdir(self):
        for name in os.listdir(self):
            yield self._from_parsed(self._root, self._parts + (name,))

    def glob(self, pattern):
        """The existing paths under this directory that match pattern."""
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        pat = PurePosixPath(pattern)
        if pat._root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        parts = list(pat._parts)
        if pattern.endswith("/"):
            parts.append("")  # a trailing slash selects directories only
        return self._select(parts)

    def rglob(self, pattern):
        """glob() with "**/" in front of pattern."""
        pat = PurePosixPath(pattern)
        if pat._root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        parts = ["**"] + list(pat._parts)
        if pattern.endswith("/"):
            parts.append("")
        return self._select(parts)

    def _select(self, parts):
        if not self.is_dir():
            return
        yield from _select_from(self, parts)

    # ------------------------------------------------------------ contents

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        return io.open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open(mode="rb") as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open(mode="r", encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        view = memoryview(data)
        with self.open(mode="wb") as f:
            return f.write(view)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not %s" % data.__class__.__name__)
        with self.open(mode="w", encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def readlink(self):
        return self._from_args((os.readlink(self),))

    # ------------------------------------------------------------ changes

    def touch(self, mode=0o666, exist_ok=True):
        if exist_ok:
            try:
                os.utime(self, None)
            except OSError:
                pass
            else:
                return
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        fd = os.open(self, flags, mode)
        os.close(fd)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(self, mode, follow_symlinks=follow_symlinks)

    def lchmod(self, mode):
        self.chmod(mode, follow_symlinks=False)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def rename(self, target):
        os.rename(self, target)
        return self.__class__(target)

    def replace(self, target):
        os.replace(self, target)
        return self.__class__(target)

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(target, self, target_is_directory)

    def hardlink_to(self, target):
        os.link(target, self)

    def link_to(self, target):
        os.link(self, target)

    # ------------------------------------------------------------ other forms

    def absolute(self):
        if self.is_absolute():
            return self
        return self._from_args((os.getcwd(), self))

    def resolve(self, strict=False):
        return self._from_args((os.path.realpath(self, strict=strict),))

    def expanduser(self):
        if not self._root and self._parts and self._parts[0][:1] == "~":
            home = os.path.expanduser(self._parts[0])
            if home[:1] == "~":
                raise RuntimeError("Could not determine home directory.")
            return self._from_args((home,) + self._parts[1:])
        return self

    def owner(self):
        raise NotImplementedError("Path.owner() is unsupported on this system")

    def group(self):
        raise NotImplementedError("Path.group() is unsupported on this system")


class PosixPath(Path, PurePosixPath):
    """A Path on a POSIX system."""


class WindowsPath(Path):
    """Not available on POSIX systems."""


# ---------------------------------------------------------------- glob selection

def _scan(path):
    try:
        with os.scandir(path) as it:
            return list(it)
    except PermissionError:
        return []
    except OSError:
        return []


def _select_from(path, parts):
    """Yield the paths under directory `path` matching the pattern parts
    (a "" last part means: directories only)."""
    if not parts:
        yield path
        return
    head, rest = parts[0], parts[1:]
    if head == "":
        if path.is_dir():
            yield path
        return
    if head == "**":
        while rest and rest[0] == "**":
            rest = rest[1:]
        seen = set()
        for directory in _recurse_dirs(path):
            for found in _select_from(directory, rest) if rest else [directory]:
                if found not in seen:
                    seen.add(found)
                    yield found
        return
    if head == "..":
        yield from _select_from(path._from_parsed(path._root, path._parts + (head,)), rest)
        return
    if not _has_magic(head):
        child = path._from_parsed(path._root, path._parts + (head,))
        if rest:
            if child.is_dir():
                yield from _select_from(child, rest)
        elif child.exists():
            yield child
        return
    matcher = re.compile(fnmatch.translate(head)).fullmatch
    for entry in _scan(path):
        if rest:
            try:
                if not entry.is_dir():
                    continue
            except OSError:
                continue
        if matcher(entry.name):
            child = path._from_parsed(path._root, path._parts + (entry.name,))
            if rest:
                yield from _select_from(child, rest)
            else:
                yield child


def _recurse_dirs(path):
    """path and every directory under it, parents before children."""
    yield path
    for entry in _scan(path):
        try:
            is_dir = entry.is_dir() and not entry.is_symlink()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _recurse_dirs(path._from_parsed(path._root, path._parts + (entry.name,)))


def _has_magic(part):
    return any(c in part for c in "*?[")
