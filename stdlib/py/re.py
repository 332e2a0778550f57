"""Regular expressions: CPython 3.11's re API on PCRE2.

The engine, Pattern, Match and the module-level functions are the native
_re module (stdlib/re/); this file adds what is easier in Python: the
RegexFlag values with CPython's repr, and re.error with its msg, pattern,
pos, lineno and colno.
"""
import _re

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"

_FLAG_NAMES = [
    (1, "TEMPLATE"), (2, "IGNORECASE"), (4, "LOCALE"), (8, "MULTILINE"),
    (16, "DOTALL"), (32, "UNICODE"), (64, "VERBOSE"), (128, "DEBUG"),
    (256, "ASCII"),
]


class RegexFlag(int):
    """The re flags: ints whose repr names them, as re.IGNORECASE|re.MULTILINE."""

    def __new__(cls, value=0):
        return int.__new__(cls, value)

    def __repr__(self):
        value = self + 0
        if value == 0:
            return "re.NOFLAG"
        names = []
        for bit, name in _FLAG_NAMES:
            if value & bit:
                names.append("re." + name)
                value &= ~bit
        if value:
            names.append(hex(value))
        return "|".join(names)

    __str__ = __repr__

    @property
    def name(self):
        text = repr(self)
        return text.replace("re.", "")

    @property
    def value(self):
        return self + 0

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag((self + 0) | (other + 0))

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag((self + 0) & (other + 0))

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag((self + 0) ^ (other + 0))

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~(self + 0) & 511)


NOFLAG = RegexFlag(0)
TEMPLATE = T = RegexFlag(1)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
UNICODE = U = RegexFlag(32)
VERBOSE = X = RegexFlag(64)
DEBUG = RegexFlag(128)
ASCII = A = RegexFlag(256)


class error(Exception):
    """Raised for an invalid regular expression (or replacement template).

    msg: the message without the position; pattern, pos: where (or None);
    lineno, colno: pos as a line and column (or None)."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = "re"
_re._set_error(error)

from _re import (compile, search, match, fullmatch, sub, subn, split,
                 findall, finditer, escape, purge, Pattern, Match)


def template(pattern, flags=0):
    "Compile a template pattern, returning a Pattern object (deprecated)."
    return compile(pattern, flags | TEMPLATE)
