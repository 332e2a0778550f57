"""Path operations for POSIX systems (os.path), as CPython 3.11's posixpath.

Every function takes str, bytes or an os.PathLike and answers in the same
kind (str or bytes); mixing str and bytes is a TypeError.
"""
import os

sep = "/"
curdir = "."
pardir = ".."
extsep = "."
pathsep = ":"
altsep = None
defpath = "/bin:/usr/bin"
devnull = "/dev/null"
supports_unicode_filenames = False

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext", "basename", "dirname",
           "commonprefix", "getsize", "getmtime", "getatime", "getctime", "islink", "exists",
           "lexists", "isdir", "isfile", "ismount", "expanduser", "expandvars", "normpath",
           "abspath", "samefile", "sameopenfile", "samestat", "curdir", "pardir", "sep",
           "pathsep", "defpath", "altsep", "extsep", "devnull", "realpath",
           "supports_unicode_filenames", "relpath", "commonpath"]


def _sep(path):
    return b"/" if isinstance(path, bytes) else "/"


def _check_mixed(funcname, *args):
    has_str = has_bytes = False
    for arg in args:
        if isinstance(arg, str):
            has_str = True
        elif isinstance(arg, bytes):
            has_bytes = True
        else:
            raise TypeError("%s() argument must be str, bytes, or os.PathLike object, not %r"
                            % (funcname, type(arg).__name__)) from None
    if has_str and has_bytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


# ---------------------------------------------------------------- pure string operations

def normcase(s):
    return os.fspath(s)


def isabs(s):
    s = os.fspath(s)
    return s.startswith(_sep(s))


def join(a, *p):
    a = os.fspath(a)
    sep = _sep(a)
    path = a
    try:
        if not p:
            path[:0] + sep  # a str/bytes check, as CPython does
        for b in map(os.fspath, p):
            if b.startswith(sep):
                path = b
            elif not path or path.endswith(sep):
                path += b
            else:
                path += sep + b
    except (TypeError, AttributeError, BytesWarning):
        _check_mixed("join", a, *p)
        raise
    return path


def split(p):
    p = os.fspath(p)
    sep = _sep(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    p = os.fspath(p)
    if isinstance(p, bytes):
        sep, dot = b"/", b"."
    else:
        sep, dot = "/", "."
    sep_index = p.rfind(sep)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != dot:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = os.fspath(p)
    return p[:0], p


def basename(p):
    p = os.fspath(p)
    return p[p.rfind(_sep(p)) + 1:]


def dirname(p):
    p = os.fspath(p)
    sep = _sep(p)
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def commonprefix(m):
    """The longest leading string that every item of m starts with."""
    if not m:
        return ""
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(os.fspath, m))
    low, high = min(m), max(m)
    for i, c in enumerate(low):
        if c != high[i]:
            return low[:i]
    return low


def normpath(path):
    path = os.fspath(path)
    if isinstance(path, bytes):
        sep, empty, dot, dotdot = b"/", b"", b".", b".."
    else:
        sep, empty, dot, dotdot = "/", "", ".", ".."
    if path == empty:
        return dot
    initial_slashes = 1 if path.startswith(sep) else 0
    if initial_slashes and path.startswith(sep * 2) and not path.startswith(sep * 3):
        initial_slashes = 2
    new_parts = []
    for part in path.split(sep):
        if part in (empty, dot):
            continue
        if part != dotdot or (not initial_slashes and not new_parts) or (new_parts and new_parts[-1] == dotdot):
            new_parts.append(part)
        elif new_parts:
            new_parts.pop()
    result = sep.join(new_parts)
    if initial_slashes:
        result = sep * initial_slashes + result
    return result or dot


def abspath(path):
    path = os.fspath(path)
    if not isabs(path):
        cwd = os.getcwdb() if isinstance(path, bytes) else os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def expanduser(path):
    path = os.fspath(path)
    tilde = b"~" if isinstance(path, bytes) else "~"
    if not path.startswith(tilde):
        return path
    sep = _sep(path)
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path  # ~user needs the password database, which gilvm does not read
    if "HOME" not in os.environ:
        return path
    home = os.environ["HOME"]
    if isinstance(path, bytes):
        home = os.fsencode(home)
    home = home.rstrip(sep)
    return (home + path[i:]) or sep


def expandvars(path):
    """Replace $name and ${name} by environment variables that are set."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        if b"$" not in path:
            return path
        text = os.fsdecode(path)
    else:
        if "$" not in path:
            return path
        text = path
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c != "$":
            out.append(c)
            i += 1
            continue
        if i + 1 < n and text[i + 1] == "{":
            end = text.find("}", i + 2)
            name = text[i + 2:end] if end >= 0 else ""
            if end < 0 or not name or not _is_var_name(name):
                out.append(c)
                i += 1
                continue
            consumed = end + 1
        else:
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_") and text[j].isascii():
                j += 1
            name = text[i + 1:j]
            if not name:
                out.append(c)
                i += 1
                continue
            consumed = j
        if name in os.environ:
            out.append(os.environ[name])
        else:
            out.append(text[i:consumed])
        i = consumed
    result = "".join(out)
    return os.fsencode(result) if isinstance(path, bytes) else result


def _is_var_name(name):
    return all((ch.isalnum() or ch == "_") and ch.isascii() for ch in name)


def commonpath(paths):
    """The longest common sub-path of each path in paths."""
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    paths = tuple(map(os.fspath, paths))
    if isinstance(paths[0], bytes):
        sep, curdir_ = b"/", b"."
    else:
        sep, curdir_ = "/", "."
    try:
        split_paths = [path.split(sep) for path in paths]
        try:
            isabs_, = set(p[:1] == sep for p in paths)
        except ValueError:
            raise ValueError("Can't mix absolute and relative paths") from None
        split_paths = [[c for c in s if c and c != curdir_] for s in split_paths]
        low, high = min(split_paths), max(split_paths)
        common = low
        for i, c in enumerate(low):
            if c != high[i]:
                common = low[:i]
                break
        prefix = sep if isabs_ else sep[:0]
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        _check_mixed("commonpath", *paths)
        raise


def relpath(path, start=None):
    """The path to `path` from `start` (default: the current directory)."""
    if not path:
        raise ValueError("no path specified")
    path = os.fspath(path)
    if isinstance(path, bytes):
        curdir_, sep, pardir_ = b".", b"/", b".."
    else:
        curdir_, sep, pardir_ = ".", "/", ".."
    if start is None:
        start = curdir_
    else:
        start = os.fspath(start)
    try:
        start_parts = [x for x in abspath(start).split(sep) if x]
        path_parts = [x for x in abspath(path).split(sep) if x]
        common = len(commonprefix([start_parts, path_parts]))
        rel = [pardir_] * (len(start_parts) - common) + path_parts[common:]
        if not rel:
            return curdir_
        return join(*rel)
    except (TypeError, AttributeError, BytesWarning, DeprecationWarning):
        _check_mixed("relpath", path, start)
        raise


# ---------------------------------------------------------------- questions to the file system

def exists(path):
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def lexists(path):
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def _mode_is(path, kind, follow=True):
    try:
        st = os.stat(path) if follow else os.lstat(path)
    except (OSError, ValueError):
        return False
    return st.st_mode & 0o170000 == kind


def isfile(path):
    return _mode_is(path, 0o100000)


def isdir(s):
    return _mode_is(s, 0o040000)


def islink(path):
    return _mode_is(path, 0o120000, follow=False)


def ismount(path):
    try:
        s1 = os.lstat(path)
    except (OSError, ValueError):
        return False
    if s1.st_mode & 0o170000 == 0o120000:
        return False
    path = os.fspath(path)
    parent = join(path, b".." if isinstance(path, bytes) else "..")
    parent = realpath(parent)
    try:
        s2 = os.lstat(parent)
    except (OSError, ValueError):
        return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def getsize(filename):
    return os.stat(filename).st_size


def getmtime(filename):
    return os.stat(filename).st_mtime


def getatime(filename):
    return os.stat(filename).st_atime


def getctime(filename):
    return os.stat(filename).st_ctime


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    return samestat(os.stat(f1), os.stat(f2))


def sameopenfile(fp1, fp2):
    return samestat(os.fstat(fp1), os.fstat(fp2))


def realpath(filename, *, strict=False):
    """The canonical path: symbolic links resolved, as far as they exist."""
    filename = os.fspath(filename)
    if isinstance(filename, bytes):
        sep, curdir_, pardir_ = b"/", b".", b".."
        start = sep if filename.startswith(sep) else os.getcwdb()
    else:
        sep, curdir_, pardir_ = "/", ".", ".."
        start = sep if filename.startswith(sep) else os.getcwd()
    return _resolve(start, filename, sep, curdir_, pardir_, {}, strict)


def _resolve(path, target, sep, curdir_, pardir_, seen, strict):
    """Resolves `target` (a link's text) relative to directory `path`."""
    rest = target
    if rest.startswith(sep):
        path = sep
    while rest:
        name, _, rest = rest.partition(sep)
        if not name or name == curdir_:
            continue
        if name == pardir_:
            path = dirname(path) if path != sep else sep
            continue
        newpath = join(path, name)
        try:
            st = os.lstat(newpath)
        except OSError:
            if strict:
                raise
            path = newpath
            continue
        if st.st_mode & 0o170000 != 0o120000:
            path = newpath
            continue
        if newpath in seen:
            known = seen[newpath]
            if known is None:
                if strict:
                    os.stat(newpath)
                path = newpath
                continue
            path = known
            continue
        seen[newpath] = None
        path = _resolve(path, os.readlink(newpath), sep, curdir_, pardir_, seen, strict)
        seen[newpath] = path
    return path

