"""Path-name pattern expansion (CPython 3.11's glob).

Results come in the order the directories list them (unsorted), as in
CPython. Names starting with a dot match only patterns that start with a dot,
unless include_hidden is true. With recursive=True, "**" matches any files
and zero or more directories. dir_fd is accepted but not supported (None only).
"""
import fnmatch
import os
import re

__all__ = ["glob", "iglob", "escape"]

_magic = re.compile("([*?[])")
_magic_bytes = re.compile(b"([*?[])")


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """The list of paths matching pathname."""
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive,
                      include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """An iterator of the paths matching pathname."""
    if dir_fd is not None:
        raise NotImplementedError("glob: dir_fd is not supported by gilvm")
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    else:
        root_dir = pathname[:0]
    matches = _iglob(pathname, root_dir, recursive, False, include_hidden)
    if not pathname or (recursive and _is_recursive(pathname[:2])):
        first = next(matches, None)  # a leading "**" yields "" first: drop it
        if first:
            yield first
    yield from matches


def _iglob(pathname, root_dir, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if _lexists(_join(root_dir, pathname)):
                yield pathname
        elif _isdir(_join(root_dir, dirname)):
            yield pathname
        return
    if not dirname:
        if recursive and _is_recursive(basename):
            yield from _glob2(root_dir, basename, dironly, include_hidden)
        else:
            yield from _glob1(root_dir, basename, dironly, include_hidden)
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if has_magic(basename):
        in_dir = _glob2 if recursive and _is_recursive(basename) else _glob1
    else:
        in_dir = _glob0
    for directory in dirs:
        for name in in_dir(_join(root_dir, directory), basename, dironly, include_hidden):
            yield os.path.join(directory, name)


def _glob1(dirname, pattern, dironly, include_hidden):
    names = _listdir(dirname, dironly)
    if not (include_hidden or _is_hidden(pattern)):
        names = [x for x in names if not _is_hidden(x)]
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dironly, include_hidden):
    if basename:
        if _lexists(os.path.join(dirname, basename)):
            return [basename]
    elif _isdir(dirname):
        return [basename]
    return []


def _glob2(dirname, pattern, dironly, include_hidden):
    yield pattern[:0]
    yield from _rlistdir(dirname, dironly, include_hidden)


def _rlistdir(dirname, dironly, include_hidden):
    for name in _listdir(dirname, dironly):
        if include_hidden or not _is_hidden(name):
            yield name
            path = os.path.join(dirname, name) if dirname else name
            for sub in _rlistdir(path, dironly, include_hidden):
                yield os.path.join(name, sub)


def _listdir(dirname, dironly):
    if not dirname:
        dirname = b"." if isinstance(dirname, bytes) else "."
    try:
        with os.scandir(dirname) as entries:
            names = []
            for entry in entries:
                try:
                    if not dironly or entry.is_dir():
                        names.append(entry.name)
                except OSError:
                    pass
            return names
    except OSError:
        return []


def _join(root_dir, path):
    if root_dir and path:
        return os.path.join(root_dir, path)
    return path or root_dir


def _lexists(pathname):
    return os.path.lexists(pathname) if pathname else False


def _isdir(pathname):
    return os.path.isdir(pathname) if pathname else True


def has_magic(s):
    if isinstance(s, bytes):
        return _magic_bytes.search(s) is not None
    return _magic.search(s) is not None


def _is_hidden(path):
    return path[0] in (".", b"."[0])


def _is_recursive(pattern):
    return pattern == (b"**" if isinstance(pattern, bytes) else "**")


def escape(pathname):
    """pathname with the wildcard characters * ? [ made literal."""
    if isinstance(pathname, bytes):
        return _magic_bytes.sub(br"[\1]", pathname)
    return _magic.sub(r"[\1]", pathname)
