# http.HTTPStatus and HTTPMethod, header parsing (http.client.parse_headers,
# HTTPMessage / email.message.Message lookups), http.client's exceptions and
# urllib.error: everything of HTTP that needs no socket.
import io
import http
import http.client
import email.message
import urllib.error
from http import HTTPStatus, HTTPMethod

print(repr(HTTPStatus.OK), HTTPStatus.OK, HTTPStatus.OK.value, HTTPStatus.OK.name, HTTPStatus.OK.phrase)
print(HTTPStatus.NOT_FOUND.description, HTTPStatus(404) is HTTPStatus.NOT_FOUND, HTTPStatus["IM_A_TEAPOT"].phrase)
print(HTTPStatus.OK == 200, 200 == HTTPStatus.OK, HTTPStatus.OK + 1, f"{HTTPStatus.CREATED}", "%d" % HTTPStatus.ACCEPTED)
print(len(HTTPStatus), [s.value for s in HTTPStatus][:10], isinstance(HTTPStatus.OK, int))
print(HTTPStatus.PROCESSING.description == "", HTTPStatus.TOO_MANY_REQUESTS.description)
try:
    HTTPStatus(999)
except ValueError as e:
    print("ValueError:", e)
print({HTTPStatus.OK: "x"}[200], sorted([HTTPStatus.NOT_FOUND, HTTPStatus.OK, HTTPStatus.FOUND]))
print(repr(HTTPMethod.GET), HTTPMethod.GET, HTTPMethod.GET == "GET", HTTPMethod.PATCH.description)
print([m.value for m in HTTPMethod], HTTPMethod("POST") is HTTPMethod.POST, http.__all__)

print(http.client.responses[200], http.client.responses[404], len(http.client.responses))
print(http.client.OK, http.client.NOT_FOUND == 404, repr(http.client.INTERNAL_SERVER_ERROR))
print(http.client.HTTP_PORT, http.client.HTTPS_PORT, http.client.error is http.client.HTTPException)

raw = (b"Content-Type: text/html; charset=UTF-8\r\n"
       b"Set-Cookie: a=1\r\n"
       b"X-Folded: first\r\n"
       b"  second line\r\n"
       b"set-cookie: b=2\r\n"
       b"Content-Length:  42 \r\n"
       b"X-Empty:\r\n"
       b"\r\n"
       b"body that is not read")
fp = io.BytesIO(raw)
msg = http.client.parse_headers(fp)
print(type(msg).__name__, isinstance(msg, email.message.Message), len(msg))
print(repr(fp.read()))
print(msg["content-type"], msg["CONTENT-LENGTH"], repr(msg["x-folded"]), repr(msg["x-empty"]), msg["missing"])
print(msg.get("Set-Cookie"), msg.get_all("set-cookie"), msg.get_all("nope"), msg.get_all("nope", []))
print(msg.get("nope", "default"), "set-cookie" in msg, "Nope" in msg, list(msg), msg.keys())
print(msg.items())
print(msg.values())
print(msg.get_content_type(), msg.get_content_maintype(), msg.get_content_subtype(), msg.get_content_charset())
print(msg.get_params(), msg.get_param("charset"), msg.get_param("nope"), msg.get_param("nope", "x"))
print(repr(str(msg)))
msg["X-New"] = "v"
del msg["set-cookie"]
print(msg.items())
msg.replace_header("x-new", "w")
print(msg["X-NEW"], msg.keys())
try:
    msg.replace_header("absent", "x")
except KeyError as e:
    print("KeyError", e)
msg.add_header("Content-Disposition", "attachment", filename="a b.txt")
print(msg["content-disposition"], msg.get_filename(), msg.get_content_disposition())
print(msg.getallmatchingheaders("x-new"))

for ctype in [None, "text/plain", "TEXT/HTML", "application/json; charset=\"ISO-8859-1\"", "bogus",
              "a/b/c", "multipart/mixed; boundary=xyz; charset=utf-8", "text/plain; charset=utf-8; format=flowed"]:
    m = http.client.HTTPMessage()
    if ctype is not None:
        m["Content-Type"] = ctype
    print(repr(ctype), m.get_content_type(), m.get_content_charset(), m.get_content_charset("fallback"),
          m.get_params(), m.get_boundary())

# Bare LF line ends, an empty header block, and limits.
print(http.client.parse_headers(io.BytesIO(b"A: 1\nB: 2\n\nrest")).items())
print(http.client.parse_headers(io.BytesIO(b"\r\n")).items(), http.client.parse_headers(io.BytesIO(b"")).items())
try:
    http.client.parse_headers(io.BytesIO(b"X: " + b"a" * 70000 + b"\r\n\r\n"))
except http.client.LineTooLong as e:
    print("LineTooLong:", e)
try:
    http.client.parse_headers(io.BytesIO(b"".join(("H%d: v\r\n" % i).encode() for i in range(101)) + b"\r\n"))
except http.client.HTTPException as e:
    print(type(e).__name__, e)
print(len(http.client.parse_headers(io.BytesIO(b"".join(("H%d: v\r\n" % i).encode() for i in range(99)) + b"\r\n"))))

# email.message.Message by itself.
m = email.message.Message()
m["To"] = "a@example.com"
m["to"] = "b@example.com"
m.set_payload("hello\n")
print(m.get_all("TO"), m.get_payload(), m.is_multipart(), m.get_default_type(), m.get_content_type())
print(repr(m.as_string()))

# Exceptions.
E = http.client
for exc in [E.IncompleteRead(b"abc"), E.IncompleteRead(b"abcd", 10), E.BadStatusLine(""), E.BadStatusLine("HTTX/1.0 200"),
            E.LineTooLong("header line"), E.UnknownProtocol("HTTP/2.0"), E.RemoteDisconnected("gone"),
            E.CannotSendRequest("Request-sent"), E.ResponseNotReady("Idle"), E.InvalidURL("bad"), E.NotConnected()]:
    print(type(exc).__name__, repr(exc), str(exc), exc.args)
rd = E.RemoteDisconnected("Remote end closed connection without response")
print(isinstance(rd, ConnectionResetError), isinstance(rd, E.BadStatusLine), isinstance(rd, OSError), rd.line)
print([c.__name__ for c in E.RemoteDisconnected.__mro__])
print(issubclass(E.CannotSendHeader, E.ImproperConnectionState), issubclass(E.IncompleteRead, E.HTTPException))
ir = E.IncompleteRead(b"xy", 3)
print(ir.partial, ir.expected)

print(urllib.error.__all__)
u = urllib.error.URLError("boom")
print(repr(u), str(u), u.args, u.reason, isinstance(u, OSError))
u = urllib.error.URLError(ConnectionRefusedError(111, "Connection refused"))
print(repr(u), str(u), type(u.reason).__name__)
u = urllib.error.URLError("x", "file.txt")
print(u.filename)
h = urllib.error.HTTPError("http://x/y", 404, "Not Found", {"A": "b"}, io.BytesIO(b"page"))
print(repr(h), str(h), h.code, h.reason, h.msg, h.headers, h.hdrs, h.filename, h.url, h.args)
print(h.read(), h.getcode(), h.geturl(), h.info(), h.status, isinstance(h, urllib.error.URLError))
h2 = urllib.error.HTTPError("http://x/", 500, "Oops", None, None)
print(h2.read(), h2.fp is not None)
c = urllib.error.ContentTooShortError("short", b"xx")
print(repr(c), str(c), c.content, c.reason)
