# urllib.parse: splitting and unsplitting URLs, the result types and their
# netloc properties, joining relative references and defragmenting.
from urllib.parse import (urlparse, urlsplit, urlunparse, urlunsplit, urljoin, urldefrag,
                          ParseResult, SplitResult, DefragResult, ParseResultBytes)

URLS = [
    "http://www.python.org/doc/lib;params?query=1&x=2#frag",
    "https://user:pw@Example.COM:8080/a/b/c.html?q#top",
    "http://[::1]:80/index",
    "http://[fe80::1%25eth0]/x",
    "ftp://ftp.example.org/pub/file.txt",
    "file:///etc/passwd",
    "file:/tmp/x",
    "mailto:someone@example.com",
    "news:comp.lang.python",
    "//host.only/path",
    "/just/a/path?x=1",
    "relative/path;p?q#f",
    "",
    "HTTP://UPPER.case/PATH",
    "  \t http://spaced.example/a b\n",
    "http://host",
    "http://host?q",
    "http://host#f",
    "http://user@host",
    "http://:pass@host:0",
    "http://host:/path",
    "path:80",
    "a1+-.b://x/y",
    "1http://x",
    "sip:alice@atlanta.com;transport=tcp",
    "tel:+1-201-555-0123;ext=1",
    "http://h/p;a;b/c;d",
    "javascript:alert(1)",
    "http://a/b/c/d;p?q",
    "data:text/plain;base64,SGVsbG8=",
]

for url in URLS:
    p = urlparse(url)
    s = urlsplit(url)
    print(repr(url))
    print("  ", p)
    print("  ", s)
    print("   unparse:", repr(urlunparse(p)), "unsplit:", repr(urlunsplit(s)), "geturl:", repr(p.geturl()))
    print("   user/pw/host:", p.username, p.password, p.hostname)
    try:
        print("   port:", p.port)
    except ValueError as e:
        print("   port ValueError:", e)

print(urlparse("path", "http"), urlsplit("//x/y", scheme="https"))
print(urlsplit("http://x/y#frag", allow_fragments=False))
print(urlparse("http://x/y?a#b", allow_fragments=False))

# Bad ports and IPv6 brackets.
for url in ["http://host:abc/", "http://host:99999/", "http://host:-1/", "http://host: 80/", "http://host:٣/"]:
    try:
        print(url, urlsplit(url).port)
    except ValueError as e:
        print(url, "ValueError:", e)
for url in ["http://[::1/", "http://::1]/", "http://[notipv6]/", "http://[v1.fe]/", "http://[::ffff:1.2.3.4]/",
            "http://[1:2:3:4:5:6:7:8]/", "http://[1:2:3:4:5:6:7:8:9]/", "http://[::]/"]:
    try:
        print(url, urlsplit(url).hostname)
    except ValueError as e:
        print(url, "ValueError:", e)

# Result types.
r = urlparse("http://u:p@H:1/p;a?q#f")
print(type(r).__name__, isinstance(r, tuple), len(r), r[0], r.scheme, r._fields)
print(r._replace(scheme="https").geturl())
print(r == ("http", "u:p@H:1", "/p", "a", "q", "f"), tuple(r))
s = SplitResult("http", "h", "/", "", "")
print(s, s.geturl(), s.hostname, s.port)
e = r.encode()
print(type(e).__name__, e, e.hostname, e.port, e.username, e.password)
print(type(e.decode()).__name__, e.decode() == r)

# Bytes in, bytes out.
print(urlparse(b"http://h:8/p?q#f"))
print(urlsplit(b"//h/p"))
print(urlunparse((b"http", b"h", b"/p", b"", b"q", b"")), urlunsplit((b"s", b"n", b"p", b"q", b"f")))
print(urljoin(b"http://a/b/c", b"../d"), urldefrag(b"http://a/b#c"))
try:
    urljoin("http://a/", b"x")
except TypeError as e:
    print("TypeError:", e)
try:
    urlparse("http://a/", b"http")
except TypeError as e:
    print("TypeError:", e)

# Unsplitting edge cases.
for parts in [("http", "", "path", "", ""), ("", "", "//x", "", ""), ("http", "", "//x", "", ""),
              ("mailto", "", "a@b", "", ""), ("", "net", "p", "q", "f"), ("file", "", "/tmp", "", ""),
              ("", "", "", "", "")]:
    print(parts, repr(urlunsplit(parts)))
print(repr(urlunparse(("http", "h", "/p", "par", "", ""))))

# RFC 3986 section 5.4's examples, and some more.
BASE = "http://a/b/c/d;p?q"
for ref in ["g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x", "g;x",
            "g;x?y#s", "", ".", "./", "..", "../", "../g", "../..", "../../", "../../g",
            "../../../g", "../../../../g", "/./g", "/../g", "g.", ".g", "g..", "..g", "./../g",
            "./g/.", "g/./h", "g/../h", "g;x=1/./y", "g;x=1/../y", "g?y/./x", "g?y/../x",
            "g#s/./x", "g#s/../x", "http:g", "http:", "https:g", "//h/./x", "a//b", "../a//b"]:
    print(f"{ref!r:14} -> {urljoin(BASE, ref)!r}")
print(urljoin("http://a/b/c/", "../../../.."), urljoin("http://a", "b"), urljoin("http://a/", "?x"))
print(urljoin("", "x"), urljoin("http://a/", ""), urljoin("mailto:a@b", "c"), urljoin("svn://a/b/", "c"))
print(urljoin("http://a/b", "http://c/d"), urljoin("http://a/b", "ftp://c/d"), urljoin("http://a/b#f", "#g"))
print(urljoin("http://a/b/c", "g", allow_fragments=False), urljoin("file:///tmp/a", "b"))

# Defragmenting.
for url in ["http://a/b#frag", "http://a/b", "http://a/b#", "rel#x", "#only", "http://a/b?q#f#g"]:
    d = urldefrag(url)
    print(repr(url), d, d.url, d.fragment, d.geturl())
print(type(urldefrag("x")).__name__, isinstance(urldefrag("x"), DefragResult))
