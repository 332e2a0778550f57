# urllib.request against an http.server in a thread: urlopen with a str or
# a Request, POST data, the response object, HTTPError for 4xx/5xx (readable
# error pages), redirects (301/302/303/307/308, loops), URLError for refused
# connections and unknown schemes, and timeouts. Server, Date and the port
# vary, so they are left out or replaced.
import http.server
import os
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

# Proxies from the environment would take these requests elsewhere.
for name in list(os.environ):
    if name.lower().endswith("_proxy"):
        del os.environ[name]


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def reply(self, body, status=200, headers=()):
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def describe(self):
        length = int(self.headers.get("Content-Length", 0) or 0)
        data = self.rfile.read(length) if length else b""
        if self.headers.get("Transfer-Encoding") == "chunked":
            # Read the whole chunked body before answering: a reply sent
            # while the client is still sending would race its writes.
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                chunk = self.rfile.read(size + 2)[:size]
                if size == 0:
                    break
                data += chunk
        headers = sorted((k.lower(), v.replace(str(port), "PORT")) for k, v in self.headers.items())
        return ("%s %s data=%r headers=%r" % (self.command, self.path, data, headers)).encode()

    def do_GET(self):
        parts = urllib.parse.urlsplit(self.path)
        path, query = parts.path, urllib.parse.parse_qs(parts.query)
        if path.startswith("/redirect/"):
            # /redirect/CODE/N: N more redirects with status CODE, then /echo.
            _, _, code, remaining = path.split("/")
            target = "/echo" if remaining == "0" else "/redirect/%s/%d" % (code, int(remaining) - 1)
            if "absolute" in query:
                target = "http://127.0.0.1:%d%s" % (port, target)
            self.send_response(int(code))
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/nolocation":
            self.reply(b"moved, but where?", status=302)
        elif path == "/badscheme":
            self.send_response(302)
            self.send_header("Location", "ftpx://elsewhere/")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path.startswith("/status/"):
            code = int(path.split("/")[2])
            if "plain" in query:
                self.reply(b"plain error body", status=code, headers=[("X-Why", "because")])
            else:
                self.send_error(code)
        elif path == "/slow":
            time.sleep(1.0)
            self.reply(b"late")
        elif path == "/unicode":
            self.reply("Grüße, 世界\n".encode("utf-8"))
        else:
            self.reply(self.describe())

    def do_POST(self):
        if self.path.startswith("/redirect/"):
            self.rfile.read(int(self.headers.get("Content-Length", 0) or 0))
            return self.do_GET()
        self.reply(self.describe())

    do_PUT = do_DELETE = do_PATCH = do_POST

    def do_HEAD(self):
        self.reply(b"head body is not sent")


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
port = server.server_address[1]
base = "http://127.0.0.1:%d" % port
threading.Thread(target=server.serve_forever, daemon=True).start()


def clean(text):
    return str(text).replace(str(port), "PORT")


def show(response):
    headers = [(k, v) for k, v in response.headers.items() if k not in ("Server", "Date")]
    print(" ", response.status, response.getcode(), response.reason, response.msg, clean(response.geturl()),
          clean(response.url), headers)


print("urlopen a str")
with urllib.request.urlopen(base + "/echo?x=1") as r:
    show(r)
    print(" ", type(r).__name__, r.info() is r.headers, r.closed)
    print(" ", r.read().decode())
print("  closed after with:", r.closed)

r = urllib.request.urlopen(base + "/unicode")
data = r.read()
print(" ", data, data.decode(r.headers.get_content_charset()), r.headers.get_content_type())
r.close()

print("Request objects")
req = urllib.request.Request(base + "/echo/path?q=1#frag", headers={"X-Custom": "abc", "user-AGENT": "tester/1"})
print(" ", clean(req.full_url), req.type, clean(req.host), req.selector, req.fragment, req.get_method(), req.data)
print(" ", req.headers, req.has_header("X-custom"), req.get_header("User-agent"), req.get_header("Nope", "d"))
req.add_header("x-another", "1")
req.add_unredirected_header("X-unredirected", "2")
print(" ", sorted(req.header_items()), req.origin_req_host, req.unverifiable)
with urllib.request.urlopen(req) as r:
    print(" ", r.read().decode())
req.remove_header("X-custom")
print(" ", req.has_header("X-custom"))
req.full_url = base + "/other"
print(" ", clean(req.full_url), req.selector, req.fragment)

print("POST data and methods")
for data, method, headers in [(b"a=1&b=2", None, {}), (urllib.parse.urlencode({"k": "v w"}).encode(), None, {}),
                              (b"json", "PUT", {"Content-Type": "application/json"}), (None, "DELETE", {}),
                              ([b"chunk1", b"chunk2"], None, {}), (b"", "PATCH", {})]:
    req = urllib.request.Request(base + "/submit", data=data, headers=headers, method=method)
    print(" ", req.get_method(), end=" ")
    with urllib.request.urlopen(req) as r:
        print(r.read().decode())
with urllib.request.urlopen(base + "/submit", data=b"direct") as r:
    print(" ", r.read().decode())
try:
    urllib.request.urlopen(base + "/submit", data="a str")
except TypeError as e:
    print("  TypeError:", e)
req = urllib.request.Request(base + "/x", data=b"abc")
req.add_header("Content-length", "3")
req.data = b"abcdef"
print(" ", req.has_header("Content-length"), req.get_method())
del req.data
print(" ", req.data, req.get_method())

print("HEAD")
r = urllib.request.urlopen(urllib.request.Request(base + "/h", method="HEAD"))
show(r)
print(" ", r.read())

print("HTTPError")
for path in ["/status/404", "/status/500", "/status/403?plain=1", "/status/418", "/status/503"]:
    try:
        urllib.request.urlopen(base + path)
    except urllib.error.HTTPError as e:
        body = e.read()
        print(" ", repr(e), str(e), e.code, e.reason, e.msg, clean(e.geturl()), clean(e.filename))
        print("   ", e.headers.get("Content-Type"), e.headers.get("X-Why"), len(body), body[:60], e.status)
        print("   ", isinstance(e, urllib.error.URLError), isinstance(e, OSError))
        e.close()

print("redirects")
for code in [301, 302, 303, 307, 308]:
    with urllib.request.urlopen(base + "/redirect/%d/2" % code) as r:
        print(" ", code, "GET", r.status, clean(r.url), r.read().decode().split(" headers")[0])
    req = urllib.request.Request(base + "/redirect/%d/1" % code, data=b"posted")
    try:
        with urllib.request.urlopen(req) as r:
            print(" ", code, "POST", r.status, clean(r.url), r.read().decode().split(" headers")[0])
    except urllib.error.HTTPError as e:
        print(" ", code, "POST", "HTTPError", e.code, e.reason, clean(e.filename))
with urllib.request.urlopen(base + "/redirect/302/1?absolute=1") as r:
    print("  absolute Location:", clean(r.url))
for path in ["/loop", "/nolocation", "/badscheme", "/redirect/302/12"]:
    try:
        urllib.request.urlopen(base + path)
    except urllib.error.HTTPError as e:
        print(" ", path, e.code, repr(e.reason), clean(e.filename))

print("URLError")
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
closed_port = probe.getsockname()[1]
probe.close()
try:
    urllib.request.urlopen("http://127.0.0.1:%d/" % closed_port)
except urllib.error.URLError as e:
    print("  refused:", type(e).__name__, type(e.reason).__name__, e.reason.errno, str(e))
for url in ["ftpx://host/file", "localhost:80/path"]:
    try:
        urllib.request.urlopen(url)
    except urllib.error.URLError as e:
        print(" ", url, type(e).__name__, e.reason)
for url in ["no-scheme", "http://"]:
    try:
        urllib.request.urlopen(url)
    except (ValueError, urllib.error.URLError) as e:
        print(" ", url, type(e).__name__, e)

print("timeouts")
try:
    urllib.request.urlopen(base + "/slow", timeout=0.2)
except (TimeoutError, urllib.error.URLError) as e:
    print("  ", type(e).__name__, e)
with urllib.request.urlopen(base + "/echo", timeout=300) as r:
    print("   with a timeout that is long enough:", r.status)

print("openers")
opener = urllib.request.build_opener()
names = [type(h).__name__ for h in opener.handlers]
print(" ", [n in names for n in ["UnknownHandler", "HTTPHandler", "HTTPDefaultErrorHandler", "HTTPRedirectHandler",
                                 "FileHandler", "HTTPErrorProcessor", "DataHandler"]], opener.addheaders)
print(" ", [h.handler_order for h in opener.handlers if type(h).__name__ == "HTTPErrorProcessor"])
opener.addheaders = [("User-agent", "custom-agent/2")]
print(" ", opener.open(base + "/ua").read().decode().split("headers=")[1])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


opener = urllib.request.build_opener(NoRedirect)
try:
    opener.open(base + "/redirect/302/1")
except urllib.error.HTTPError as e:
    print("  without redirects:", e.code, e.headers["Location"])
names = [type(h).__name__ for h in opener.handlers]
print(" ", "NoRedirect" in names, "HTTPRedirectHandler" in names)

server.shutdown()
server.server_close()
