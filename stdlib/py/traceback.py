"""Printing and formatting exceptions with their tracebacks.

The common part of CPython's traceback module: format_exc, print_exc,
format_exception, print_exception, format_exception_only. The text comes
from the formatter the interpreter uses for uncaught exceptions, so it is
the same (chained exceptions and location markers included); `limit` (or
sys.tracebacklimit) then keeps the first (or, negative, the last) frames
of each traceback, and a traceback left without frames loses its header.

The stack-walking API (walk_tb, walk_stack, extract_tb, extract_stack,
format_tb, format_stack, print_tb, print_stack, format_list, print_list,
FrameSummary, StackSummary, TracebackException) reads traceback and frame
objects. Frames are snapshots (vm/objects/frame_object.hpp): a frame from a
traceback has no f_back, and captured locals are those of module and
class bodies only.
"""
import collections
import itertools
import linecache
import sys
from _thread import _format_exception as _format_text
from _thread import _traceback_markers

__all__ = ["format_exc", "print_exc", "format_exception", "print_exception", "format_exception_only",
           "print_last", "walk_tb", "walk_stack", "extract_tb", "extract_stack", "format_tb", "format_stack",
           "print_tb", "print_stack", "format_list", "print_list", "clear_frames", "FrameSummary",
           "StackSummary", "TracebackException"]

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


def _limit_frames(chunks, limit):
    # `limit` as StackSummary applies it, to each traceback in the chain.
    limit = _resolved_limit(limit)
    if limit is None:
        return chunks
    out = []
    i = 0
    while i < len(chunks):
        if chunks[i] != "Traceback (most recent call last):\n":
            out.append(chunks[i])
            i += 1
            continue
        j = i + 1
        while j < len(chunks) and (chunks[j].startswith("  File ") or chunks[j].startswith("  [Previous line")):
            j += 1
        frames = chunks[i + 1:j]
        kept = frames[:limit] if limit >= 0 else frames[limit:]
        if kept:
            out.append(chunks[i])
            out.extend(kept)
        i = j
    return out


def format_exception(exc, /, value=_SENTINEL, tb=_SENTINEL, limit=None, chain=True):
    value = _value_of(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    return _limit_frames(_chunks(_format_text(value, True)), limit)


def format_exception_only(exc, /, value=_SENTINEL):
    value = _value_of(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    lines = _chunks(_format_text(value, True))
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


# --- walking tracebacks and stacks ---------------------------------------------

_RECURSIVE_CUTOFF = 3  # identical frames shown before "[Previous line repeated ...]"


def walk_tb(tb):
    """(frame, line) for each entry of a traceback, outermost first."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def walk_stack(f):
    """(frame, line) from `f` (default: the caller's frame) out to the first frame."""
    if f is None:
        f = sys._getframe(1)
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


class FrameSummary:
    """One frame of a StackSummary: file, line, function name and source line."""

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self._markers = ""
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def _resolved_limit(limit):
    # No limit given: sys.tracebacklimit, a negative one counting as 0.
    if limit is None:
        limit = getattr(sys, "tracebacklimit", None)
        if limit is not None and limit < 0:
            limit = 0
    return limit


def _limited(entries, limit):
    limit = _resolved_limit(limit)
    if limit is None:
        return entries
    if limit >= 0:
        return itertools.islice(entries, limit)
    return collections.deque(entries, maxlen=-limit)


class StackSummary(list):
    """A list of FrameSummary objects, ready to format."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        result = klass()
        for frame, lineno in _limited(frame_gen, limit):
            code = frame.f_code
            result.append(FrameSummary(code.co_filename, lineno, code.co_name, lookup_line=lookup_lines,
                                       locals=frame.f_locals if capture_locals else None))
        return result

    @classmethod
    def _from_traceback(klass, tb, limit, lookup_lines=True, capture_locals=False):
        def entries(tb):
            while tb is not None:
                yield tb
                tb = tb.tb_next
        result = klass()
        for entry in _limited(entries(tb), limit):
            frame = entry.tb_frame
            code = frame.f_code
            summary = FrameSummary(code.co_filename, entry.tb_lineno, code.co_name, lookup_line=lookup_lines,
                                   locals=frame.f_locals if capture_locals else None)
            summary._markers = _traceback_markers(entry)
            result.append(summary)
        return result

    @classmethod
    def from_list(klass, a_list):
        result = klass()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        row = ['  File "{}", line {}, in {}\n'.format(frame_summary.filename, frame_summary.lineno,
                                                      frame_summary.name)]
        if frame_summary.line:
            row.append("    {}\n".format(frame_summary.line.strip()))
            markers = getattr(frame_summary, "_markers", "")
            if markers:
                row.append(markers)
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append("    {name} = {value}\n".format(name=name, value=value))
        return "".join(row)

    def format(self):
        result = []
        last = None
        count = 0
        for summary in self:
            text = self.format_frame_summary(summary)
            if text is None:
                continue
            key = (summary.filename, summary.lineno, summary.name)
            if key != last:
                if count > _RECURSIVE_CUTOFF:
                    more = count - _RECURSIVE_CUTOFF
                    result.append(f"  [Previous line repeated {more} more time{'s' if more > 1 else ''}]\n")
                last = key
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(text)
        if count > _RECURSIVE_CUTOFF:
            more = count - _RECURSIVE_CUTOFF
            result.append(f"  [Previous line repeated {more} more time{'s' if more > 1 else ''}]\n")
        return result


def extract_tb(tb, limit=None):
    return StackSummary._from_traceback(tb, limit)


def extract_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe(1)
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe(1)
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe(1)
    print_list(extract_stack(f, limit=limit), file=file)


def clear_frames(tb):
    while tb is not None:
        tb.tb_frame.clear()
        tb = tb.tb_next


class TracebackException:
    """An exception made ready for formatting: its type, message, stack and
    chain. The text comes from the interpreter's formatter, as
    format_exception's does."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10, _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.exc_type = exc_type
        self._value = exc_value
        self.stack = StackSummary._from_traceback(exc_traceback, limit, lookup_lines, capture_locals)
        self._str = _safe_str(exc_value)
        self.__notes__ = getattr(exc_value, "__notes__", None)
        self.__suppress_context__ = exc_value.__suppress_context__ if exc_value is not None else False
        self.__cause__ = self.__context__ = None
        self.exceptions = None
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lineno = exc_value.lineno
            self.lineno = str(lineno) if lineno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.msg = exc_value.msg
        if exc_value is not None:
            for attribute in ("__cause__", "__context__"):
                linked = getattr(exc_value, attribute)
                if linked is not None and id(linked) not in _seen:
                    setattr(self, attribute, TracebackException(
                        type(linked), linked, linked.__traceback__, limit=limit, lookup_lines=lookup_lines,
                        capture_locals=capture_locals, _seen=_seen))
            members = getattr(exc_value, "exceptions", None)
            if isinstance(exc_value, BaseExceptionGroup) and members is not None:
                self.exceptions = [TracebackException(type(e), e, e.__traceback__, limit=limit,
                                                      lookup_lines=lookup_lines, _seen=_seen)
                                   for e in members]

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        yield from format_exception_only(self._value)

    def format(self, *, chain=True):
        if self._value is None:
            yield from format_exception_only(None)
            return
        yield from format_exception(self._value, chain=chain)

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")


def _safe_str(value):
    try:
        return str(value)
    except Exception:
        return "<exception str() failed>"
