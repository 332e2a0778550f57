# urllib.request without a network: data: and file: URLs, urlretrieve,
# pathname2url/url2pathname, Request parsing, and URLs it cannot open.
import os
import urllib.error
import urllib.request

r = urllib.request.urlopen("data:text/plain;charset=utf-8,hello%20world")
print(r.read(), r.headers.items(), r.geturl(), r.status, r.getcode(), type(r.info()).__name__)
r = urllib.request.urlopen("data:,plain%2Ftext")
print(r.read(), r.headers.items())
r = urllib.request.urlopen("data:text/plain;charset=utf-8;base64,SGVsbG8sIFfDtnJsZCE=")
print(r.read(), r.headers.items())

here = os.path.join(os.getcwd(), "urllib_request_local.py")
with open(here, "rb") as f:
    mine = f.read()
url = "file://" + urllib.request.pathname2url(here)
with urllib.request.urlopen(url) as r:
    data = r.read()
    print(data == mine, r.headers.keys(), r.headers["Content-type"], r.headers["Content-length"] == str(len(mine)),
          r.geturl() == url, r.status)
print(r.closed)
try:
    urllib.request.urlopen("file:///nonexistent/x")
except urllib.error.URLError as e:
    print(repr(e.reason), str(e))
try:
    urllib.request.urlopen("file://otherhost/etc/passwd")
except urllib.error.URLError as e:
    print(repr(e.reason))
name, headers = urllib.request.urlretrieve(url)
print(name == here, headers["Content-type"])
target = "/tmp/gilvm-urlretrieve-%d" % os.getpid()
blocks = []
name, headers = urllib.request.urlretrieve(url, target, reporthook=lambda n, bs, size: blocks.append((n, bs)))
with open(target, "rb") as f:
    print(name == target, f.read() == mine, blocks[:2], headers["Content-length"] == str(len(mine)))
os.remove(target)

print(urllib.request.pathname2url("/a b/c%d/é"), urllib.request.url2pathname("/a%20b/%C3%A9"))
for url in ["http://example.com:8080/p?q#f", "HTTP://Example.com", "http://u:p@h/", "<URL:http://x/y>",
            "  http://spaced/  ", "file:///tmp/x", "data:,x"]:
    req = urllib.request.Request(url)
    print(repr(url), req.full_url, req.type, req.host, repr(req.selector), req.fragment, req.origin_req_host)
for url in ["", "nothing", "/path/only"]:
    try:
        urllib.request.Request(url)
    except ValueError as e:
        print("ValueError", e)
print(urllib.request.Request("http://x/", data=b"1").get_method(), urllib.request.Request("http://x/", method="PUT").get_method())
