"""Lines of source files, read once and kept (getline, getlines,
clearcache, checkcache), for traceback and inspect."""
import os

__all__ = ["getline", "clearcache", "checkcache", "getlines"]

_cache = {}  # filename -> (mtime, size, lines)


def getline(filename, lineno, module_globals=None):
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ""


def getlines(filename, module_globals=None):
    entry = _cache.get(filename)
    if entry is not None:
        return entry[2]
    return updatecache(filename, module_globals)


def clearcache():
    _cache.clear()


def checkcache(filename=None):
    """Forgets the files that changed on disk since they were read."""
    names = list(_cache) if filename is None else [filename]
    for name in names:
        entry = _cache.get(name)
        if entry is None:
            continue
        try:
            st = os.stat(name)
        except OSError:
            _cache.pop(name, None)
            continue
        if (st.st_mtime, st.st_size) != entry[:2]:
            _cache.pop(name, None)


def updatecache(filename, module_globals=None):
    _cache.pop(filename, None)
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return []
    try:
        st = os.stat(filename)
        with open(filename, encoding="utf-8", errors="replace") as f:
            lines = f.readlines()
    except (OSError, UnicodeError, ValueError):
        return []
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    _cache[filename] = (st.st_mtime, st.st_size, lines)
    return lines
