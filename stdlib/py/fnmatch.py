"""Shell-style wildcard matching of file names (CPython 3.11's fnmatch).

Patterns: * matches everything, ? one character, [seq] one character in
seq, [!seq] one not in seq. On POSIX, matching is case-sensitive (normcase
is the identity). translate() gives the same regular expression text as
CPython 3.11.7.
"""
import os
import posixpath
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_compiled = {}


def _compile(pat):
    key = (type(pat), pat)
    regex = _compiled.get(key)
    if regex is None:
        if isinstance(pat, bytes):
            text = translate(str(pat, "latin-1"))
            regex = re.compile(text.encode("latin-1")).match
        else:
            regex = re.compile(translate(pat)).match
        if len(_compiled) >= 32768:
            _compiled.clear()
        _compiled[key] = regex
    return regex


def fnmatch(name, pat):
    """Whether name matches pat, after os.path.normcase of both."""
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def fnmatchcase(name, pat):
    """Whether name matches pat, case-sensitively."""
    return _compile(pat)(name) is not None


def filter(names, pat):
    """The items of names that match pat."""
    match = _compile(os.path.normcase(pat))
    if os.path is posixpath:
        return [name for name in names if match(name)]
    return [name for name in names if match(os.path.normcase(name))]


class _Star:
    pass


_STAR = _Star()


def _class_body(pat, start, end):
    """The regex for the bracket expression whose inside is pat[start:end]."""
    if "-" not in pat[start:end]:
        body = pat[start:end].replace("\\", r"\\")
    else:
        # Split at the hyphens that make ranges (a hyphen right after the
        # opening "[" or "[!" is literal), then drop empty ranges like z-a.
        chunks = []
        first = start + 2 if pat[start] == "!" else start + 1
        piece_start = start
        while True:
            k = pat.find("-", first, end)
            if k < 0:
                break
            chunks.append(pat[piece_start:k])
            piece_start = k + 1
            first = k + 3
        tail = pat[piece_start:end]
        if tail:
            chunks.append(tail)
        else:
            chunks[-1] += "-"
        for idx in range(len(chunks) - 1, 0, -1):
            if chunks[idx - 1][-1] > chunks[idx][0]:
                chunks[idx - 1] = chunks[idx - 1][:-1] + chunks[idx][1:]
                del chunks[idx]
        body = "-".join(c.replace("\\", r"\\").replace("-", r"\-") for c in chunks)
    body = re.sub(r"([&~|])", r"\\\1", body)
    if not body:
        return "(?!)"
    if body == "!":
        return "."
    if body[0] == "!":
        body = "^" + body[1:]
    elif body[0] in "^[":
        body = "\\" + body
    return "[" + body + "]"


def translate(pat):
    """The regular expression text that matches what shell pattern pat does."""
    tokens = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            if not tokens or tokens[-1] is not _STAR:
                tokens.append(_STAR)
        elif c == "?":
            tokens.append(".")
        elif c == "[":
            j = i
            if j < n and pat[j] == "!":
                j += 1
            if j < n and pat[j] == "]":
                j += 1
            while j < n and pat[j] != "]":
                j += 1
            if j >= n:
                tokens.append("\\[")
            else:
                tokens.append(_class_body(pat, i, j))
                i = j + 1
        else:
            tokens.append(re.escape(c))
    out = []
    i, n = 0, len(tokens)
    while i < n and tokens[i] is not _STAR:
        out.append(tokens[i])
        i += 1
    while i < n:
        i += 1  # the star
        if i == n:
            out.append(".*")
            break
        fixed = []
        while i < n and tokens[i] is not _STAR:
            fixed.append(tokens[i])
            i += 1
        fixed = "".join(fixed)
        if i == n:
            out.append(".*" + fixed)
        else:
            # A star between fixed parts: match lazily, in an atomic group so
            # that a failure never backtracks into it (no exponential time).
            out.append("(?>.*?%s)" % fixed)
    return r"(?s:%s)\Z" % "".join(out)
