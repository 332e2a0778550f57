"""HTTP servers (CPython 3.11's http.server): HTTPServer and
ThreadingHTTPServer on socketserver, BaseHTTPRequestHandler (parses a
request and calls do_<METHOD>), SimpleHTTPRequestHandler (files and
directory listings from a folder), and `gilvm -m http.server [PORT]`.

A handler serves one connection. With protocol_version "HTTP/1.0" (the
default) it answers one request and closes; with "HTTP/1.1" it keeps
reading requests until the client or a 'Connection: close' header ends
the connection, so every response must then carry a Content-Length.
"""
import email.utils
import html
import http.client
import io
import itertools
import mimetypes
import os
import posixpath
import socket
import socketserver
import sys
import time
import urllib.parse

from http import HTTPStatus

__version__ = "0.6"

__all__ = ["HTTPServer", "ThreadingHTTPServer", "BaseHTTPRequestHandler",
           "SimpleHTTPRequestHandler"]

# The page send_error sends (fields: code, message, explain).
DEFAULT_ERROR_MESSAGE = """\
<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: %(code)d</p>
        <p>Message: %(message)s.</p>
        <p>Error code explanation: %(code)s - %(explain)s.</p>
    </body>
</html>
"""

DEFAULT_ERROR_CONTENT_TYPE = "text/html;charset=utf-8"


class HTTPServer(socketserver.TCPServer):
    allow_reuse_address = 1  # a restarted server may take the port at once

    def server_bind(self):
        """Bind, and remember the server's name and port."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        try:
            self.server_name = socket.getfqdn(host)
        except (AttributeError, OSError):
            self.server_name = host
        self.server_port = port


class ThreadingHTTPServer(socketserver.ThreadingMixIn, HTTPServer):
    daemon_threads = True


def _control_char_table():
    """Log lines show control characters as \\xNN (and backslashes
    doubled), so a request cannot forge lines in the log."""
    table = {c: fr'\x{c:02x}' for c in itertools.chain(range(0x20), range(0x7f, 0xa0))}
    table[ord('\\')] = r'\\'
    return str.maketrans(table)


class BaseHTTPRequestHandler(socketserver.StreamRequestHandler):
    """Reads a request line and headers, then calls do_<COMMAND>().

    Attributes for do_ methods: command, path, request_version, headers
    (an http.client.HTTPMessage), rfile (the request body follows) and
    wfile (the response goes there, after send_response, send_header...
    and end_headers)."""

    sys_version = "Python/" + sys.version.split()[0]
    server_version = "BaseHTTP/" + __version__

    error_message_format = DEFAULT_ERROR_MESSAGE
    error_content_type = DEFAULT_ERROR_CONTENT_TYPE

    # A request line without a version is HTTP/0.9 (GET only, no headers).
    default_request_version = "HTTP/0.9"

    protocol_version = "HTTP/1.0"

    MessageClass = http.client.HTTPMessage

    responses = {v: (v.phrase, v.description) for v in HTTPStatus.__members__.values()}

    weekdayname = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
    monthname = [None, 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
                 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

    _control_char_table = _control_char_table()

    def parse_request(self):
        """Parse self.raw_requestline and the headers. On an error, send
        the error response and return False."""
        self.command = None
        self.request_version = version = self.default_request_version
        self.close_connection = True
        requestline = str(self.raw_requestline, 'iso-8859-1').rstrip('\r\n')
        self.requestline = requestline
        words = requestline.split()
        if len(words) == 0:
            return False

        if len(words) >= 3:
            version = words[-1]
            try:
                if not version.startswith('HTTP/'):
                    raise ValueError
                base_version_number = version.split('/', 1)[1]
                version_number = base_version_number.split(".")
                # 'HTTP/1.1': exactly two dot-separated numbers, each short.
                if len(version_number) != 2:
                    raise ValueError
                if any(not component.isdigit() for component in version_number):
                    raise ValueError("non digit in http version")
                if any(len(component) > 10 for component in version_number):
                    raise ValueError("unreasonable length http version")
                version_number = int(version_number[0]), int(version_number[1])
            except (ValueError, IndexError):
                self.send_error(HTTPStatus.BAD_REQUEST, "Bad request version (%r)" % version)
                return False
            if version_number >= (1, 1) and self.protocol_version >= "HTTP/1.1":
                self.close_connection = False
            if version_number >= (2, 0):
                self.send_error(HTTPStatus.HTTP_VERSION_NOT_SUPPORTED,
                                "Invalid HTTP version (%s)" % base_version_number)
                return False
            self.request_version = version

        if not 2 <= len(words) <= 3:
            self.send_error(HTTPStatus.BAD_REQUEST, "Bad request syntax (%r)" % requestline)
            return False
        command, path = words[:2]
        if len(words) == 2:
            self.close_connection = True
            if command != 'GET':
                self.send_error(HTTPStatus.BAD_REQUEST, "Bad HTTP/0.9 request type (%r)" % command)
                return False
        self.command, self.path = command, path

        # A path starting with '//' would read as a host name to clients
        # that follow a redirect to it; keep one slash.
        if self.path.startswith('//'):
            self.path = '/' + self.path.lstrip('/')

        try:
            self.headers = http.client.parse_headers(self.rfile, _class=self.MessageClass)
        except http.client.LineTooLong as err:
            self.send_error(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Line too long", str(err))
            return False
        except http.client.HTTPException as err:
            self.send_error(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Too many headers", str(err))
            return False

        connection = self.headers.get('Connection', "")
        if connection.lower() == 'close':
            self.close_connection = True
        elif connection.lower() == 'keep-alive' and self.protocol_version >= "HTTP/1.1":
            self.close_connection = False

        expect = self.headers.get('Expect', "")
        if (expect.lower() == "100-continue" and self.protocol_version >= "HTTP/1.1" and
                self.request_version >= "HTTP/1.1"):
            if not self.handle_expect_100():
                return False
        return True

    def handle_expect_100(self):
        """Answer 'Expect: 100-continue' with 100 Continue; a subclass may
        send an error instead and return False."""
        self.send_response_only(HTTPStatus.CONTINUE)
        self.end_headers()
        return True

    def handle_one_request(self):
        """Read and answer one request."""
        try:
            self.raw_requestline = self.rfile.readline(65537)
            if len(self.raw_requestline) > 65536:
                self.requestline = ''
                self.request_version = ''
                self.command = ''
                self.send_error(HTTPStatus.REQUEST_URI_TOO_LONG)
                return
            if not self.raw_requestline:
                self.close_connection = True
                return
            if not self.parse_request():
                return  # the error has been sent
            method_name = 'do_' + self.command
            if not hasattr(self, method_name):
                self.send_error(HTTPStatus.NOT_IMPLEMENTED, "Unsupported method (%r)" % self.command)
                return
            getattr(self, method_name)()
            self.wfile.flush()
        except TimeoutError as e:
            # A read or write timed out: this connection is done.
            self.log_error("Request timed out: %r", e)
            self.close_connection = True
            return

    def handle(self):
        """Answer requests until the connection is to be closed."""
        self.close_connection = True
        self.handle_one_request()
        while not self.close_connection:
            self.handle_one_request()

    def send_error(self, code, message=None, explain=None):
        """Send an error response with an HTML page (none for HEAD, or for
        codes that have no body) and close the connection after it."""
        try:
            shortmsg, longmsg = self.responses[code]
        except KeyError:
            shortmsg, longmsg = '???', '???'
        if message is None:
            message = shortmsg
        if explain is None:
            explain = longmsg
        self.log_error("code %d, message %s", code, message)
        self.send_response(code, message)
        self.send_header('Connection', 'close')

        body = None
        if code >= 200 and code not in (HTTPStatus.NO_CONTENT, HTTPStatus.RESET_CONTENT,
                                        HTTPStatus.NOT_MODIFIED):
            content = (self.error_message_format % {
                'code': code,
                'message': html.escape(message, quote=False),
                'explain': html.escape(explain, quote=False)
            })
            body = content.encode('UTF-8', 'replace')
            self.send_header("Content-Type", self.error_content_type)
            self.send_header('Content-Length', str(len(body)))
        self.end_headers()

        if self.command != 'HEAD' and body:
            self.wfile.write(body)

    def send_response(self, code, message=None):
        """Log the request, then buffer the status line and the Server and
        Date headers."""
        self.log_request(code)
        self.send_response_only(code, message)
        self.send_header('Server', self.version_string())
        self.send_header('Date', self.date_time_string())

    def send_response_only(self, code, message=None):
        """Buffer the status line alone."""
        if self.request_version != 'HTTP/0.9':
            if message is None:
                if code in self.responses:
                    message = self.responses[code][0]
                else:
                    message = ''
            if not hasattr(self, '_headers_buffer'):
                self._headers_buffer = []
            self._headers_buffer.append(("%s %d %s\r\n" % (self.protocol_version, code, message))
                                        .encode('latin-1', 'strict'))

    def send_header(self, keyword, value):
        """Buffer a header; 'Connection: close' or 'keep-alive' also
        decides whether the connection stays open."""
        if self.request_version != 'HTTP/0.9':
            if not hasattr(self, '_headers_buffer'):
                self._headers_buffer = []
            self._headers_buffer.append(("%s: %s\r\n" % (keyword, value)).encode('latin-1', 'strict'))

        if keyword.lower() == 'connection':
            if value.lower() == 'close':
                self.close_connection = True
            elif value.lower() == 'keep-alive':
                self.close_connection = False

    def end_headers(self):
        """End the headers and send everything buffered."""
        if self.request_version != 'HTTP/0.9':
            self._headers_buffer.append(b"\r\n")
            self.flush_headers()

    def flush_headers(self):
        if hasattr(self, '_headers_buffer'):
            self.wfile.write(b"".join(self._headers_buffer))
            self._headers_buffer = []

    def log_request(self, code='-', size='-'):
        if isinstance(code, HTTPStatus):
            code = code.value
        self.log_message('"%s" %s %s', self.requestline, str(code), str(size))

    def log_error(self, format, *args):
        self.log_message(format, *args)

    def log_message(self, format, *args):
        """Write 'client - - [date] message' to stderr."""
        message = format % args
        sys.stderr.write("%s - - [%s] %s\n" % (self.address_string(), self.log_date_time_string(),
                                               message.translate(self._control_char_table)))

    def version_string(self):
        return self.server_version + ' ' + self.sys_version

    def date_time_string(self, timestamp=None):
        """The date for a Date header: 'Sat, 05 Dec 2026 12:57:33 GMT'."""
        if timestamp is None:
            timestamp = time.time()
        return email.utils.formatdate(timestamp, usegmt=True)

    def log_date_time_string(self):
        """Local time for the log: '05/Dec/2026 12:57:33'."""
        year, month, day, hh, mm, ss, x, y, z = time.localtime(time.time())
        return "%02d/%3s/%04d %02d:%02d:%02d" % (day, self.monthname[month], year, hh, mm, ss)

    def address_string(self):
        return self.client_address[0]


class SimpleHTTPRequestHandler(BaseHTTPRequestHandler):
    """Serves the files under directory (the current folder by default):
    GET and HEAD, with directory listings and index.html."""

    server_version = "SimpleHTTP/" + __version__
    extensions_map = _encodings_map_default = {
        '.gz': 'application/gzip',
        '.Z': 'application/octet-stream',
        '.bz2': 'application/x-bzip2',
        '.xz': 'application/x-xz',
    }

    def __init__(self, *args, directory=None, **kwargs):
        if directory is None:
            directory = os.getcwd()
        self.directory = directory if isinstance(directory, str) else os.fspath(directory)
        super().__init__(*args, **kwargs)

    def do_GET(self):
        f = self.send_head()
        if f:
            try:
                self.copyfile(f, self.wfile)
            finally:
                f.close()

    def do_HEAD(self):
        f = self.send_head()
        if f:
            f.close()

    def send_head(self):
        """Send the status and headers for a GET or HEAD; return the open
        file whose bytes make the body, or None."""
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            parts = urllib.parse.urlsplit(self.path)
            if not parts.path.endswith('/'):
                # A folder's relative links only work under its own URL
                # with a slash: redirect there.
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                new_url = urllib.parse.urlunsplit((parts[0], parts[1], parts[2] + '/', parts[3], parts[4]))
                self.send_header("Location", new_url)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            for index in "index.html", "index.htm":
                index = os.path.join(path, index)
                if os.path.exists(index):
                    path = index
                    break
            else:
                return self.list_directory(path)
        ctype = self.guess_type(path)
        # A file name with a trailing slash names no file.
        if path.endswith("/"):
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        try:
            f = open(path, 'rb')
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None

        try:
            fs = os.fstat(f.fileno()) if hasattr(os, 'fstat') else os.stat(path)
            if "If-Modified-Since" in self.headers and "If-None-Match" not in self.headers:
                if self._not_modified_since(self.headers["If-Modified-Since"], fs.st_mtime):
                    self.send_response(HTTPStatus.NOT_MODIFIED)
                    self.end_headers()
                    f.close()
                    return None
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-type", ctype)
            self.send_header("Content-Length", str(fs[6]))
            self.send_header("Last-Modified", self.date_time_string(fs.st_mtime))
            self.end_headers()
            return f
        except:
            f.close()
            raise

    @staticmethod
    def _not_modified_since(header, mtime):
        """Whether a file changed at mtime is no newer than the date in an
        If-Modified-Since header (one in another zone than GMT is ignored,
        as CPython ignores it)."""
        parsed = email.utils.parsedate_tz(header)
        if parsed is None:
            return False
        if parsed[9] not in (None, 0):
            return False
        try:
            since = email.utils.mktime_tz(parsed)
        except (OverflowError, ValueError):
            return False
        return int(mtime) <= since

    def list_directory(self, path):
        """An HTML page listing the folder, as a file object to send."""
        try:
            names = os.listdir(path)
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, "No permission to list directory")
            return None
        names.sort(key=lambda a: a.lower())
        try:
            displaypath = urllib.parse.unquote(self.path, errors='surrogatepass')
        except (UnicodeDecodeError, LookupError):
            displaypath = urllib.parse.unquote(self.path)
        displaypath = html.escape(displaypath, quote=False)
        enc = sys.getfilesystemencoding()
        title = f'Directory listing for {displaypath}'
        lines = ['<!DOCTYPE HTML>',
                 '<html lang="en">',
                 '<head>',
                 f'<meta charset="{enc}">',
                 f'<title>{title}</title>\n</head>',
                 f'<body>\n<h1>{title}</h1>',
                 '<hr>\n<ul>']
        for name in names:
            fullname = os.path.join(path, name)
            displayname = linkname = name
            # Folders end in '/'; symbolic links show an '@' but link by name.
            if os.path.isdir(fullname):
                displayname = name + "/"
                linkname = name + "/"
            if hasattr(os.path, 'islink') and os.path.islink(fullname):
                displayname = name + "@"
            lines.append('<li><a href="%s">%s</a></li>'
                         % (urllib.parse.quote(linkname), html.escape(displayname, quote=False)))
        lines.append('</ul>\n<hr>\n</body>\n</html>\n')
        encoded = '\n'.join(lines).encode(enc)
        f = io.BytesIO()
        f.write(encoded)
        f.seek(0)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-type", "text/html; charset=%s" % enc)
        self.send_header("Content-Length", str(len(encoded)))
        self.end_headers()
        return f

    def translate_path(self, path):
        """The file a URL path names under self.directory; '..' and
        other components that are not plain names are dropped."""
        path = path.split('?', 1)[0]
        path = path.split('#', 1)[0]
        trailing_slash = path.rstrip().endswith('/')
        path = urllib.parse.unquote(path)
        path = posixpath.normpath(path)
        result = self.directory
        for word in filter(None, path.split('/')):
            if os.path.dirname(word) or word in (os.curdir, os.pardir):
                continue
            result = os.path.join(result, word)
        if trailing_slash:
            result += '/'
        return result

    def copyfile(self, source, outputfile):
        """Copy the source file to the output in blocks."""
        while True:
            block = source.read(64 * 1024)
            if not block:
                break
            outputfile.write(block)

    def guess_type(self, path):
        """The Content-Type for a file: by extension (this class's
        extensions_map first, then mimetypes), else octet-stream."""
        base, ext = posixpath.splitext(path)
        if ext in self.extensions_map:
            return self.extensions_map[ext]
        ext = ext.lower()
        if ext in self.extensions_map:
            return self.extensions_map[ext]
        guess, _ = mimetypes.guess_type(path)
        if guess:
            return guess
        return 'application/octet-stream'


def _get_best_family(*address):
    infos = socket.getaddrinfo(*address, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, type, proto, canonname, sockaddr = next(iter(infos))
    return family, sockaddr


def test(HandlerClass=BaseHTTPRequestHandler, ServerClass=ThreadingHTTPServer,
         protocol="HTTP/1.0", port=8000, bind=None):
    """Serve HandlerClass on port until interrupted."""
    HandlerClass.protocol_version = protocol
    if hasattr(socket, 'getaddrinfo'):
        ServerClass.address_family, addr = _get_best_family(bind, port)
    else:
        addr = (bind or '', port)
    with ServerClass(addr, HandlerClass) as httpd:
        host, port = httpd.socket.getsockname()[:2]
        url_host = f'[{host}]' if ':' in host else host
        print(f"Serving HTTP on {host} port {port} (http://{url_host}:{port}/) ...")
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            print("\nKeyboard interrupt received, exiting.")
            sys.exit(0)


_USAGE = ("usage: http.server [-h] [--cgi] [--bind ADDRESS] [--directory DIRECTORY]"
          " [--protocol VERSION] [port]")


def _main(argv):
    """The command line: [port] [-b/--bind ADDRESS] [-d/--directory DIR]
    [-p/--protocol VERSION]; --cgi is not supported."""
    port = 8000
    bind = None
    directory = os.getcwd()
    protocol = 'HTTP/1.0'
    args = list(argv)
    while args:
        arg = args.pop(0)
        value = None
        if arg.startswith('--') and '=' in arg:
            arg, value = arg.split('=', 1)
        if arg in ('-h', '--help'):
            print(_USAGE)
            return 0
        if arg in ('-b', '--bind', '-d', '--directory', '-p', '--protocol'):
            if value is None:
                if not args:
                    sys.stderr.write(_USAGE + "\nhttp.server: error: argument %s: expected one argument\n" % arg)
                    return 2
                value = args.pop(0)
            if arg in ('-b', '--bind'):
                bind = value
            elif arg in ('-d', '--directory'):
                directory = value
            else:
                protocol = value
        elif arg == '--cgi':
            sys.stderr.write("http.server: --cgi is not supported by gilvm\n")
            return 2
        elif arg.isdigit():
            port = int(arg)
        else:
            sys.stderr.write(_USAGE + "\nhttp.server: error: argument port: invalid int value: %r\n" % arg)
            return 2

    class DualStackServer(ThreadingHTTPServer):
        def server_bind(self):
            # Accept IPv4 too on an IPv6 socket, where the system allows.
            try:
                self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            except Exception:
                pass
            return super().server_bind()

        def finish_request(self, request, client_address):
            self.RequestHandlerClass(request, client_address, self, directory=directory)

    test(HandlerClass=SimpleHTTPRequestHandler, ServerClass=DualStackServer,
         port=port, bind=bind, protocol=protocol)
    return 0


if __name__ == '__main__':
    sys.exit(_main(sys.argv[1:]))
