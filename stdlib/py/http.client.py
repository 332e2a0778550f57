"""HTTP/1.1 client connections (CPython 3.11's http.client API).

A connection moves through three states: Idle -> putrequest() ->
Request-started -> endheaders() -> Request-sent -> getresponse() -> Idle.
request() does the middle steps at once. A response reads from its own
buffered file over the connection's socket; when the server keeps the
connection alive, the next request may be sent once the previous response
has been read to its end (or closed), and it reuses the socket.

Bodies are framed by Content-Length, by chunked transfer coding, or (for
HTTP/1.0 and 'Connection: close') by the end of the connection.
"""
import email.parser
import email.message
import errno
import http
import io
import re
import socket
import collections.abc
from urllib.parse import urlsplit

__all__ = ["HTTPResponse", "HTTPConnection",
           "HTTPException", "NotConnected", "UnknownProtocol",
           "UnknownTransferEncoding", "UnimplementedFileMode",
           "IncompleteRead", "InvalidURL", "ImproperConnectionState",
           "CannotSendRequest", "CannotSendHeader", "ResponseNotReady",
           "BadStatusLine", "LineTooLong", "RemoteDisconnected", "error",
           "responses"]

HTTP_PORT = 80
HTTPS_PORT = 443

_UNKNOWN = 'UNKNOWN'

# Connection states.
_CS_IDLE = 'Idle'
_CS_REQ_STARTED = 'Request-started'
_CS_REQ_SENT = 'Request-sent'

# The status names as module constants (http.client.OK == 200, ...).
globals().update(http.HTTPStatus.__members__)

responses = {status.value: status.phrase for status in http.HTTPStatus.__members__.values()}

# Limits on what a server may send: one line, and the number of headers.
_MAXLINE = 65536
_MAXHEADERS = 100

# RFC 7230 token characters for header names; values may not hold a bare
# CR or LF that is not part of a folded continuation.
_is_legal_header_name = re.compile(rb'[^:\s][^:\r\n]*').fullmatch
_is_illegal_header_value = re.compile(rb'\n(?![ \t])|\r(?![ \t\n])').search

# Control characters and spaces may not appear in a request line.
_contains_disallowed_url_pchar_re = re.compile('[\x00-\x20\x7f]')
_contains_disallowed_method_pchar_re = re.compile('[\x00-\x1f]')

_METHODS_EXPECTING_BODY = {'PATCH', 'POST', 'PUT'}


def _encode(data, name='data'):
    """A str body or header as Latin-1, with an error that says what to do."""
    try:
        return data.encode("latin-1")
    except UnicodeEncodeError:
        # The run of characters Latin-1 lacks, as the codec reports it.
        start = 0
        while ord(data[start]) < 256:
            start += 1
        end = start
        while end < len(data) and ord(data[end]) >= 256:
            end += 1
        raise UnicodeEncodeError(
            "latin-1", data, start, end,
            "%s (%.20r) is not valid Latin-1. Use %s.encode('utf-8') "
            "if you want to send it encoded in UTF-8." %
            (name.title(), data[start:end], name)) from None


class HTTPMessage(email.message.Message):
    """The headers of a response (or, in http.server, of a request)."""

    def getallmatchingheaders(self, name):
        """The raw 'Name: value' lines of every header called name."""
        name = name.lower() + ':'
        n = len(name)
        lst = []
        hit = 0
        for line in self.keys():
            if line[:n].lower() == name:
                hit = 1
            elif not line[:1].isspace():
                hit = 0
            if hit:
                lst.append(line)
        return lst


def _read_headers(fp):
    """The raw header lines up to and without the blank line."""
    headers = []
    while True:
        line = fp.readline(_MAXLINE + 1)
        if len(line) > _MAXLINE:
            raise LineTooLong("header line")
        headers.append(line)
        if len(headers) > _MAXHEADERS:
            raise HTTPException("got more than %d headers" % _MAXHEADERS)
        if line in (b'\r\n', b'\n', b''):
            break
    return headers


def _parse_header_lines(header_lines, _class=HTTPMessage):
    text = b''.join(header_lines).decode('iso-8859-1')
    return email.parser.Parser(_class=_class).parsestr(text)


def parse_headers(fp, _class=HTTPMessage):
    """Read header lines from the binary file fp up to a blank line, and
    return them as a message object (HTTPMessage by default)."""
    return _parse_header_lines(_read_headers(fp), _class)


class HTTPResponse(io.BufferedIOBase if hasattr(io, 'BufferedIOBase') else object):
    """A server's answer: begin() reads the status line and headers; the
    read methods then return the body and stop at its end."""

    def __init__(self, sock, debuglevel=0, method=None, url=None):
        self.fp = sock.makefile("rb")
        self.debuglevel = debuglevel
        self._method = method
        self.headers = self.msg = None
        self.version = _UNKNOWN
        self.status = _UNKNOWN
        self.reason = _UNKNOWN
        self.chunked = _UNKNOWN
        self.chunk_left = _UNKNOWN
        self.length = _UNKNOWN
        self.will_close = _UNKNOWN
        self._closed = False

    def _read_status(self):
        line = str(self.fp.readline(_MAXLINE + 1), "iso-8859-1")
        if len(line) > _MAXLINE:
            raise LineTooLong("status line")
        if self.debuglevel > 0:
            print("reply:", repr(line))
        if not line:
            # The server closed the connection without a word, as a kept-
            # alive connection does when the server timed it out.
            raise RemoteDisconnected("Remote end closed connection without response")
        parts = line.split(None, 2)
        if len(parts) == 3:
            version, status, reason = parts
        elif len(parts) == 2:
            version, status = parts
            reason = ""
        else:
            version = status = reason = ""
        if not version.startswith("HTTP/"):
            self._close_conn()
            raise BadStatusLine(line)
        try:
            status = int(status)
        except ValueError:
            raise BadStatusLine(line)
        if status < 100 or status > 999:
            raise BadStatusLine(line)
        return version, status, reason

    def begin(self):
        if self.headers is not None:
            return  # already begun
        while True:
            version, status, reason = self._read_status()
            if status != 100:
                break
            # '100 Continue' comes with headers of its own; they are dropped.
            skipped = _read_headers(self.fp)
            if self.debuglevel > 0:
                print("headers:", skipped)
        self.code = self.status = status
        self.reason = reason.strip()
        if version in ("HTTP/1.0", "HTTP/0.9"):
            self.version = 10
        elif version.startswith("HTTP/1."):
            self.version = 11
        else:
            raise UnknownProtocol(version)

        self.headers = self.msg = parse_headers(self.fp)
        if self.debuglevel > 0:
            for name, value in self.headers.items():
                print("header:", name + ":", value)

        transfer_encoding = self.headers.get("transfer-encoding")
        if transfer_encoding and transfer_encoding.lower() == "chunked":
            self.chunked = True
            self.chunk_left = None
        else:
            self.chunked = False

        self.will_close = self._check_close()

        self.length = None
        length = self.headers.get("content-length")
        if length and not self.chunked:
            try:
                self.length = int(length)
            except ValueError:
                self.length = None
            else:
                if self.length < 0:
                    self.length = None
        # These responses have no body whatever the headers say.
        if (status == 204 or status == 304 or 100 <= status < 200 or self._method == "HEAD"):
            self.length = 0
        # Without a length or chunks, only the end of the connection ends
        # the body.
        if not self.will_close and not self.chunked and self.length is None:
            self.will_close = True

    def _check_close(self):
        connection = self.headers.get("connection")
        if self.version == 11:
            return bool(connection and "close" in connection.lower())
        # HTTP/1.0 closes unless the server says it keeps the connection.
        if self.headers.get("keep-alive"):
            return False
        if connection and "keep-alive" in connection.lower():
            return False
        proxy_connection = self.headers.get("proxy-connection")
        if proxy_connection and "keep-alive" in proxy_connection.lower():
            return False
        return True

    def _close_conn(self):
        fp = self.fp
        self.fp = None
        fp.close()

    def close(self):
        self._closed = True
        if self.fp:
            self._close_conn()

    @property
    def closed(self):
        return self._closed

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def flush(self):
        if self.fp:
            self.fp.flush()

    def readable(self):
        return True

    def writable(self):
        return False

    def seekable(self):
        return False

    def isclosed(self):
        """True when the body has been read to its end (or closed)."""
        return self.fp is None

    def read(self, amt=None):
        """The body, or at most amt bytes of it."""
        if self.fp is None:
            return b""
        if self._method == "HEAD":
            self._close_conn()
            return b""
        if amt is not None and amt < 0:
            amt = None
        if self.chunked:
            return self._read_chunked(amt)
        if amt is not None:
            if self.length is not None and amt > self.length:
                amt = self.length
            data = self.fp.read(amt)
            if not data and amt:
                self._close_conn()
            elif self.length is not None:
                self.length -= len(data)
                if not self.length:
                    self._close_conn()
            return data
        if self.length is None:
            data = self.fp.read()
        else:
            try:
                data = self._safe_read(self.length)
            except IncompleteRead:
                self._close_conn()
                raise
            self.length = 0
        self._close_conn()
        return data

    def readinto(self, b):
        """Read into the writable buffer b; the number of bytes read."""
        if self.fp is None:
            return 0
        if self._method == "HEAD":
            self._close_conn()
            return 0
        view = memoryview(b).cast('B')
        data = self.read(len(view))
        view[:len(data)] = data
        return len(data)

    def read1(self, n=-1):
        return self.read(None if n is None or n < 0 else n)

    def peek(self, n=-1):
        if self.fp is None or self._method == "HEAD" or self.chunked:
            return b""
        return self.fp.peek(n) if hasattr(self.fp, 'peek') else b""

    def readline(self, limit=-1):
        """One line of the body (up to and with b'\\n'), at most limit bytes."""
        if self.fp is None or self._method == "HEAD":
            return b""
        if limit is None:
            limit = -1
        if self.chunked:
            line = bytearray()
            while limit < 0 or len(line) < limit:
                ch = self._read_chunked(1)
                if not ch:
                    break
                line += ch
                if ch == b"\n":
                    break
            return bytes(line)
        if self.length is not None and (limit < 0 or limit > self.length):
            limit = self.length
        line = self.fp.readline(limit)
        if not line and limit:
            self._close_conn()
        elif self.length is not None:
            # As in CPython, reaching the end by lines leaves the response
            # open until read() or close().
            self.length -= len(line)
        return line

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # -- chunked transfer coding --
    def _read_next_chunk_size(self):
        line = self.fp.readline(_MAXLINE + 1)
        if len(line) > _MAXLINE:
            raise LineTooLong("chunk size")
        semicolon = line.find(b";")
        if semicolon >= 0:
            line = line[:semicolon]  # chunk extensions are ignored
        try:
            return int(line, 16)
        except ValueError:
            self._close_conn()
            raise

    def _read_and_discard_trailer(self):
        while True:
            line = self.fp.readline(_MAXLINE + 1)
            if len(line) > _MAXLINE:
                raise LineTooLong("trailer line")
            if line in (b'\r\n', b'\n', b''):
                break

    def _get_chunk_left(self):
        """Bytes left in the current chunk, reading the next chunk's size
        when it is used up; None at the end of the body."""
        chunk_left = self.chunk_left
        if not chunk_left:
            if chunk_left is not None:
                self._safe_read(2)  # the CRLF after the chunk's data
            try:
                chunk_left = self._read_next_chunk_size()
            except ValueError:
                raise IncompleteRead(b'')
            if chunk_left == 0:
                self._read_and_discard_trailer()
                self._close_conn()
                chunk_left = None
            self.chunk_left = chunk_left
        return chunk_left

    def _read_chunked(self, amt=None):
        parts = []
        try:
            while True:
                chunk_left = self._get_chunk_left()
                if chunk_left is None:
                    break
                if amt is not None and amt <= chunk_left:
                    parts.append(self._safe_read(amt))
                    self.chunk_left = chunk_left - amt
                    break
                parts.append(self._safe_read(chunk_left))
                if amt is not None:
                    amt -= chunk_left
                self.chunk_left = 0
            return b''.join(parts)
        except IncompleteRead as exc:
            raise IncompleteRead(b''.join(parts)) from exc

    def _safe_read(self, amt):
        """Exactly amt bytes, or IncompleteRead."""
        data = self.fp.read(amt)
        if len(data) < amt:
            raise IncompleteRead(data, amt - len(data))
        return data

    def fileno(self):
        return self.fp.fileno()

    def getheader(self, name, default=None):
        """The header's value; several are joined with ', '."""
        if self.headers is None:
            raise ResponseNotReady()
        headers = self.headers.get_all(name) or default
        if isinstance(headers, str) or not hasattr(headers, '__iter__'):
            return headers
        return ', '.join(headers)

    def getheaders(self):
        """[(name, value), ...] in the order received."""
        if self.headers is None:
            raise ResponseNotReady()
        return list(self.headers.items())

    def info(self):
        return self.headers

    def geturl(self):
        return self.url

    def getcode(self):
        return self.status


class HTTPConnection:
    """One connection to host:port; requests on it go one at a time."""

    _http_vsn = 11
    _http_vsn_str = 'HTTP/1.1'

    response_class = HTTPResponse
    default_port = HTTP_PORT
    auto_open = 1
    debuglevel = 0

    @staticmethod
    def _is_textIO(stream):
        return isinstance(stream, io.TextIOBase) if hasattr(io, 'TextIOBase') else isinstance(stream, io.StringIO)

    @staticmethod
    def _get_content_length(body, method):
        """The Content-Length a body needs, or None when it must be sent
        chunked (files and iterables)."""
        if body is None:
            if method.upper() in _METHODS_EXPECTING_BODY:
                return 0
            return None
        if hasattr(body, 'read'):
            return None
        try:
            return memoryview(body).nbytes
        except TypeError:
            pass
        if isinstance(body, str):
            return len(body)
        return None

    def __init__(self, host, port=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT,
                 source_address=None, blocksize=8192):
        self.timeout = timeout
        self.source_address = source_address
        self.blocksize = blocksize
        self.sock = None
        self._buffer = []
        self.__response = None
        self.__state = _CS_IDLE
        self._method = None
        self._tunnel_host = None
        self._tunnel_port = None
        self._tunnel_headers = {}

        (self.host, self.port) = self._get_hostport(host, port)
        self._validate_host(self.host)
        self._create_connection = socket.create_connection

    def set_tunnel(self, host, port=None, headers=None):
        if self.sock:
            raise RuntimeError("Can't set up tunnel for established connection")
        self._tunnel_host, self._tunnel_port = self._get_hostport(host, port)
        self._tunnel_headers = headers.copy() if headers else {}

    def _tunnel(self):
        """Ask the proxy we are connected to for a tunnel to the real
        host (CONNECT); its answer's headers are read and dropped."""
        lines = [("CONNECT %s:%d HTTP/1.0\r\n" % (self._tunnel_host, self._tunnel_port)).encode("ascii")]
        for header, value in self._tunnel_headers.items():
            lines.append(f"{header}: {value}\r\n".encode("latin-1"))
        lines.append(b"\r\n")
        self.send(b"".join(lines))
        response = self.response_class(self.sock, method=self._method)
        version, code, message = response._read_status()
        if code != 200:
            self.close()
            raise OSError(f"Tunnel connection failed: {code} {message.strip()}")
        while True:
            line = response.fp.readline(_MAXLINE + 1)
            if len(line) > _MAXLINE:
                raise LineTooLong("header line")
            if not line or line in (b'\r\n', b'\n'):
                break
            if self.debuglevel > 0:
                print('header:', line.decode())

    def _get_hostport(self, host, port):
        if port is None:
            colon = host.rfind(':')
            bracket = host.rfind(']')  # an IPv6 address has colons of its own
            if colon > bracket:
                try:
                    port = int(host[colon + 1:])
                except ValueError:
                    if host[colon + 1:] == "":  # 'host:' means the default
                        port = self.default_port
                    else:
                        raise InvalidURL("nonnumeric port: '%s'" % host[colon + 1:])
                host = host[:colon]
            else:
                port = self.default_port
        if host and host[0] == '[' and host[-1] == ']':
            host = host[1:-1]
        return (host, port)

    def set_debuglevel(self, level):
        self.debuglevel = level

    def connect(self):
        """Connect to the host and port given at construction."""
        self.sock = self._create_connection((self.host, self.port), self.timeout, self.source_address)
        # Requests are written whole, so Nagle's delay only adds latency.
        try:
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError as e:
            if e.errno != errno.ENOPROTOOPT:
                raise
        if self._tunnel_host:
            self._tunnel()

    def close(self):
        """Close the socket and any response still open."""
        self.__state = _CS_IDLE
        try:
            sock = self.sock
            if sock:
                self.sock = None
                sock.close()
        finally:
            response = self.__response
            if response:
                self.__response = None
                response.close()

    def send(self, data):
        """Send bytes, a readable file, or an iterable of bytes."""
        if self.sock is None:
            if self.auto_open:
                self.connect()
            else:
                raise NotConnected()
        if self.debuglevel > 0:
            print("send:", repr(data))
        if hasattr(data, "read"):
            if self.debuglevel > 0:
                print("sending a readable")
            encode = self._is_textIO(data)
            if encode and self.debuglevel > 0:
                print("encoding file using iso-8859-1")
            while True:
                block = data.read(self.blocksize)
                if not block:
                    break
                if encode:
                    block = block.encode("iso-8859-1")
                self.sock.sendall(block)
            return
        if isinstance(data, (bytes, bytearray, memoryview)):
            self.sock.sendall(data)
            return
        try:
            self.sock.sendall(data)
        except TypeError:
            if isinstance(data, collections.abc.Iterable):
                for item in data:
                    self.sock.sendall(item)
            else:
                raise TypeError("data should be a bytes-like object or an iterable, got %r" % type(data))

    def _output(self, s):
        self._buffer.append(s)

    def _read_readable(self, readable):
        if self.debuglevel > 0:
            print("reading a readable")
        encode = self._is_textIO(readable)
        if encode and self.debuglevel > 0:
            print("encoding file using iso-8859-1")
        while True:
            block = readable.read(self.blocksize)
            if not block:
                break
            if encode:
                block = block.encode("iso-8859-1")
            yield block

    def _send_output(self, message_body=None, encode_chunked=False):
        """Send the buffered request line and headers, then the body."""
        self._buffer.extend((b"", b""))
        message = b"\r\n".join(self._buffer)
        del self._buffer[:]
        self.send(message)

        if message_body is None:
            return
        if hasattr(message_body, 'read'):
            chunks = self._read_readable(message_body)
        else:
            try:
                memoryview(message_body)
            except TypeError:
                try:
                    chunks = iter(message_body)
                except TypeError:
                    raise TypeError("message_body should be a bytes-like object or an iterable, got %r"
                                    % type(message_body))
            else:
                chunks = (message_body,)
        for chunk in chunks:
            if not chunk:
                if self.debuglevel > 0:
                    print('Zero length chunk ignored')
                continue
            if encode_chunked and self._http_vsn == 11:
                chunk = f'{len(chunk):X}\r\n'.encode('ascii') + chunk + b'\r\n'
            self.send(chunk)
        if encode_chunked and self._http_vsn == 11:
            self.send(b'0\r\n\r\n')

    def putrequest(self, method, url, skip_host=False, skip_accept_encoding=False):
        """Start a request: the request line, then Host and Accept-Encoding
        unless skipped."""
        if self.__response and self.__response.isclosed():
            self.__response = None
        if self.__state == _CS_IDLE:
            self.__state = _CS_REQ_STARTED
        else:
            raise CannotSendRequest(self.__state)

        self._validate_method(method)
        self._method = method
        url = url or '/'
        self._validate_path(url)
        request = '%s %s %s' % (method, url, self._http_vsn_str)
        self._output(self._encode_request(request))

        if self._http_vsn == 11:
            if not skip_host:
                netloc = ''
                if url.startswith('http'):
                    netloc = urlsplit(url)[1]
                if netloc:
                    try:
                        netloc_enc = netloc.encode("ascii")
                    except UnicodeEncodeError:
                        netloc_enc = netloc.encode("idna")
                    self.putheader('Host', netloc_enc)
                else:
                    if self._tunnel_host:
                        host, port = self._tunnel_host, self._tunnel_port
                    else:
                        host, port = self.host, self.port
                    try:
                        host_enc = host.encode("ascii")
                    except UnicodeEncodeError:
                        host_enc = host.encode("idna")
                    if ":" in host:
                        host_enc = b'[' + host_enc + b']'  # an IPv6 literal
                    if port == self.default_port:
                        self.putheader('Host', host_enc)
                    else:
                        self.putheader('Host', "%s:%s" % (host_enc.decode("ascii"), port))
            if not skip_accept_encoding:
                self.putheader('Accept-Encoding', 'identity')

    def _encode_request(self, request):
        return request.encode('ascii')

    def _validate_method(self, method):
        match = _contains_disallowed_method_pchar_re.search(method)
        if match:
            raise ValueError(f"method can't contain control characters. {method!r} "
                             f"(found at least {match.group()!r})")

    def _validate_path(self, url):
        match = _contains_disallowed_url_pchar_re.search(url)
        if match:
            raise InvalidURL(f"URL can't contain control characters. {url!r} "
                             f"(found at least {match.group()!r})")

    def _validate_host(self, host):
        match = _contains_disallowed_url_pchar_re.search(host)
        if match:
            raise InvalidURL(f"URL can't contain control characters. {host!r} "
                             f"(found at least {match.group()!r})")

    def putheader(self, header, *values):
        """Add 'header: value' to the request; several values are folded
        onto continuation lines."""
        if self.__state != _CS_REQ_STARTED:
            raise CannotSendHeader()
        if hasattr(header, 'encode'):
            header = header.encode('ascii')
        if not _is_legal_header_name(header):
            raise ValueError('Invalid header name %r' % (header,))
        values = list(values)
        for i, value in enumerate(values):
            if hasattr(value, 'encode'):
                values[i] = value.encode('latin-1')
            elif isinstance(value, int):
                values[i] = str(value).encode('ascii')
            if _is_illegal_header_value(values[i]):
                raise ValueError('Invalid header value %r' % (values[i],))
        self._output(header + b': ' + b'\r\n\t'.join(values))

    def endheaders(self, message_body=None, *, encode_chunked=False):
        """End the headers and send the request (with message_body)."""
        if self.__state == _CS_REQ_STARTED:
            self.__state = _CS_REQ_SENT
        else:
            raise CannotSendHeader()
        self._send_output(message_body, encode_chunked=encode_chunked)

    def request(self, method, url, body=None, headers={}, *, encode_chunked=False):
        """Send a whole request: method, url, an optional body (bytes, str,
        a file or an iterable) and a dict of headers."""
        self._send_request(method, url, body, headers, encode_chunked)

    def _send_request(self, method, url, body, headers, encode_chunked):
        header_names = frozenset(k.lower() for k in headers)
        skips = {}
        if 'host' in header_names:
            skips['skip_host'] = 1
        if 'accept-encoding' in header_names:
            skips['skip_accept_encoding'] = 1
        self.putrequest(method, url, **skips)

        if 'content-length' not in header_names:
            # A body of unknown size goes chunked, unless the caller set
            # Transfer-Encoding and does the framing.
            if 'transfer-encoding' not in header_names:
                encode_chunked = False
                content_length = self._get_content_length(body, method)
                if content_length is None:
                    if body is not None:
                        if self.debuglevel > 0:
                            print('Unable to determine size of %r' % body)
                        encode_chunked = True
                        self.putheader('Transfer-Encoding', 'chunked')
                else:
                    self.putheader('Content-Length', str(content_length))
        else:
            encode_chunked = False

        for name, value in headers.items():
            self.putheader(name, value)
        if isinstance(body, str):
            body = _encode(body, 'body')
        self.endheaders(body, encode_chunked=encode_chunked)

    def getresponse(self):
        """The response to the request just sent (status and headers read;
        the body waits to be read)."""
        if self.__response and self.__response.isclosed():
            self.__response = None
        if self.__state != _CS_REQ_SENT or self.__response:
            raise ResponseNotReady(self.__state)

        if self.debuglevel > 0:
            response = self.response_class(self.sock, self.debuglevel, method=self._method)
        else:
            response = self.response_class(self.sock, method=self._method)
        try:
            try:
                response.begin()
            except ConnectionError:
                self.close()
                raise
            self.__state = _CS_IDLE
            if response.will_close:
                self.close()  # the response keeps its own file open
            else:
                self.__response = response
            return response
        except:
            response.close()
            raise


try:
    import ssl
except ImportError:
    pass
else:
    class HTTPSConnection(HTTPConnection):
        """HTTPConnection over TLS: the socket is wrapped by an SSLContext
        (by default one that verifies the server's certificate and name)."""

        default_port = HTTPS_PORT

        def __init__(self, host, port=None, key_file=None, cert_file=None,
                     timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None,
                     *, context=None, check_hostname=None, blocksize=8192):
            super(HTTPSConnection, self).__init__(host, port, timeout, source_address, blocksize=blocksize)
            if key_file is not None or cert_file is not None or check_hostname is not None:
                import warnings
                warnings.warn("key_file, cert_file and check_hostname are deprecated, "
                              "use a custom context instead.", DeprecationWarning, 2)
            self.key_file = key_file
            self.cert_file = cert_file
            if context is None:
                context = _create_https_context()
            will_verify = context.verify_mode != ssl.CERT_NONE
            if check_hostname is None:
                check_hostname = context.check_hostname
            if check_hostname and not will_verify:
                raise ValueError("check_hostname needs a SSL context with either CERT_OPTIONAL or CERT_REQUIRED")
            if key_file or cert_file:
                context.load_cert_chain(cert_file, key_file)
            self._context = context
            if check_hostname is not None:
                self._context.check_hostname = check_hostname

        def connect(self):
            """Connect, then do the TLS handshake, naming the host (or the
            tunnel's far end) for SNI and the certificate check."""
            super().connect()
            server_hostname = self._tunnel_host if self._tunnel_host else self.host
            self.sock = self._context.wrap_socket(self.sock, server_hostname=server_hostname)

    def _create_https_context():
        """The default client context: verifies certificates and host
        names against the system's certificate store."""
        factory = getattr(ssl, '_create_default_https_context', ssl.create_default_context)
        context = factory()
        if hasattr(context, 'set_alpn_protocols'):
            context.set_alpn_protocols(['http/1.1'])
        return context

    __all__.append("HTTPSConnection")


class HTTPException(Exception):
    pass


class NotConnected(HTTPException):
    pass


class InvalidURL(HTTPException):
    pass


class UnknownProtocol(HTTPException):
    def __init__(self, version):
        self.args = version,
        self.version = version


class UnknownTransferEncoding(HTTPException):
    pass


class UnimplementedFileMode(HTTPException):
    pass


class IncompleteRead(HTTPException):
    """The body ended early: partial holds what came, expected how many
    bytes were missing (when known)."""

    def __init__(self, partial, expected=None):
        self.args = partial,
        self.partial = partial
        self.expected = expected

    def __repr__(self):
        if self.expected is not None:
            more = ', %i more expected' % self.expected
        else:
            more = ''
        return '%s(%i bytes read%s)' % (self.__class__.__name__, len(self.partial), more)

    __str__ = object.__str__


class ImproperConnectionState(HTTPException):
    pass


class CannotSendRequest(ImproperConnectionState):
    pass


class CannotSendHeader(ImproperConnectionState):
    pass


class ResponseNotReady(ImproperConnectionState):
    pass


class BadStatusLine(HTTPException):
    def __init__(self, line):
        if not line:
            line = repr(line)
        self.args = line,
        self.line = line


class LineTooLong(HTTPException):
    def __init__(self, line_type):
        HTTPException.__init__(self, "got more than %d bytes when reading %s" % (_MAXLINE, line_type))


class RemoteDisconnected(ConnectionResetError, BadStatusLine):
    """The server closed the connection before answering."""

    def __init__(self, *pos, **kw):
        BadStatusLine.__init__(self, "")
        ConnectionResetError.__init__(self, *pos, **kw)


error = HTTPException
