"""Codec registry and base classes, with CPython 3.11's names.

The text codecs gilvm implements in C++ (utf-8, utf-8-sig, ascii, latin-1,
utf-16, utf-32 and their byte orders, and the single-byte code pages) are
found first; then the bytes-to-bytes and text-to-text codecs written here
(hex, base64, zlib, rot13); then search functions registered with
register(). Error handlers registered with register_error() are used by
the codecs written in Python (and by encode/decode through them), not by
str.encode and bytes.decode, which know the built-in handlers only."""

import builtins
import sys
import _codecs

__all__ = ["register", "lookup", "open", "EncodedFile", "BOM", "BOM_BE", "BOM_LE", "BOM32_BE", "BOM32_LE",
           "BOM64_BE", "BOM64_LE", "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE", "BOM_UTF16_BE", "BOM_UTF32",
           "BOM_UTF32_LE", "BOM_UTF32_BE", "CodecInfo", "Codec", "IncrementalEncoder", "IncrementalDecoder",
           "StreamReader", "StreamWriter", "StreamReaderWriter", "StreamRecoder", "getencoder", "getdecoder",
           "getincrementalencoder", "getincrementaldecoder", "getreader", "getwriter", "encode", "decode",
           "iterencode", "iterdecode", "strict_errors", "ignore_errors", "replace_errors",
           "xmlcharrefreplace_errors", "backslashreplace_errors", "namereplace_errors", "register_error",
           "lookup_error"]

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
if sys.byteorder == 'little':
    BOM = BOM_UTF16 = BOM_UTF16_LE
    BOM_UTF32 = BOM_UTF32_LE
else:
    BOM = BOM_UTF16 = BOM_UTF16_BE
    BOM_UTF32 = BOM_UTF32_BE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE


class CodecInfo(tuple):
    """The functions and classes of one codec, as lookup() returns them."""

    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None, incrementalencoder=None,
                incrementaldecoder=None, name=None, *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            self.__class__.__module__, self.__class__.__qualname__, self.name, id(self))


class Codec:
    """The stateless interface: encode(input, errors) and decode(input,
    errors), each returning (output, length consumed)."""

    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder:
    """Encodes input given in pieces; the state lives between calls."""

    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class BufferedIncrementalEncoder(IncrementalEncoder):
    """An IncrementalEncoder that keeps unencodable input for the next call."""

    def __init__(self, errors='strict'):
        IncrementalEncoder.__init__(self, errors)
        self.buffer = ""

    def _buffer_encode(self, input, errors, final):
        raise NotImplementedError

    def encode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_encode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalEncoder.reset(self)
        self.buffer = ""

    def getstate(self):
        return self.buffer or 0

    def setstate(self, state):
        self.buffer = state or ""


class IncrementalDecoder:
    """Decodes input given in pieces; the state lives between calls."""

    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    """An IncrementalDecoder that keeps an incomplete sequence for the next
    call."""

    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalDecoder.reset(self)
        self.buffer = b""

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


class StreamWriter(Codec):
    """Writes encoded text to a binary stream."""

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors

    def write(self, object):
        data, consumed = self.encode(object, self.errors)
        self.stream.write(data)

    def writelines(self, list):
        self.write(''.join(list))

    def reset(self):
        pass

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        if whence == 0 and offset == 0:
            self.reset()

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReader(Codec):
    """Reads and decodes text from a binary stream."""

    charbuffertype = str

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors
        self.bytebuffer = b""
        self.charbuffer = ""

    def decode(self, input, errors='strict'):
        raise NotImplementedError

    def read(self, size=-1, chars=-1, firstline=False):
        while chars < 0 or len(self.charbuffer) < chars:
            newdata = self.stream.read() if size < 0 else self.stream.read(size)
            data = self.bytebuffer + newdata
            if not data:
                break
            newchars, consumed = self.decode(data, self.errors, not newdata)
            self.bytebuffer = data[consumed:]
            self.charbuffer += newchars
            if not newdata or size < 0:
                break
        if chars < 0:
            result, self.charbuffer = self.charbuffer, ""
        else:
            result, self.charbuffer = self.charbuffer[:chars], self.charbuffer[chars:]
        return result

    def readline(self, size=None, keepends=True):
        while True:
            lines = self.charbuffer.splitlines(True)
            if len(lines) > 1 or (lines and lines[0].endswith(('\n', '\r'))):
                if len(lines) > 1 or not lines[0].endswith('\r'):
                    line = lines[0]
                    self.charbuffer = self.charbuffer[len(line):]
                    return line if keepends else line.splitlines(False)[0]
            more = self.stream.read(72)
            if not more and not self.bytebuffer:
                line, self.charbuffer = self.charbuffer, ""
                return line if keepends else (line.splitlines(False) or [""])[0]
            data = self.bytebuffer + more
            newchars, consumed = self.decode(data, self.errors, not more)
            self.bytebuffer = data[consumed:]
            self.charbuffer += newchars

    def readlines(self, sizehint=None, keepends=True):
        return self.read().splitlines(keepends)

    def reset(self):
        self.bytebuffer = b""
        self.charbuffer = ""

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        self.reset()

    def __next__(self):
        line = self.readline()
        if line:
            return line
        raise StopIteration

    def __iter__(self):
        return self

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReaderWriter:
    """A stream that reads through one codec's StreamReader and writes
    through its StreamWriter (what codecs.open returns)."""

    encoding = 'unknown'

    def __init__(self, stream, Reader, Writer, errors='strict'):
        self.stream = stream
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=None):
        return self.reader.readline(size)

    def readlines(self, sizehint=None):
        return self.reader.readlines(sizehint)

    def __next__(self):
        return next(self.reader)

    def __iter__(self):
        return self

    def write(self, data):
        return self.writer.write(data)

    def writelines(self, list):
        return self.writer.writelines(list)

    def reset(self):
        self.reader.reset()
        self.writer.reset()

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        self.reader.reset()
        if whence == 0 and offset == 0:
            self.writer.reset()

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamRecoder:
    """Not provided by gilvm (it recodes between two codecs)."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError("codecs.StreamRecoder is not available in gilvm")


# ---- the C++ codecs as CodecInfo ------------------------------------------

def _native_info(name):
    prefix = name.replace('-', '_')

    def encode(input, errors='strict'):
        return _codecs._codec_encode(name, input, errors)

    def decode(input, errors='strict'):
        return _codecs._codec_decode(name, input, errors, True)

    encode.__name__ = encode.__qualname__ = prefix + '_encode'
    decode.__name__ = decode.__qualname__ = prefix + '_decode'
    # The byte-order-marked codecs write or read the mark once, then go on
    # in the byte order it settled.
    if name in ('utf-16', 'utf-32', 'utf-8-sig'):
        plain = {'utf-16': 'utf-16-le', 'utf-32': 'utf-32-le', 'utf-8-sig': 'utf-8'}[name]
        marks = {'utf-16': ((BOM_UTF16_BE, 'utf-16-be'), (BOM_UTF16_LE, 'utf-16-le')),
                 'utf-32': ((BOM_UTF32_BE, 'utf-32-be'), (BOM_UTF32_LE, 'utf-32-le')),
                 'utf-8-sig': ((BOM_UTF8, 'utf-8'),)}[name]
    else:
        plain, marks = name, None

    class IncEncoder(IncrementalEncoder):
        def __init__(self, errors='strict'):
            IncrementalEncoder.__init__(self, errors)
            self._started = False

        def encode(self, input, final=False):
            codec = name if not self._started else plain
            self._started = True
            return _codecs._codec_encode(codec, input, self.errors)[0]

        def reset(self):
            self._started = False

        def getstate(self):
            return 0 if self._started else 2

        def setstate(self, state):
            self._started = state == 0

    class IncDecoder(BufferedIncrementalDecoder):
        def __init__(self, errors='strict'):
            BufferedIncrementalDecoder.__init__(self, errors)
            self._codec = None if marks else name

        def _buffer_decode(self, input, errors, final):
            if self._codec is None:
                for mark, codec in marks:
                    if input[:len(mark)] == mark:
                        self._codec = codec
                        text, used = _codecs._codec_decode(codec, input[len(mark):], errors, final)
                        return text, used + len(mark)
                if not final and any(mark.startswith(input) for mark, _ in marks):
                    return "", 0  # too little to tell yet
                self._codec = plain
            return _codecs._codec_decode(self._codec, input, errors, final)

        def reset(self):
            BufferedIncrementalDecoder.reset(self)
            self._codec = None if marks else name

    class Writer(StreamWriter):
        def __init__(self, stream, errors='strict'):
            StreamWriter.__init__(self, stream, errors)
            self._encoder = IncEncoder(errors)

        def encode(self, input, errors='strict'):
            return self._encoder.encode(input), len(input)

        def reset(self):
            self._encoder.reset()

    class Reader(StreamReader):
        def __init__(self, stream, errors='strict'):
            StreamReader.__init__(self, stream, errors)
            self._decoder = IncDecoder(errors)

        def decode(self, input, errors='strict', final=False):
            before = len(self._decoder.buffer)
            text = self._decoder.decode(input[before:] if before else input, final)
            return text, len(input) - len(self._decoder.buffer)

        def reset(self):
            StreamReader.reset(self)
            self._decoder.reset()

    for cls, suffix in ((IncEncoder, 'IncrementalEncoder'), (IncDecoder, 'IncrementalDecoder'),
                        (Writer, 'StreamWriter'), (Reader, 'StreamReader')):
        cls.__name__ = cls.__qualname__ = suffix
        cls.__module__ = 'encodings.' + prefix
    return CodecInfo(encode, decode, Reader, Writer, IncEncoder, IncDecoder, name)


# ---- codecs written here ---------------------------------------------------

def _bytes_codec(name, encode_fn, decode_fn):
    def encode(input, errors='strict'):
        if errors != 'strict':
            raise ValueError("Unsupported error handling mode: %s" % errors)
        return encode_fn(input), len(input)

    def decode(input, errors='strict'):
        if errors != 'strict':
            raise ValueError("Unsupported error handling mode: %s" % errors)
        return decode_fn(input), len(input)

    class IncEncoder(IncrementalEncoder):
        def encode(self, input, final=False):
            return encode_fn(input)

    class IncDecoder(IncrementalDecoder):
        def decode(self, input, final=False):
            return decode_fn(input)

    return CodecInfo(encode, decode, None, None, IncEncoder, IncDecoder, name, _is_text_encoding=False)


def _special(name):
    if name in ('hex', 'hex_codec'):
        import binascii
        return _bytes_codec('hex', binascii.b2a_hex, binascii.a2b_hex)
    if name in ('base64', 'base_64', 'base64_codec'):
        import base64
        return _bytes_codec('base64', base64.encodebytes, base64.decodebytes)
    if name in ('zlib', 'zip', 'zlib_codec'):
        import zlib
        return _bytes_codec('zlib', zlib.compress, zlib.decompress)
    if name in ('rot13', 'rot_13'):
        table = str.maketrans('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
                              'NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm')

        def rot(s):
            return str.translate(s, table)
        return _bytes_codec('rot-13', rot, rot)
    return None


_search_functions = []
_cache = {}


def register(search_function):
    """Register a function that maps a normalized encoding name to a
    CodecInfo (or None)."""
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function):
    """Unregister a search function registered with register()."""
    try:
        _search_functions.remove(search_function)
    except ValueError:
        pass
    _cache.clear()


def _normalize(encoding):
    out = []
    pending = False
    for ch in encoding.lower():
        if ch.isalnum() or ch == '.':
            if pending and out:
                out.append('_')
            pending = False
            out.append(ch)
        else:
            pending = True
    return ''.join(out)


def lookup(encoding):
    """Look up a codec and return its CodecInfo; LookupError if unknown."""
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    info = _cache.get(encoding)
    if info is not None:
        return info
    native = _codecs._codec_name(encoding)
    key = _normalize(encoding)
    if native is not None:
        info = _native_info(native)
    else:
        info = _special(key)
        if info is None:
            for search in _search_functions:
                info = search(key)
                if info is not None:
                    if not isinstance(info, tuple) or len(info) != 4 and not isinstance(info, CodecInfo):
                        raise TypeError("codec search functions must return 4-tuples")
                    break
    if info is None:
        raise LookupError("unknown encoding: %s" % encoding)
    _cache[encoding] = info
    return info


def _wrap_failure(action, encoding, exc):
    # CPython names the codec when a codec function fails with a TypeError.
    return type(exc)("%s with %r codec failed (%s: %s)" % (action, encoding, type(exc).__name__, exc))


def encode(obj, encoding='utf-8', errors='strict'):
    """Encode obj with the codec registered for encoding."""
    info = lookup(encoding)
    try:
        return info.encode(obj, errors)[0]
    except TypeError as e:
        raise _wrap_failure("encoding", encoding, e) from None


def decode(obj, encoding='utf-8', errors='strict'):
    """Decode obj with the codec registered for encoding."""
    info = lookup(encoding)
    try:
        return info.decode(obj, errors)[0]
    except TypeError as e:
        raise _wrap_failure("decoding", encoding, e) from None


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    return lookup(encoding).streamreader


def getwriter(encoding):
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors='strict', **kwargs):
    """Encode the strings of iterator incrementally."""
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    """Decode the bytes of iterator incrementally."""
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """Open a file through a codec's StreamReaderWriter (or the built-in
    open when no encoding is given)."""
    if encoding is not None and 'b' not in mode:
        mode = mode + 'b'
    file = builtins.open(filename, mode, buffering)
    if encoding is None:
        return file
    try:
        info = lookup(encoding)
        srw = StreamReaderWriter(file, info.streamreader, info.streamwriter, errors)
        srw.encoding = encoding
        return srw
    except:
        file.close()
        raise


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    """Not provided by gilvm (it needs StreamRecoder)."""
    raise NotImplementedError("codecs.EncodedFile is not available in gilvm")


# ---- error handlers ----------------------------------------------------------

def strict_errors(exception):
    raise exception


def ignore_errors(exception):
    if not isinstance(exception, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        raise TypeError("don't know how to handle %s in error callback" % type(exception).__name__)
    return ('', exception.end)


def replace_errors(exception):
    if isinstance(exception, UnicodeEncodeError):
        return ('?' * (exception.end - exception.start), exception.end)
    if isinstance(exception, UnicodeDecodeError):
        return ('\ufffd', exception.end)
    if isinstance(exception, UnicodeTranslateError):
        return ('\ufffd' * (exception.end - exception.start), exception.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exception).__name__)


def _escape(c):
    n = ord(c)
    if n < 0x100:
        return '\\x%02x' % n
    if n < 0x10000:
        return '\\u%04x' % n
    return '\\U%08x' % n


def backslashreplace_errors(exception):
    if isinstance(exception, UnicodeDecodeError):
        return (''.join('\\x%02x' % b for b in exception.object[exception.start:exception.end]), exception.end)
    if isinstance(exception, (UnicodeEncodeError, UnicodeTranslateError)):
        return (''.join(_escape(c) for c in exception.object[exception.start:exception.end]), exception.end)
    raise TypeError("don't know how to handle %s in error callback" % type(exception).__name__)


def xmlcharrefreplace_errors(exception):
    if not isinstance(exception, UnicodeEncodeError):
        raise TypeError("don't know how to handle %s in error callback" % type(exception).__name__)
    return (''.join('&#%d;' % ord(c) for c in exception.object[exception.start:exception.end]), exception.end)


def namereplace_errors(exception):
    if not isinstance(exception, UnicodeEncodeError):
        raise TypeError("don't know how to handle %s in error callback" % type(exception).__name__)
    import unicodedata
    out = []
    for c in exception.object[exception.start:exception.end]:
        name = unicodedata.name(c, None)
        out.append('\\N{%s}' % name if name else _escape(c))
    return (''.join(out), exception.end)


def _surrogateescape_errors(exception):
    if isinstance(exception, UnicodeDecodeError):
        data = exception.object[exception.start:exception.end]
        escaped = []
        for b in data:
            if b < 128:
                break
            escaped.append(chr(0xDC00 + b))
        if not escaped:
            raise exception
        return (''.join(escaped), exception.start + len(escaped))
    raise exception


def _surrogatepass_errors(exception):
    raise exception


_error_handlers = {
    'strict': strict_errors,
    'ignore': ignore_errors,
    'replace': replace_errors,
    'xmlcharrefreplace': xmlcharrefreplace_errors,
    'backslashreplace': backslashreplace_errors,
    'namereplace': namereplace_errors,
    'surrogateescape': _surrogateescape_errors,
    'surrogatepass': _surrogatepass_errors,
}


def register_error(name, error_handler):
    """Register error_handler under name for codecs written in Python."""
    if not callable(error_handler):
        raise TypeError("handler must be callable")
    _error_handlers[name] = error_handler


def lookup_error(name):
    """The error handler registered under name; LookupError if none."""
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError("unknown error handler name '%s'" % name) from None


def _make_module_functions():
    for name in ('utf-8', 'utf-8-sig', 'ascii', 'latin-1', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32',
                 'utf-32-le', 'utf-32-be'):
        prefix = name.replace('-', '_')
        if name == 'utf-8-sig':
            continue

        def make(codec):
            def enc(str, errors=None):
                return _codecs._codec_encode(codec, str, errors)

            def dec(data, errors=None, final=False):
                return _codecs._codec_decode(codec, data, errors, final)
            return enc, dec
        enc, dec = make(name)
        enc.__name__ = enc.__qualname__ = prefix + '_encode'
        dec.__name__ = dec.__qualname__ = prefix + '_decode'
        globals()[prefix + '_encode'] = enc
        globals()[prefix + '_decode'] = dec


_make_module_functions()
del _make_module_functions
