"""Temporary files and directories (CPython 3.11's tempfile).

Names are the prefix ("tmp" by default), eight random characters and the
suffix, made in gettempdir() (TMPDIR, TEMP or TMP, else /tmp, /var/tmp,
/usr/tmp, the current directory). Files are created with O_EXCL and mode
0o600, directories with 0o700. TemporaryFile is a file whose name was
removed at once; its name is the descriptor, as in CPython.
"""
import io
import os
import random as _random
import shutil as _shutil

__all__ = ["NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory",
           "mkstemp", "mkdtemp", "mktemp", "TMP_MAX", "gettempprefix", "tempdir", "gettempdir",
           "gettempprefixb", "gettempdirb"]

TMP_MAX = 10000
template = "tmp"
tempdir = None

_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_rng = None
_rng_pid = None


def _random_name():
    global _rng, _rng_pid
    if _rng is None or _rng_pid != os.getpid():  # a forked child must not repeat its parent
        _rng = _random.Random()
        _rng_pid = os.getpid()
    return "".join(_rng.choice(_CHARACTERS) for _ in range(8))


def _candidate_dirs():
    dirs = []
    for name in ("TMPDIR", "TEMP", "TMP"):
        value = os.getenv(name)
        if value:
            dirs.append(value)
    dirs.extend(["/tmp", "/var/tmp", "/usr/tmp"])
    try:
        dirs.append(os.getcwd())
    except (AttributeError, OSError):
        dirs.append(os.curdir)
    return dirs


def _find_tempdir():
    for directory in _candidate_dirs():
        if directory != os.curdir:
            directory = os.path.abspath(directory)
        for _ in range(100):
            name = os.path.join(directory, _random_name())
            try:
                fd = os.open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
                try:
                    os.write(fd, b"blat")
                finally:
                    os.close(fd)
                    os.unlink(name)
                return directory
            except FileExistsError:
                pass
            except PermissionError:
                break
            except OSError:
                break
    raise FileNotFoundError(2, "No usable temporary directory found in %s" % _candidate_dirs())


def gettempdir():
    """The default directory for temporary files."""
    global tempdir
    if tempdir is None:
        tempdir = _find_tempdir()
    return os.fsdecode(tempdir)


def gettempdirb():
    return os.fsencode(gettempdir())


def gettempprefix():
    return os.fsdecode(template)


def gettempprefixb():
    return os.fsencode(template)


def _sanitize(prefix, suffix, dir):
    """Defaults for prefix, suffix and dir, all str or all bytes."""
    kinds = {type(x) for x in (prefix, suffix, dir) if x is not None}
    if len(kinds) > 1:
        if any(k is bytes for k in kinds) and any(k is not bytes for k in kinds):
            raise TypeError("Can't mix bytes and non-bytes in path components.")
    output_bytes = bytes in kinds
    if suffix is None:
        suffix = b"" if output_bytes else ""
    if prefix is None:
        prefix = gettempprefixb() if output_bytes else template
    if dir is None:
        dir = gettempdirb() if output_bytes else gettempdir()
    return prefix, suffix, dir, output_bytes


def _name(prefix, suffix, dir, output_bytes):
    middle = _random_name()
    if output_bytes:
        middle = os.fsencode(middle)
    return os.path.join(dir, prefix + middle + suffix)


def _mkstemp_inner(dir, prefix, suffix, flags, output_bytes):
    dir = os.path.abspath(dir)
    for _ in range(TMP_MAX):
        file = _name(prefix, suffix, dir, output_bytes)
        try:
            fd = os.open(file, flags, 0o600)
        except FileExistsError:
            continue
        except PermissionError:
            if os.path.isdir(dir) and os.access(dir, os.W_OK):
                continue
            raise
        return fd, file
    raise FileExistsError(17, "No usable temporary file name found")


_TEXT_FLAGS = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
_BIN_FLAGS = _TEXT_FLAGS


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Create a new file securely; returns (descriptor, absolute path). The
    caller removes it."""
    prefix, suffix, dir, output_bytes = _sanitize(prefix, suffix, dir)
    return _mkstemp_inner(dir, prefix, suffix, _TEXT_FLAGS if text else _BIN_FLAGS, output_bytes)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Create a new directory securely (mode 0o700); returns its absolute path."""
    prefix, suffix, dir, output_bytes = _sanitize(prefix, suffix, dir)
    for _ in range(TMP_MAX):
        file = _name(prefix, suffix, dir, output_bytes)
        try:
            os.mkdir(file, 0o700)
        except FileExistsError:
            continue
        except PermissionError:
            if os.path.isdir(dir) and os.access(dir, os.W_OK):
                continue
            raise
        return os.path.abspath(file)
    raise FileExistsError(17, "No usable temporary directory name found")


def mktemp(suffix="", prefix=template, dir=None):
    """A name no file had when asked (unsafe: another may take it first)."""
    if dir is None:
        dir = gettempdir()
    for _ in range(TMP_MAX):
        file = _name(prefix, suffix, dir, False)
        if not os.path.lexists(file):
            return file
    raise FileExistsError(17, "No usable temporary filename found")


class _TemporaryFileWrapper:
    """A file object with a name that is deleted when it is closed (if delete)."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, name):
        file = self.__dict__["file"]
        value = getattr(file, name)
        return value

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        result = self.file.__exit__(exc, value, tb)
        self.close()
        return result

    def close(self):
        if self._closed:
            return
        self._closed = True
        try:
            self.file.close()
        finally:
            if self.delete:
                try:
                    os.unlink(self.name)
                except FileNotFoundError:
                    pass

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def __iter__(self):
        for line in self.file:
            yield line


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                       prefix=None, dir=None, delete=True, *, errors=None):
    """A temporary file with a visible name (its .name), removed on close when delete."""
    prefix, suffix, dir, output_bytes = _sanitize(prefix, suffix, dir)
    fd, name = _mkstemp_inner(dir, prefix, suffix, _BIN_FLAGS, output_bytes)
    try:
        file = io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    except BaseException:
        os.unlink(name)
        os.close(fd)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None,
                  prefix=None, dir=None, *, errors=None):
    """A temporary file with no name in the file system."""
    prefix, suffix, dir, output_bytes = _sanitize(prefix, suffix, dir)
    fd, name = _mkstemp_inner(dir, prefix, suffix, _BIN_FLAGS, output_bytes)
    try:
        os.unlink(name)
        return io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    except BaseException:
        os.close(fd)
        raise


class SpooledTemporaryFile:
    """A temporary file kept in memory until it grows past max_size (or
    fileno() is asked for), then moved to a TemporaryFile."""

    _rolled = False

    def __init__(self, max_size=0, mode="w+b", buffering=-1, encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        if "b" in mode:
            self._file = io.BytesIO()
        else:
            self._file = io.StringIO(newline="\n")
        self._max_size = max_size
        self._rolled = False
        self._TemporaryFileArgs = {"mode": mode, "buffering": buffering, "suffix": suffix,
                                   "prefix": prefix, "encoding": encoding, "newline": newline,
                                   "dir": dir, "errors": errors}

    def _check(self, file):
        if self._rolled:
            return
        max_size = self._max_size
        if max_size and file.tell() > max_size:
            self.rollover()

    def rollover(self):
        """Move the data to a real temporary file."""
        if self._rolled:
            return
        file = self._file
        new_file = self._file = TemporaryFile(**self._TemporaryFileArgs)
        del self._TemporaryFileArgs
        position = file.tell()
        new_file.write(file.getvalue())
        new_file.seek(position, 0)
        self._rolled = True

    def __enter__(self):
        if self._file.closed:
            raise ValueError("Cannot enter context with closed file")
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()

    def __iter__(self):
        return self._file.__iter__()

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    @property
    def encoding(self):
        if self._rolled:
            return self._file.encoding
        return self._TemporaryFileArgs["encoding"] if "b" not in self.mode else None

    @property
    def errors(self):
        if self._rolled:
            return self._file.errors
        return self._TemporaryFileArgs["errors"]

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def flush(self):
        self._file.flush()

    def isatty(self):
        return self._file.isatty()

    @property
    def mode(self):
        try:
            return self._file.mode
        except AttributeError:
            return self._TemporaryFileArgs["mode"]

    @property
    def name(self):
        try:
            return self._file.name
        except AttributeError:
            return None

    @property
    def newlines(self):
        return self._file.newlines if hasattr(self._file, "newlines") else None

    def read(self, *args):
        return self._file.read(*args)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        if size is None:
            return self._file.truncate()
        if size > self._max_size:
            self.rollover()
        return self._file.truncate(size)

    def write(self, s):
        file = self._file
        result = file.write(s)
        self._check(file)
        return result

    def writelines(self, iterable):
        file = self._file
        result = file.writelines(iterable)
        self._check(file)
        return result


class TemporaryDirectory:
    """A temporary directory, removed with its contents by cleanup(), at the
    end of a with block, or when the object is collected."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._done = False

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def _remove(self):
        def onerror(func, path, exc_info):
            if issubclass(exc_info[0], PermissionError):
                try:
                    if path != self.name:
                        os.chmod(os.path.dirname(path), 0o700)
                    os.chmod(path, 0o700)
                    if os.path.isdir(path) and not os.path.islink(path):
                        _shutil.rmtree(path, onerror=onerror)
                    else:
                        os.unlink(path)
                except FileNotFoundError:
                    pass
            elif issubclass(exc_info[0], FileNotFoundError):
                pass
            elif not self._ignore_cleanup_errors:
                raise
        _shutil.rmtree(self.name, onerror=onerror)

    def cleanup(self):
        if not self._done:
            self._done = True
            if os.path.exists(self.name):
                self._remove()

    def __del__(self):
        try:
            if not self.__dict__.get("_done", True):
                self.cleanup()
        except Exception:
            pass
