"""JSON encoding and decoding with CPython's json output format, options
(indent, separators, sort_keys, ensure_ascii, default, object_hook,
parse_float, parse_int) and error messages."""

__all__ = ["dump", "dumps", "load", "loads", "JSONDecodeError"]


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the position of the error."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        super().__init__("%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


# --- encoding ----------------------------------------------------------------------

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _encode_string(s, ensure_ascii):
    out = ['"']
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or (ensure_ascii and ord(ch) > 0x7E):
            code = ord(ch)
            if code > 0xFFFF:
                code -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (code >> 10), 0xDC00 | (code & 0x3FF)))
            else:
                out.append("\\u%04x" % code)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _encode_float(f, allow_nan):
    if f != f:
        text = "NaN"
    elif f == float("inf"):
        text = "Infinity"
    elif f == -float("inf"):
        text = "-Infinity"
    else:
        return repr(f)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class _Encoder:
    def __init__(self, skipkeys, ensure_ascii, check_circular, allow_nan, indent, separators, default, sort_keys):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        self.indent = indent
        if separators is None:
            separators = (",", ": ") if indent is not None else (", ", ": ")
        self.item_separator, self.key_separator = separators
        self.default = default
        self.sort_keys = sort_keys
        self.markers = {}

    def encode(self, o, level=0):
        if isinstance(o, str):
            return _encode_string(o, self.ensure_ascii)
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return _encode_float(o, self.allow_nan)
        if isinstance(o, (list, tuple)):
            return self._container(o, level, "[", "]", self._list_items)
        if isinstance(o, dict):
            return self._container(o, level, "{", "}", self._dict_items)
        if self.default is None:
            raise TypeError("Object of type " + type(o).__name__ + " is not JSON serializable")
        return self._guarded(o, lambda: self.encode(self.default(o), level))

    def _guarded(self, o, encode):
        if not self.check_circular:
            return encode()
        marker = id(o)
        if marker in self.markers:
            raise ValueError("Circular reference detected")
        self.markers[marker] = o
        try:
            return encode()
        finally:
            del self.markers[marker]

    def _container(self, o, level, open_, close, items):
        if not o:
            return open_ + close

        def encode():
            parts = items(o, level + 1)
            if self.indent is None:
                return open_ + self.item_separator.join(parts) + close
            inner = "\n" + self.indent * (level + 1)
            return open_ + inner + (self.item_separator + inner).join(parts) + "\n" + self.indent * level + close

        return self._guarded(o, encode)

    def _list_items(self, o, level):
        return [self.encode(item, level) for item in o]

    def _dict_items(self, o, level):
        pairs = list(o.items())
        if self.sort_keys:
            pairs.sort(key=lambda kv: kv[0])
        parts = []
        for key, value in pairs:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _encode_float(key, self.allow_nan)
            elif key is True:
                key = "true"
            elif key is False:
                key = "false"
            elif key is None:
                key = "null"
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError("keys must be str, int, float, bool or None, not " + type(key).__name__)
            parts.append(_encode_string(key, self.ensure_ascii) + self.key_separator + self.encode(value, level))
        return parts


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None,
          separators=None, default=None, sort_keys=False, **kw):
    return _Encoder(skipkeys, ensure_ascii, check_circular, allow_nan, indent, separators, default,
                    sort_keys).encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


# --- decoding ----------------------------------------------------------------------

_WHITESPACE = " \t\n\r"
_UNESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_CONSTANTS = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


class _Decoder:
    def __init__(self, doc, object_hook, parse_float, parse_int, object_pairs_hook, strict):
        self.doc = doc
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.object_pairs_hook = object_pairs_hook
        self.strict = strict

    def skip(self, pos):
        doc = self.doc
        while pos < len(doc) and doc[pos] in _WHITESPACE:
            pos += 1
        return pos

    def value(self, pos):
        doc = self.doc
        if pos >= len(doc):
            raise JSONDecodeError("Expecting value", doc, pos)
        ch = doc[pos]
        if ch == '"':
            return self.string(pos + 1)
        if ch == "{":
            return self.object(pos + 1)
        if ch == "[":
            return self.array(pos + 1)
        for word, result in (("null", None), ("true", True), ("false", False)):
            if doc.startswith(word, pos):
                return result, pos + len(word)
        for word, result in _CONSTANTS.items():
            if doc.startswith(word, pos):
                return result, pos + len(word)
        return self.number(pos)

    def number(self, pos):
        doc = self.doc
        end = pos
        if end < len(doc) and doc[end] == "-":
            end += 1
        digits_start = end
        while end < len(doc) and doc[end] in "0123456789":
            end += 1
        if end == digits_start:
            raise JSONDecodeError("Expecting value", doc, pos)
        if doc[digits_start] == "0" and end - digits_start > 1:
            end = digits_start + 1
        is_float = False
        if end + 1 < len(doc) and doc[end] == "." and doc[end + 1] in "0123456789":
            is_float = True
            end += 2
            while end < len(doc) and doc[end] in "0123456789":
                end += 1
        if end < len(doc) and doc[end] in "eE":
            probe = end + 1
            if probe < len(doc) and doc[probe] in "+-":
                probe += 1
            if probe < len(doc) and doc[probe] in "0123456789":
                is_float = True
                end = probe
                while end < len(doc) and doc[end] in "0123456789":
                    end += 1
        text = doc[pos:end]
        return (self.parse_float(text) if is_float else self.parse_int(text)), end

    def string(self, pos):
        doc = self.doc
        chunks = []
        begin = pos - 1
        while True:
            if pos >= len(doc):
                raise JSONDecodeError("Unterminated string starting at", doc, begin)
            ch = doc[pos]
            if ch == '"':
                return "".join(chunks), pos + 1
            if ch == "\\":
                if pos + 1 >= len(doc):
                    raise JSONDecodeError("Unterminated string starting at", doc, begin)
                esc = doc[pos + 1]
                if esc == "u":
                    code = self.hex4(pos + 2)
                    pos += 6
                    if 0xD800 <= code <= 0xDBFF and doc.startswith("\\u", pos):
                        low = self.hex4(pos + 2)
                        if 0xDC00 <= low <= 0xDFFF:
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            pos += 6
                    chunks.append(chr(code))
                    continue
                if esc not in _UNESCAPES:
                    raise JSONDecodeError("Invalid \\escape", doc, pos)
                chunks.append(_UNESCAPES[esc])
                pos += 2
                continue
            if self.strict and ord(ch) < 0x20:
                raise JSONDecodeError("Invalid control character at", doc, pos)
            chunks.append(ch)
            pos += 1

    def hex4(self, pos):
        text = self.doc[pos:pos + 4]
        if len(text) != 4 or any(c not in "0123456789abcdefABCDEF" for c in text):
            raise JSONDecodeError("Invalid \\uXXXX escape", self.doc, pos - 1)
        return int(text, 16)

    def array(self, pos):
        doc = self.doc
        items = []
        pos = self.skip(pos)
        if pos < len(doc) and doc[pos] == "]":
            return items, pos + 1
        while True:
            item, pos = self.value(self.skip(pos))
            items.append(item)
            pos = self.skip(pos)
            if pos < len(doc) and doc[pos] == "]":
                return items, pos + 1
            if pos >= len(doc) or doc[pos] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", doc, pos)
            pos += 1

    def object(self, pos):
        doc = self.doc
        pairs = []
        pos = self.skip(pos)
        if pos < len(doc) and doc[pos] == "}":
            return self.finish_object(pairs), pos + 1
        while True:
            pos = self.skip(pos)
            if pos >= len(doc) or doc[pos] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", doc, pos)
            key, pos = self.string(pos + 1)
            pos = self.skip(pos)
            if pos >= len(doc) or doc[pos] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", doc, pos)
            value, pos = self.value(self.skip(pos + 1))
            pairs.append((key, value))
            pos = self.skip(pos)
            if pos < len(doc) and doc[pos] == "}":
                return self.finish_object(pairs), pos + 1
            if pos >= len(doc) or doc[pos] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", doc, pos)
            pos += 1

    def finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        result = dict(pairs)
        return result if self.object_hook is None else self.object_hook(result)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, strict=True, **kw):
    if isinstance(s, bytes):
        s = s.decode("utf-8")
    if not isinstance(s, str):
        raise TypeError("the JSON object must be str, bytes or bytearray, not " + type(s).__name__)
    decoder = _Decoder(s, object_hook, parse_float, parse_int, object_pairs_hook, strict)
    value, end = decoder.value(decoder.skip(0))
    end = decoder.skip(end)
    if end != len(s):
        raise JSONDecodeError("Extra data", s, end)
    return value


def load(fp, **kw):
    return loads(fp.read(), **kw)
