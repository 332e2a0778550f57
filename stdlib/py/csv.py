"""CSV file reading and writing (CPython 3.11's csv and _csv, in Python).

reader and writer follow CPython's C parser and quoting rules exactly,
including its error texts; DictReader, DictWriter and the dialect registry
are as in CPython. Sniffer is not provided.
"""
import re
from io import StringIO

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE", "Error", "Dialect", "excel",
           "excel_tab", "field_size_limit", "reader", "writer", "register_dialect", "get_dialect",
           "list_dialects", "unregister_dialect", "__version__", "DictReader", "DictWriter",
           "unix_dialect"]

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)


class Error(Exception):
    pass


Error.__module__ = "_csv"

_field_limit = 128 * 1024


def field_size_limit(*args):
    """field_size_limit([limit]): the largest field the reader accepts; sets it when given."""
    global _field_limit
    if len(args) > 1:
        raise TypeError("field_size_limit expected at most 1 argument, got %d" % len(args))
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit = args[0]
    return old


# ---------------------------------------------------------------- dialects

_DIALECT_FIELDS = ("delimiter", "quotechar", "escapechar", "doublequote", "skipinitialspace",
                   "lineterminator", "quoting", "strict")


def _check_char(name, value, allow_none):
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        raise TypeError('"%s" must be string, not %s' % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


class _Dialect:
    """A validated, read-only set of format parameters (CPython's _csv.Dialect)."""

    def __init__(self, dialect=None, **kwargs):
        for key in kwargs:
            if key not in _DIALECT_FIELDS:
                raise TypeError("%r is an invalid keyword argument for this function" % key)
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        values = {}
        defaults = {"delimiter": ",", "quotechar": '"', "escapechar": None, "doublequote": True,
                    "skipinitialspace": False, "lineterminator": "\r\n", "quoting": QUOTE_MINIMAL,
                    "strict": False}
        for name in _DIALECT_FIELDS:
            if name in kwargs:
                values[name] = kwargs[name]
            elif dialect is not None and hasattr(dialect, name):
                values[name] = getattr(dialect, name)
            else:
                values[name] = defaults[name]
        quoting = values["quoting"]
        if not isinstance(quoting, int) or quoting not in range(4):
            raise TypeError('bad "quoting" value')
        delimiter = values["delimiter"]
        if isinstance(delimiter, str) and len(delimiter) != 1:
            raise TypeError('"delimiter" must be a 1-character string')
        _check_char("delimiter", delimiter, False)
        _check_char("quotechar", values["quotechar"], True)
        _check_char("escapechar", values["escapechar"], True)
        if not isinstance(values["lineterminator"], str):
            raise TypeError('"lineterminator" must be a string')
        if values["quotechar"] is None:
            if "quoting" not in kwargs:
                values["quoting"] = QUOTE_NONE
            elif quoting != QUOTE_NONE:
                raise TypeError("quotechar must be set if quoting enabled")
        values["doublequote"] = bool(values["doublequote"])
        values["skipinitialspace"] = bool(values["skipinitialspace"])
        values["strict"] = bool(values["strict"])
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name, value):
        raise AttributeError("attribute '%s' of '_csv.Dialect' objects is not writable" % name)


_Dialect.__name__ = "Dialect"
_Dialect.__qualname__ = "Dialect"
_Dialect.__module__ = "_csv"

_dialects = {}


def register_dialect(name, dialect=None, **fmtparams):
    """Record a dialect (an object or class with the format attributes, plus overrides) under name."""
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = _Dialect(dialect, **fmtparams)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect")


def list_dialects():
    return list(_dialects)


class Dialect:
    """Describe a CSV dialect: subclass it and set the format attributes."""

    _name = ""
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        self._validate()

    def _validate(self):
        try:
            _Dialect(self)
        except TypeError as e:
            raise Error(str(e))


class excel(Dialect):
    """The usual properties of an Excel-generated CSV file."""
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = QUOTE_MINIMAL


register_dialect("excel", excel)


class excel_tab(excel):
    """The usual properties of an Excel-generated TAB-delimited file."""
    delimiter = "\t"


register_dialect("excel-tab", excel_tab)


class unix_dialect(Dialect):
    """The usual properties of a CSV file made on UNIX systems."""
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = QUOTE_ALL


register_dialect("unix", unix_dialect)


# ---------------------------------------------------------------- reading

(_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD, _ESCAPE_IN_QUOTED_FIELD,
 _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL, _AFTER_ESCAPED_CRNL) = range(9)
_EOL = None  # the end-of-line marker fed after each line's characters


class _Reader:
    """Iterates over the records of an iterable of lines."""

    def __init__(self, iterable, dialect="excel", **fmtparams):
        self._input = iter(iterable)
        self.dialect = _Dialect(dialect, **fmtparams)
        self.line_num = 0
        d = self.dialect
        # Lines holding none of these characters (but a final line end) are
        # records split at the delimiter, as the state machine would find.
        special = "\r\n"
        for c in (d.quotechar, d.escapechar):
            if c is not None:
                special += c
        self._special = re.compile("[" + re.escape(special) + "]").search
        self._simple = not d.skipinitialspace and d.quoting != QUOTE_NONNUMERIC
        # Lines of well-formed fields (bare, or quoted with doubled quotes
        # inside) are split by one regular expression; anything else goes
        # through the state machine.
        self._quoted_line = None
        if (self._simple and d.escapechar is None and d.quotechar is not None and d.quoting != QUOTE_NONE
                and d.doublequote):
            q, delim = re.escape(d.quotechar), re.escape(d.delimiter)
            field = "(?:%s(?:[^%s]|%s%s)*%s|[^%s%s\r\n]*)" % (q, q, q, q, q, q, delim)
            self._quoted_line = re.compile("%s(?:%s%s)*" % (field, delim, field), re.DOTALL).fullmatch
            self._quoted_field = re.compile("(%s(?:[^%s]|%s%s)*%s|[^%s%s\r\n]*)(?:%s|\Z)" % (
                q, q, q, q, q, q, delim, delim), re.DOTALL)
            self._doubled = d.quotechar * 2

    def __iter__(self):
        return self

    def _split_quoted(self, body):
        quote = self.dialect.quotechar
        fields = []
        position = 0
        end = len(body)
        while True:
            m = self._quoted_field.match(body, position)
            text = m.group(1)
            if text.startswith(quote):
                text = text[1:-1].replace(self._doubled, quote)
            fields.append(text)
            position = m.end()
            if position >= end:
                if m.end(1) != end:  # a delimiter ended the line: one more empty field
                    fields.append("")
                return fields

    def _reset(self):
        self._fields = []
        self._field = []
        self._state = _START_RECORD
        self._numeric = False

    def _save_field(self):
        field = "".join(self._field)
        self._field = []
        if self._numeric:
            self._numeric = False
            field = float(field)
        self._fields.append(field)

    def _add_char(self, c):
        if len(self._field) >= _field_limit:
            raise Error("field larger than field limit (%d)" % _field_limit)
        self._field.append(c)

    def __next__(self):
        self._reset()
        if self._simple:
            line = next(self._input)
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %.200s "
                            "(the file should be opened in text mode)" % type(line).__name__)
            self.line_num += 1
            body = line
            if body.endswith("\n"):
                body = body[:-2] if body.endswith("\r\n") else body[:-1]
            elif body.endswith("\r"):
                body = body[:-1]
            if len(body) <= _field_limit:
                if self._special(body) is None:
                    return body.split(self.dialect.delimiter) if body else []
                if self._quoted_line is not None and body and self._quoted_line(body) is not None:
                    return self._split_quoted(body)
            for c in line:
                self._process(c)
            self._process(_EOL)
            if self._state == _START_RECORD:
                fields = self._fields
                self._fields = []
                return fields
        while True:
            try:
                line = next(self._input)
            except StopIteration:
                if self._field or self._state == _IN_QUOTED_FIELD:
                    if self.dialect.strict:
                        raise Error("unexpected end of data")
                    self._save_field()
                    break
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %.200s "
                            "(the file should be opened in text mode)" % type(line).__name__)
            self.line_num += 1
            for c in line:
                self._process(c)
            self._process(_EOL)
            if self._state == _START_RECORD:
                break
        fields = self._fields
        self._fields = []
        return fields

    def _process(self, c):
        d = self.dialect
        state = self._state
        if state == _START_RECORD:
            if c is _EOL:
                return  # an empty line is the record []
            if c in "\n\r":
                self._state = _EAT_CRNL
                return
            state = self._state = _START_FIELD
        if state == _START_FIELD:
            if c is _EOL or c in "\n\r":
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _IN_QUOTED_FIELD
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == " " and d.skipinitialspace:
                pass
            elif c == d.delimiter:
                self._save_field()
            else:
                if d.quoting == QUOTE_NONNUMERIC:
                    self._numeric = True
                self._add_char(c)
                self._state = _IN_FIELD
        elif state == _ESCAPED_CHAR:
            if c is not _EOL and c in "\n\r":
                self._add_char(c)
                self._state = _AFTER_ESCAPED_CRNL
                return
            self._add_char("\n" if c is _EOL else c)
            self._state = _IN_FIELD
        elif state in (_IN_FIELD, _AFTER_ESCAPED_CRNL):
            if state == _AFTER_ESCAPED_CRNL and c is _EOL:
                return
            if c is _EOL or c in "\n\r":
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == d.delimiter:
                self._save_field()
                self._state = _START_FIELD
            else:
                self._add_char(c)
                self._state = _IN_FIELD
        elif state == _IN_QUOTED_FIELD:
            if c is _EOL:
                pass
            elif c == d.escapechar:
                self._state = _ESCAPE_IN_QUOTED_FIELD
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _QUOTE_IN_QUOTED_FIELD if d.doublequote else _IN_FIELD
            else:
                self._add_char(c)
        elif state == _ESCAPE_IN_QUOTED_FIELD:
            self._add_char("\n" if c is _EOL else c)
            self._state = _IN_QUOTED_FIELD
        elif state == _QUOTE_IN_QUOTED_FIELD:
            if d.quoting != QUOTE_NONE and c == d.quotechar:
                self._add_char(c)
                self._state = _IN_QUOTED_FIELD
            elif c == d.delimiter:
                self._save_field()
                self._state = _START_FIELD
            elif c is _EOL or c in "\n\r":
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif not d.strict:
                self._add_char(c)
                self._state = _IN_FIELD
            else:
                raise Error("'%c' expected after '%c'" % (d.delimiter, d.quotechar))
        elif state == _EAT_CRNL:
            if c is _EOL:
                self._state = _START_RECORD
            elif c in "\n\r":
                pass
            else:
                raise Error("new-line character seen in unquoted field - "
                            "do you need to open the file in universal-newline mode?")


_Reader.__name__ = "reader"
_Reader.__qualname__ = "reader"
_Reader.__module__ = "_csv"


def reader(csvfile, dialect="excel", **fmtparams):
    """An iterator of the records (lists of str) in csvfile, an iterable of lines."""
    return _Reader(csvfile, dialect, **fmtparams)


# ---------------------------------------------------------------- writing

class _Writer:
    """Writes rows as delimited lines to a file-like object."""

    def __init__(self, fileobj, dialect="excel", **fmtparams):
        if not hasattr(fileobj, "write"):
            raise TypeError('argument 1 must have a "write" method')
        self._write = fileobj.write
        self.dialect = _Dialect(dialect, **fmtparams)
        d = self.dialect
        special = d.delimiter + d.lineterminator
        for c in (d.quotechar, d.escapechar):
            if c is not None:
                special += c
        self._special = re.compile("[" + re.escape(special) + "]").search

    def _field_text(self, field, quoted):
        d = self.dialect
        if self._special(field) is None:
            return d.quotechar + field + d.quotechar if quoted else field
        if d.escapechar is None and d.doublequote and d.quoting != QUOTE_NONE:
            # Every special character then just asks for quotes (and a
            # quote character is doubled).
            q = d.quotechar
            return q + field.replace(q, q + q) + q
        out = []
        for c in field:
            if c == d.delimiter or c == d.escapechar or c == d.quotechar or c in d.lineterminator:
                want_escape = False
                if d.quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            out.append(d.quotechar)
                        else:
                            want_escape = True
                    elif c == d.escapechar:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if d.escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    out.append(d.escapechar)
            out.append(c)
        text = "".join(out)
        if quoted:
            text = d.quotechar + text + d.quotechar
        return text

    def writerow(self, row):
        """Write one row (an iterable of fields); returns what the file's write returns."""
        d = self.dialect
        try:
            fields = list(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__) from None
        pieces = []
        for field in fields:
            if d.quoting == QUOTE_NONNUMERIC:
                quoted = not isinstance(field, (int, float))
            else:
                quoted = d.quoting == QUOTE_ALL
            if field is None:
                text = ""
            elif isinstance(field, str):
                text = field
            else:
                text = str(field)
            pieces.append(self._field_text(text, quoted))
        if len(fields) == 1 and pieces[0] == "":
            if d.quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            pieces[0] = d.quotechar * 2
        return self._write(d.delimiter.join(pieces) + d.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


_Writer.__name__ = "writer"
_Writer.__qualname__ = "writer"
_Writer.__module__ = "_csv"


def writer(csvfile, dialect="excel", **fmtparams):
    """A writer of delimited rows to csvfile (anything with a write method)."""
    return _Writer(csvfile, dialect, **fmtparams)


# ---------------------------------------------------------------- dictionaries

class DictReader:
    """Reads rows as dicts keyed by fieldnames (by default the first row)."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    """Writes dicts as rows in the order of fieldnames."""

    def __init__(self, f, fieldnames, restval="", extrasaction="raise", dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = [key for key in rowdict if key not in self.fieldnames]
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: " + ", ".join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))
