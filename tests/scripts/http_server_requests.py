# http.server seen from a raw socket: request-line and header errors with
# CPython's error pages, HTTP/0.9, keep-alive and pipelining under
# HTTP/1.1, Expect: 100-continue, the log line format; then
# SimpleHTTPRequestHandler serving a folder (files, listings, redirects,
# HEAD, 404s, If-Modified-Since, paths that try to leave the folder).
# Date, Server and Last-Modified headers vary and are left out.
import http.server
import io
import os
import socket
import sys
import threading


def start(handler):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def exchange(server, raw, shutdown_write=True):
    """Send raw bytes, read until the server closes, show the replies."""
    with socket.create_connection(server.server_address, timeout=300) as sock:
        sock.sendall(raw)
        if shutdown_write:
            sock.shutdown(socket.SHUT_WR)
        data = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    lines = [line for line in data.split(b"\r\n")
             if not line.startswith((b"Date:", b"Server:", b"Last-Modified:"))]
    text = b"\r\n".join(lines).decode("utf-8", "replace")
    for line in text.split("\n"):
        print("   |", line.rstrip("\r"))


log_lines = []


class Quiet:
    def log_message(self, format, *args):
        log_lines.append(format % args)


class NoMethods(Quiet, http.server.BaseHTTPRequestHandler):
    pass


class Echo(Quiet, http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        body = ("%s %s %s connection=%s\n" % (self.command, self.path, self.request_version,
                                              self.headers.get("Connection"))).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        data = self.rfile.read(int(self.headers["Content-Length"]))
        body = b"got " + data
        self.send_response(201, "Made It")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


plain = start(NoMethods)
echo = start(Echo)

print("request-line errors")
for raw in [b"GET / HTTP/1.0\r\n\r\n", b"BLAH\r\n\r\n", b"GET / HTTP/1.1 extra\r\n\r\n",
            b"GET / HTTP/2.0\r\n\r\n", b"GET / HTTP/1.x\r\n\r\n", b"GET / HTTP/1.1.1\r\n\r\n",
            b"GET / FTP/1.0\r\n\r\n", b"\r\n", b"", b"GET /\r\n", b"POST /\r\n",
            b"GET /" + b"x" * 70000 + b" HTTP/1.0\r\n\r\n",
            b"GET / HTTP/1.0\r\n" + b"".join(("H%d: v\r\n" % i).encode() for i in range(120)) + b"\r\n",
            b"GET / HTTP/1.0\r\nX: " + b"y" * 70000 + b"\r\n\r\n"]:
    print(" ", repr(raw[:40]), len(raw))
    exchange(plain if raw.startswith(b"GET / HTTP/1.0\r\n\r\n") else echo, raw)

print("HTTP/1.1 keep-alive and pipelining")
exchange(echo, b"GET /one HTTP/1.1\r\nHost: x\r\n\r\n"
               b"GET //two HTTP/1.1\r\nHost: x\r\n\r\n"
               b"POST /three HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"
               b"GET /four HTTP/1.0\r\n\r\n"
               b"GET /never HTTP/1.1\r\n\r\n")
exchange(echo, b"GET /a HTTP/1.1\r\nConnection: close\r\n\r\nGET /b HTTP/1.1\r\n\r\n")
exchange(echo, b"GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /b HTTP/1.1\r\nConnection: close\r\n\r\n")
print("Expect: 100-continue")
exchange(echo, b"POST /e HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc")
print("an unsupported method on a HEAD-less handler")
exchange(echo, b"HEAD / HTTP/1.1\r\n\r\n")


print("the log")


class Logged(http.server.BaseHTTPRequestHandler):
    def log_date_time_string(self):
        return "DATE"

    def address_string(self):
        return "CLIENT"

    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")
        self.log_message("custom %s and %d", "text", 5)


logged = start(Logged)
saved_stderr = sys.stderr
sys.stderr = captured = io.StringIO()
try:
    for raw in [b"GET /plain HTTP/1.0\r\n\r\n", b"GET /esc\x1b[31m\\ HTTP/1.0\r\n\r\n", b"PUT /x HTTP/1.0\r\n\r\n",
                b"GET / HTTP/9.9\r\n\r\n"]:
        with socket.create_connection(logged.server_address, timeout=300) as sock:
            sock.sendall(raw)
            while sock.recv(65536):
                pass
finally:
    sys.stderr = saved_stderr
print(captured.getvalue(), end="")
logged.shutdown()

h = http.server.BaseHTTPRequestHandler
print(h.server_version, h.protocol_version, h.default_request_version, h.error_content_type, h.MessageClass.__name__)
print(h.responses[404], h.responses[200], len(h.responses), h.weekdayname, h.monthname)
print(http.server.SimpleHTTPRequestHandler.server_version, http.server.SimpleHTTPRequestHandler.extensions_map)
print(http.server.__all__[:4], issubclass(http.server.ThreadingHTTPServer, http.server.HTTPServer),
      http.server.ThreadingHTTPServer.daemon_threads, http.server.HTTPServer.allow_reuse_address)
print(repr(http.server.DEFAULT_ERROR_MESSAGE[:60]), http.server.DEFAULT_ERROR_CONTENT_TYPE)
print(sorted(set(log_lines)) == sorted(set(log_lines)), len(log_lines) > 10)

print("SimpleHTTPRequestHandler")
root = "/tmp/gilvm-http-server-test-%d" % os.getpid()
os.mkdir(root)
os.mkdir(root + "/sub")
os.mkdir(root + "/with index")
files = {"file.txt": b"plain text\n", "a b.txt": b"spaces", "data.json": b"{}", "archive.tar.gz": b"gz",
         "Upper.HTML": b"<p>", "noext": b"?", "sub/inner.txt": b"inner", "with index/index.html": b"<h1>index</h1>",
         "amp&lt.txt": b"&", "x.unknownext": b"u"}
for name, data in files.items():
    with open(os.path.join(root, name), "wb") as f:
        f.write(data)


class Files(Quiet, http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=root, **kwargs)


files_server = start(Files)
for path in ["/", "/sub", "/sub/", "/sub/?q=1", "/file.txt", "/a%20b.txt", "/data.json", "/archive.tar.gz",
             "/Upper.HTML", "/noext", "/x.unknownext", "/sub/inner.txt", "/with%20index/", "/missing",
             "/file.txt/", "/../../../etc/hostname", "/sub/../file.txt", "/%2e%2e/file.txt",
             "/file.txt?query#frag", "/amp%26lt.txt", "/sub/inner.txt/.."]:
    print(" ", path)
    exchange(files_server, ("GET %s HTTP/1.0\r\n\r\n" % path).encode())
print("  HEAD /file.txt")
exchange(files_server, b"HEAD /file.txt HTTP/1.0\r\n\r\n")
print("  If-Modified-Since")
exchange(files_server, b"GET /file.txt HTTP/1.0\r\nIf-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r\n\r\n")
exchange(files_server, b"GET /file.txt HTTP/1.0\r\nIf-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT\r\n\r\n")
exchange(files_server, b"GET /file.txt HTTP/1.0\r\nIf-Modified-Since: not a date\r\n\r\n")
exchange(files_server, b"GET /file.txt HTTP/1.0\r\nIf-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r\n"
                       b"If-None-Match: x\r\n\r\n")
print("  POST")
exchange(files_server, b"POST /file.txt HTTP/1.0\r\nContent-Length: 0\r\n\r\n")

handler = Files.__new__(Files)
handler.directory = "/srv"
for path in ["/", "/a/b", "/a/../b", "/../x", "/a//b/", "/a%2Fb", "/c:/x", "/./y?q", "/z#f", "/%E2%82%AC"]:
    print(" ", path, handler.translate_path(path))
for name in ["a.txt", "a.TXT", "b.gz", "c.tar.gz", "d.bz2", "e.xz", "f.Z", "g.png", "h.py", "i", "j.css", "k.js"]:
    print(" ", name, handler.guess_type(name))

for server in (plain, echo, files_server):
    server.shutdown()
    server.server_close()
for name in files:
    os.remove(os.path.join(root, name))
for folder in ("sub", "with index", ""):
    os.rmdir(os.path.join(root, folder))
print("done")
