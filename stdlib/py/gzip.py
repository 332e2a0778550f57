"""Reading and writing gzip files (CPython 3.11's gzip, on the native zlib).

GzipFile reads by decompressing the whole remaining file on the first read
(members one after another), and writes by streaming through a zlib
compress object. Text mode (gzip.open(..., "rt")) decodes and encodes the
whole content at once rather than through io.TextIOWrapper.
"""
import builtins
import io
import os
import struct
import time
import zlib

__all__ = ["BadGzipFile", "GzipFile", "open", "compress", "decompress"]

FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16
READ, WRITE = 1, 2
_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_TRADEOFF = 6
_COMPRESS_LEVEL_BEST = 9


class BadGzipFile(OSError):
    """Exception raised in some cases for invalid gzip files."""


def _extra_flags(compresslevel):
    if compresslevel == _COMPRESS_LEVEL_BEST:
        return b"\002"
    if compresslevel == _COMPRESS_LEVEL_FAST:
        return b"\004"
    return b"\000"


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    """The gzip file (one member, no name) holding data."""
    if mtime == 0:
        # zlib writes the whole gzip member itself (its header names Unix as the OS).
        return zlib.compress(data, level=compresslevel, wbits=31)
    if mtime is None:
        mtime = time.time()
    header = b"\037\213\010\000" + struct.pack("<L", int(mtime)) + _extra_flags(compresslevel) + b"\377"
    body = zlib.compress(data, level=compresslevel, wbits=-15)
    return header + body + struct.pack("<LL", zlib.crc32(data), len(data) & 0xffffffff)


def _read_exact(data, pos, n):
    if pos + n > len(data):
        raise EOFError("Compressed file ended before the end-of-stream marker was reached")
    return data[pos:pos + n], pos + n


def _skip_header(data, pos):
    """The position after the member header at pos, or None at the end of data."""
    magic = data[pos:pos + 2]
    if magic == b"":
        return None
    if magic != b"\037\213":
        raise BadGzipFile("Not a gzipped file (%r)" % magic)
    head, pos = _read_exact(data, pos + 2, 8)
    method, flag, _mtime = struct.unpack("<BBIxx", head)
    if method != 8:
        raise BadGzipFile("Unknown compression method")
    if flag & FEXTRA:
        size_bytes, pos = _read_exact(data, pos, 2)
        extra_len, = struct.unpack("<H", size_bytes)
        _, pos = _read_exact(data, pos, extra_len)
    for bit in (FNAME, FCOMMENT):
        if flag & bit:
            end = data.find(b"\000", pos)
            if end < 0:
                raise EOFError("Compressed file ended before the end-of-stream marker was reached")
            pos = end + 1
    if flag & FHCRC:
        _, pos = _read_exact(data, pos, 2)
    return pos


def decompress(data):
    """The data of every member of gzip data, concatenated."""
    data = bytes(data)
    out = []
    pos = 0
    while True:
        pos = _skip_header(data, pos)
        if pos is None:
            return b"".join(out)
        inflater = zlib.decompressobj(wbits=-zlib.MAX_WBITS)
        member = inflater.decompress(data[pos:])
        if not inflater.eof:
            raise EOFError("Compressed file ended before the end-of-stream marker was reached")
        rest = inflater.unused_data
        if len(rest) < 8:
            raise EOFError("Compressed file ended before the end-of-stream marker was reached")
        crc, size = struct.unpack("<II", rest[:8])
        if crc != zlib.crc32(member):
            raise BadGzipFile("CRC check failed")
        if size != (len(member) & 0xffffffff):
            raise BadGzipFile("Incorrect length of data produced")
        out.append(member)
        pos = len(data) - len(rest) + 8
        while data[pos:pos + 1] == b"\000":  # zero padding between members
            pos += 1


class GzipFile:
    """A file object that compresses what is written to it and decompresses
    what is read, in gzip format."""

    myfileobj = None

    def __init__(self, filename=None, mode=None, compresslevel=_COMPRESS_LEVEL_BEST, fileobj=None, mtime=None):
        if mode and ("t" in mode or "U" in mode):
            raise ValueError("Invalid mode: {!r}".format(mode))
        if mode and "b" not in mode:
            mode += "b"
        if fileobj is None:
            fileobj = self.myfileobj = builtins.open(filename, mode or "rb")
        if filename is None:
            filename = getattr(fileobj, "name", "")
            if not isinstance(filename, (str, bytes)):
                filename = ""
        else:
            filename = os.fspath(filename)
        origmode = mode
        if mode is None:
            mode = getattr(fileobj, "mode", "rb")
        if mode.startswith("r"):
            self.mode = READ
            self._buffer = None
            self.name = filename
        elif mode.startswith(("w", "a", "x")):
            if origmode is None:
                import warnings
                warnings.warn("GzipFile was opened for writing, but this will change in future Python releases.  "
                              "Specify the mode argument for opening it for writing.", FutureWarning, 2)
            self.mode = WRITE
            self.name = filename
            self._crc = zlib.crc32(b"")
            self._size = 0
            self._compress = zlib.compressobj(compresslevel, zlib.DEFLATED, -zlib.MAX_WBITS, zlib.DEF_MEM_LEVEL, 0)
            self._write_mtime = mtime
            self._compresslevel = compresslevel
            self._header_written = False
        else:
            raise ValueError("Invalid mode: {!r}".format(mode))
        self.fileobj = fileobj

    @property
    def mtime(self):
        return getattr(self, "_last_mtime", None)

    def __repr__(self):
        s = repr(self.fileobj)
        return "<gzip " + s[1:-1] + " " + hex(id(self)) + ">"

    def _check_not_closed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    # ------------------------------------------------------------ writing

    def _write_gzip_header(self):
        self.fileobj.write(b"\037\213\010")
        try:
            fname = os.path.basename(self.name)
            if not isinstance(fname, bytes):
                fname = fname.encode("latin-1")
            if fname.endswith(b".gz"):
                fname = fname[:-3]
        except UnicodeEncodeError:
            fname = b""
        self.fileobj.write(bytes([FNAME if fname else 0]))
        mtime = self._write_mtime
        if mtime is None:
            mtime = time.time()
        self.fileobj.write(struct.pack("<L", int(mtime)))
        self.fileobj.write(_extra_flags(self._compresslevel))
        self.fileobj.write(b"\377")
        if fname:
            self.fileobj.write(fname + b"\000")
        self._header_written = True

    def write(self, data):
        self._check_not_closed()
        if self.mode != WRITE:
            raise OSError(9, "write() on read-only GzipFile object")  # EBADF
        if self.fileobj is None:
            raise ValueError("write() on closed GzipFile object")
        if isinstance(data, (bytes, bytearray)):
            length = len(data)
        else:
            data = memoryview(data)
            length = data.nbytes
        if not self._header_written:
            self._write_gzip_header()
        if length > 0:
            self.fileobj.write(self._compress.compress(data))
            self._size += length
            self._crc = zlib.crc32(data, self._crc)
        return length

    # ------------------------------------------------------------ reading

    def _load(self):
        if self._buffer is None:
            data = self.fileobj.read()
            self._buffer = io.BytesIO(decompress(data))
        return self._buffer

    def _check_readable(self):
        self._check_not_closed()
        if self.mode != READ:
            raise OSError(9, "read() on write-only GzipFile object")  # EBADF

    def read(self, size=-1):
        self._check_readable()
        return self._load().read(size)

    def read1(self, size=-1):
        return self.read(size)

    def peek(self, n):
        self._check_readable()
        buffer = self._load()
        position = buffer.tell()
        data = buffer.read(max(n, 1))
        buffer.seek(position)
        return data

    def readline(self, size=-1):
        self._check_readable()
        return self._load().readline(size)

    def readlines(self, hint=-1):
        self._check_readable()
        return self._load().readlines(hint)

    def __iter__(self):
        self._check_readable()
        return iter(self._load())

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # ------------------------------------------------------------ common

    @property
    def closed(self):
        return self.fileobj is None

    def close(self):
        fileobj = self.fileobj
        if fileobj is None:
            return
        self.fileobj = None
        try:
            if self.mode == WRITE:
                if not self._header_written:
                    self.fileobj = fileobj
                    self._write_gzip_header()
                    self.fileobj = None
                fileobj.write(self._compress.flush())
                fileobj.write(struct.pack("<L", self._crc))
                fileobj.write(struct.pack("<L", self._size & 0xffffffff))
        finally:
            myfileobj = self.myfileobj
            if myfileobj:
                self.myfileobj = None
                myfileobj.close()

    def flush(self, zlib_mode=zlib.Z_SYNC_FLUSH):
        self._check_not_closed()
        if self.mode == WRITE:
            if not self._header_written:
                self._write_gzip_header()
            self.fileobj.write(self._compress.flush(zlib_mode))
            self.fileobj.flush()

    def fileno(self):
        return self.fileobj.fileno()

    def readable(self):
        return self.mode == READ

    def writable(self):
        return self.mode == WRITE

    def seekable(self):
        return self.mode == READ

    def tell(self):
        self._check_not_closed()
        if self.mode == READ:
            return self._load().tell()
        return self._size

    def seek(self, offset, whence=io.SEEK_SET):
        self._check_readable()
        return self._load().seek(offset, whence)

    def rewind(self):
        self.seek(0)

    def __enter__(self):
        self._check_not_closed()
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __del__(self):
        try:
            if getattr(self, "fileobj", None) is not None and self.mode == WRITE:
                self.close()
        except Exception:
            pass


class _GzipText:
    """Text mode over a GzipFile: decodes everything on the first read,
    encodes each write."""

    def __init__(self, binary, encoding, errors, newline, reading):
        self.buffer = binary
        self.encoding = encoding or "utf-8"
        self.errors = errors or "strict"
        self._newline = newline
        self._text = None
        self._reading = reading

    def _load(self):
        if self._text is None:
            text = self.buffer.read().decode(self.encoding, self.errors)
            if self._newline is None:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            self._text = io.StringIO(text)
        return self._text

    def read(self, size=-1):
        return self._load().read(size)

    def readline(self, size=-1):
        return self._load().readline(size)

    def readlines(self, hint=-1):
        return self._load().readlines(hint)

    def __iter__(self):
        return iter(self._load())

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        data = text
        if self._newline not in (None, "", "\n"):
            data = data.replace("\n", self._newline)
        self.buffer.write(data.encode(self.encoding, self.errors))
        return len(text)

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def name(self):
        return self.buffer.name

    def close(self):
        self.buffer.close()

    def flush(self):
        self.buffer.flush()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


def open(filename, mode="rb", compresslevel=_COMPRESS_LEVEL_BEST, encoding=None, errors=None, newline=None):
    """A GzipFile (binary modes) or a text stream over one ("rt", "wt", ...)."""
    if "t" in mode:
        if "b" in mode:
            raise ValueError("Invalid mode: %r" % (mode,))
    else:
        if encoding is not None:
            raise ValueError("Argument 'encoding' not supported in binary mode")
        if errors is not None:
            raise ValueError("Argument 'errors' not supported in binary mode")
        if newline is not None:
            raise ValueError("Argument 'newline' not supported in binary mode")
    gz_mode = mode.replace("t", "")
    if isinstance(filename, (str, bytes)) or hasattr(filename, "__fspath__"):
        binary_file = GzipFile(filename, gz_mode, compresslevel)
    elif hasattr(filename, "read") or hasattr(filename, "write"):
        binary_file = GzipFile(None, gz_mode, compresslevel, filename)
    else:
        raise TypeError("filename must be a str or bytes object, or a file")
    if "t" in mode:
        return _GzipText(binary_file, encoding, errors, newline, gz_mode.startswith("r"))
    return binary_file
