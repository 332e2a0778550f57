"""Printing and formatting exceptions with their tracebacks.

The common part of CPython's traceback module: format_exc, print_exc,
format_exception, print_exception, format_exception_only. The text comes
from the formatter the interpreter uses for uncaught exceptions, so it is
the same (chained exceptions and location markers included). Not here:
the `limit` argument (accepted, but every frame is printed), and the
stack-walking API (extract_tb, format_stack, StackSummary, ...).
"""
import sys
from _thread import _format_exception as _format_text

__all__ = ["format_exc", "print_exc", "format_exception", "print_exception", "format_exception_only",
           "print_last"]

_SENTINEL = object()


def _value_of(exc, value):
    # format_exception(exc) (3.10+) or format_exception(type, value, tb).
    if value is _SENTINEL:
        return exc
    return value


def _chunks(text):
    # CPython returns one string per traceback header, per frame (its File
    # line with the source and marker lines under it) and per message line.
    chunks = []
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("    ") and chunks and chunks[-1].startswith("  File "):
            chunks[-1] += line
        elif line == "\n" and i + 2 < len(lines) and lines[i + 2] == "\n" and (
                lines[i + 1].startswith("The above exception") or lines[i + 1].startswith("During handling")):
            chunks.append("".join(lines[i:i + 3]))  # the chaining message is one piece
            i += 2
        else:
            chunks.append(line)
        i += 1
    return chunks


def format_exception(exc, /, value=_SENTINEL, tb=_SENTINEL, limit=None, chain=True):
    value = _value_of(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    return _chunks(_format_text(value))


def format_exception_only(exc, /, value=_SENTINEL):
    value = _value_of(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    lines = _chunks(_format_text(value))
    # The message is what follows the last frame of the last traceback.
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].startswith("  File ") or lines[index].startswith("Traceback (most recent call last):"):
            return lines[index + 1:]
    return lines


def print_exception(exc, /, value=_SENTINEL, tb=_SENTINEL, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for chunk in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(chunk, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)
