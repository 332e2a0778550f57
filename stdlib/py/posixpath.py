"""Path operations for POSIX systems (os.path)."""
import os

sep = "/"
curdir = "."
pardir = ".."
extsep = "."
pathsep = ":"
defpath = "/bin:/usr/bin"


def _check(path):
    if not isinstance(path, str):
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(path).__name__)
    return path


def isabs(s):
    return _check(s).startswith("/")


def join(a, *p):
    path = _check(a)
    for b in p:
        _check(b)
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def split(p):
    _check(p)
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def splitext(p):
    _check(p)
    sep_index = p.rfind("/")
    dot_index = p.rfind(".")
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != ".":
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, ""


def basename(p):
    return _check(p)[p.rfind("/") + 1:]


def dirname(p):
    return split(p)[0]


def normpath(path):
    _check(path)
    if path == "":
        return "."
    initial_slashes = 1 if path.startswith("/") else 0
    if initial_slashes and path.startswith("//") and not path.startswith("///"):
        initial_slashes = 2
    new_parts = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part != ".." or (not initial_slashes and not new_parts) or (new_parts and new_parts[-1] == ".."):
            new_parts.append(part)
        elif new_parts:
            new_parts.pop()
    result = "/".join(new_parts)
    if initial_slashes:
        result = "/" * initial_slashes + result
    return result or "."


def abspath(path):
    if not isabs(path):
        path = join(os.getcwd(), path)
    return normpath(path)


def realpath(path):
    return os._realpath(abspath(path))


def exists(path):
    try:
        os.stat(path)
    except OSError:
        return False
    return True


def isfile(path):
    try:
        return os.stat(path).st_mode & 0o170000 == 0o100000
    except OSError:
        return False


def isdir(path):
    try:
        return os.stat(path).st_mode & 0o170000 == 0o040000
    except OSError:
        return False


def getsize(path):
    return os.stat(path).st_size


def getmtime(path):
    return os.stat(path).st_mtime


def expanduser(path):
    if not path.startswith("~"):
        return path
    home = os.environ.get("HOME", "/")
    i = path.find("/")
    if i < 0:
        i = len(path)
    if i == 1:
        return home.rstrip("/") + path[i:] if home != "/" else (path[i:] or "/")
    return path


def commonpath(paths):
    paths = list(paths)
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    absolute = {p.startswith("/") for p in paths}
    if len(absolute) > 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[part for part in p.split("/") if part and part != "."] for p in paths]
    common = []
    for parts in zip(*split_paths):
        if any(part != parts[0] for part in parts):
            break
        common.append(parts[0])
    prefix = "/" if absolute.pop() else ""
    return prefix + "/".join(common)


def relpath(path, start=None):
    """The path to `path` from `start` (default: the current directory)."""
    if not path:
        raise ValueError("no path specified")
    start = os.getcwd() if start is None else start
    start_parts = [x for x in abspath(start).split("/") if x]
    path_parts = [x for x in abspath(path).split("/") if x]
    common = 0
    for a, b in zip(start_parts, path_parts):
        if a != b:
            break
        common += 1
    rel = [".."] * (len(start_parts) - common) + path_parts[common:]
    return join(*rel) if rel else "."
