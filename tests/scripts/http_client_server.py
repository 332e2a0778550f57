# http.client against an http.server in a thread of the same process:
# status lines, headers, Content-Length and chunked bodies, read(n),
# readline, readinto, keep-alive reuse of one connection, request bodies of
# every kind, the step-by-step request API, connection-state errors and
# broken responses. Server and Date headers vary, so they are left out.
import http.client
import http.server
import io
import sys
import threading

connections = []  # client ports seen by the server, one per connection
bodies = []
tunnels = []


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass  # the log has times and ports in it

    def setup(self):
        super().setup()
        connections.append(self.client_address[1])

    def reply(self, body, status=200, ctype="text/plain", extra=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        path = self.path
        if path == "/hello":
            self.reply(b"Hello, world!\n", extra=[("X-Thing", "one"), ("X-Thing", "two")])
        elif path == "/lines":
            self.reply(b"line one\nline two\r\nlast line without end")
        elif path == "/chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for piece in [b"first chunk;", b"", b" second", b" and a third, longer chunk\n"]:
                if piece:
                    self.wfile.write(("%x\r\n" % len(piece)).encode() + piece + b"\r\n")
            self.wfile.write(b"0\r\nX-Trailer: ignored\r\n\r\n")
        elif path == "/chunk-ext":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"5;name=value\r\nhello\r\n0\r\n\r\n")
        elif path == "/close":
            # No length: the body ends when the server closes.
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"until the end of the connection")
        elif path == "/headers":
            echoed = "".join("%s=%s\n" % (k.lower(), v) for k, v in self.headers.items())
            self.reply(echoed.encode())
        elif path == "/empty":
            self.send_response(204)
            self.end_headers()
        elif path == "/error":
            self.send_error(404, "No such thing")
        elif path == "/short":
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"only twenty bytes...")
        elif path == "/badstatus":
            self.wfile.write(b"garbage line\r\n\r\n")
            self.close_connection = True
        elif path == "/silent":
            self.close_connection = True  # closes without a word
        elif path == "/http10":
            self.wfile.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nold style body")
            self.close_connection = True
        elif path == "/badchunk":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"zz\r\nhello\r\n")
        else:
            self.reply(b"no route " + path.encode(), status=404)

    do_HEAD = do_GET

    def do_POST(self):
        if self.headers.get("Transfer-Encoding") == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().strip(), 16)
                if size == 0:
                    self.rfile.readline()
                    break
                data += self.rfile.read(size)
                self.rfile.readline()
            framing = "chunked"
        else:
            length = int(self.headers.get("Content-Length", 0))
            data = self.rfile.read(length)
            framing = "length %d" % length
        bodies.append(data)
        reply = "%s %s %s [%s] type=%s" % (self.command, self.path, data, framing, self.headers.get("Content-Type"))
        self.reply(reply.encode())

    do_PUT = do_POST

    def do_CONNECT(self):
        tunnels.append((self.path, self.request_version, self.headers.get("Proxy-Authorization")))
        if self.path.startswith("refused"):
            self.send_response(403)
            self.end_headers()
            return
        self.send_response(200, "Connection established")
        self.end_headers()
        self.close_connection = False  # the tunnelled requests follow


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
port = server.server_address[1]
thread = threading.Thread(target=server.serve_forever, daemon=True)
thread.start()


def show(response, body=None):
    headers = [(k, v) for k, v in response.getheaders() if k not in ("Server", "Date")]
    print(" ", response.status, repr(response.reason), response.version, headers)
    if body is not None:
        print("  body:", body)


conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
print(conn.host == "127.0.0.1", conn.port == port, conn.timeout, conn.sock)

print("GET /hello")
conn.request("GET", "/hello")
r = conn.getresponse()
show(r)
print(" ", r.getheader("x-thing"), r.getheader("Content-Length"), r.getheader("missing"), r.getheader("missing", "dflt"))
print(" ", r.headers.get_all("X-Thing"), r.msg is r.headers, r.info() is r.headers, r.getcode(), r.chunked, r.length,
      r.will_close, r.closed, r.isclosed())
print(" ", r.read(5), r.length, r.read(0), r.read(), r.length, r.isclosed(), r.read(), r.read(3))
first_sock = conn.sock

print("keep-alive: more requests on the same connection")
for path in ["/lines", "/chunked", "/hello"]:
    conn.request("GET", path)
    r = conn.getresponse()
    print(path, conn.sock is first_sock, r.will_close, r.chunked)
    if path == "/lines":
        print(" ", r.readline(), r.readline(4), r.readline(), r.readline(), r.readline(), r.isclosed())
        print(" ", r.read(), r.isclosed())
    elif path == "/chunked":
        print(" ", r.read(3), r.read(12), r.readline(), r.read(), r.isclosed())
    else:
        buf = bytearray(6)
        print(" ", r.readinto(buf), bytes(buf), r.readinto(memoryview(buf)[2:]), bytes(buf), r.read())

print("HEAD")
conn.request("HEAD", "/hello")
r = conn.getresponse()
show(r)
print(" ", r.length, r.read(), r.isclosed(), conn.sock is first_sock)

print("204 No Content, then 404 from send_error")
conn.request("GET", "/empty")
r = conn.getresponse()
show(r, r.read())
conn.request("GET", "/error")
r = conn.getresponse()
show(r)
page = r.read().decode()
print(page)
print(" ", r.will_close, conn.sock)

print("request bodies")
for body, headers in [(b"raw bytes", {}), ("a str body", {"Content-Type": "text/x-str"}),
                      (io.BytesIO(b"from a file"), {}), (iter([b"it", b"er", b"", b"able"]), {}),
                      (bytearray(b"bytearray"), {}), (memoryview(b"memview"), {}), (None, {}),
                      (b"explicit", {"Content-Length": "8", "Content-Type": "x/y"})]:
    conn.request("POST", "/echo", body=body, headers=headers)
    r = conn.getresponse()
    print(" ", r.status, r.read().decode())
conn.request("PUT", "/put", b"put body")
print(" ", conn.getresponse().read().decode())
conn.request("POST", "/chunked-by-caller", body=[b"abc", b"defg"], headers={"Transfer-Encoding": "chunked"},
             encode_chunked=True)
print(" ", conn.getresponse().read().decode())

print("headers the client sends")
conn.request("GET", "/headers", headers={"X-Custom": "value", "X-Number": 42})
r = conn.getresponse()
print(r.read().decode().replace(str(port), "PORT"), end="")
conn.request("GET", "/headers", headers={"Host": "example.com", "Accept-Encoding": "gzip"})
print(conn.getresponse().read().decode(), end="")

print("putrequest / putheader / endheaders / send")
conn.putrequest("POST", "/manual")
conn.putheader("Content-Type", "text/plain")
conn.putheader("Content-Length", "11")
conn.putheader("X-Multi", "a", "b")
conn.endheaders()
conn.send(b"hello ")
conn.send(b"world")
r = conn.getresponse()
print(" ", r.read().decode())
conn.putrequest("GET", "/headers", skip_host=True, skip_accept_encoding=True)
conn.putheader("Host", "manual-host")
conn.endheaders()
print(conn.getresponse().read().decode(), end="")
print("still one connection:", conn.sock is first_sock)

print("connection-state errors")
conn.request("GET", "/hello")
try:
    conn.request("GET", "/hello")
except http.client.CannotSendRequest as e:
    print("  CannotSendRequest", e.args)
r = conn.getresponse()
try:
    conn.getresponse()
except http.client.ResponseNotReady as e:
    print("  ResponseNotReady", e.args)
r.read()
conn.request("GET", "/hello")
try:
    conn.getresponse() and conn.getresponse()
except http.client.ResponseNotReady as e:
    print("  ResponseNotReady while the last body is unread", e.args)
conn.close()
try:
    conn.putheader("X", "y")
except http.client.CannotSendHeader as e:
    print("  CannotSendHeader", repr(e))
try:
    conn.endheaders()
except http.client.CannotSendHeader as e:
    print("  CannotSendHeader", repr(e))
for bad in [lambda: conn.request("GET", "/a b"), lambda: conn.request("GE\nT", "/"),
            lambda: conn.request("GET", "/", headers={"Bad Name:": "x"}),
            lambda: conn.request("GET", "/", headers={"X": "a\r\nInjected: 1"}),
            lambda: conn.request("GET", "/", body="caf\u00e9 \u20ac")]:
    try:
        bad()
    except UnicodeEncodeError as e:
        print(" ", type(e).__name__, e.args)
    except (ValueError, http.client.InvalidURL) as e:
        print(" ", type(e).__name__, e)
    conn.close()
print("  closed:", conn.sock)

print("the server closes: HTTP/1.0 reply, Connection: close, no length")
for path in ["/close", "/http10"]:
    c = http.client.HTTPConnection("127.0.0.1", port)
    c.request("GET", path)
    r = c.getresponse()
    show(r)
    print("  will_close", r.will_close, "length", r.length, "conn.sock", c.sock)
    print(" ", r.read(), r.isclosed())
    c.close()

print("broken responses")
for path in ["/badstatus", "/silent", "/short", "/badchunk"]:
    c = http.client.HTTPConnection("127.0.0.1", port)
    try:
        c.request("GET", path)
        r = c.getresponse()
        print(" ", path, r.status)
        print(" ", r.read())
    except http.client.HTTPException as e:
        print(" ", path, type(e).__name__, repr(e), isinstance(e, ConnectionError))
    except ValueError as e:
        print(" ", path, "ValueError")
    c.close()

c = http.client.HTTPConnection("127.0.0.1", port)
c.request("GET", "/chunk-ext")
print("chunk extensions:", c.getresponse().read())
c.close()

print("set_tunnel")
c = http.client.HTTPConnection("127.0.0.1", port)
c.set_tunnel("example.com", 8080, headers={"Proxy-Authorization": "secret"})
c.request("GET", "/headers")
print(c.getresponse().read().decode(), end="")
c.request("GET", "/hello")
print(" ", c.getresponse().read(), tunnels)
try:
    c.set_tunnel("other.example")
except RuntimeError as e:
    print("  RuntimeError:", e)
c.close()
c = http.client.HTTPConnection("127.0.0.1", port)
c.set_tunnel("refused.example")
try:
    c.request("GET", "/")
except OSError as e:
    print("  OSError:", e, c.sock)
c.close()

print("set_debuglevel and source_address")
import contextlib


def debug_chunks():
    yield b"ab"
    yield b"cd"


c = http.client.HTTPConnection("127.0.0.1", port, source_address=("127.0.0.1", 0))
c.set_debuglevel(1)
out = io.StringIO()
with contextlib.redirect_stdout(out):
    c.request("GET", "/hello", headers={"X-Debug": "1"})
    r = c.getresponse()
    r.read()
    c.request("POST", "/echo", body=debug_chunks())
    c.getresponse().read()
for line in out.getvalue().splitlines():
    if " at 0x" in line:
        line = line.split(" at 0x")[0] + ">"  # an object's address
    if not line.startswith(("header: Date:", "header: Server:")):
        print("  ", line.replace(str(port), "PORT"))
print("  ", c.sock.getsockname()[0], c.debuglevel)
c.close()

print("host and port parsing")
for args in [("example.com",), ("example.com:8080",), ("example.com:",), ("[::1]:81",), ("[::1]",),
             ("example.com", 99), ("::1",)]:
    c = http.client.HTTPConnection(*args)
    print(" ", args, c.host, c.port)
for bad in ["example.com:port", "exa mple.com"]:
    try:
        http.client.HTTPConnection(bad)
    except http.client.InvalidURL as e:
        print(" ", "InvalidURL", e)

conn.close()
server.shutdown()
server.server_close()
print("connections the server saw:", len(connections))
