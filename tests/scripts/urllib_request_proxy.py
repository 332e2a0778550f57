# urllib.request through a proxy: ProxyHandler with explicit proxies and
# with the <scheme>_proxy / no_proxy environment variables, Basic proxy
# credentials, and the helpers that read proxy settings. The "proxy" is a
# local http.server that shows what it was asked for; the far hosts are
# never contacted.
import http.server
import os
import threading
import urllib.request

for name in list(os.environ):
    if name.lower().endswith("_proxy") or name == "REQUEST_METHOD":
        del os.environ[name]


class Proxy(http.server.BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def do_GET(self):
        body = "%s %s host=%s auth=%s ua=%s" % (self.command, self.path, self.headers.get("Host"),
                                               self.headers.get("Proxy-Authorization"),
                                               self.headers.get("User-Agent"))
        body = body.replace(str(port), "PORT").encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
port = server.server_address[1]
threading.Thread(target=server.serve_forever, daemon=True).start()
proxy_url = "http://127.0.0.1:%d" % port

print("explicit proxies")
for proxies in [{"http": proxy_url}, {"http": "http://joe:s%%40cret@127.0.0.1:%d/" % port},
                {"http": "127.0.0.1:%d" % port}, {"HTTP": proxy_url}]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler(proxies))
    with opener.open("http://far.example.invalid/page?x=1", timeout=300) as r:
        print(" ", r.read().decode())
handler = urllib.request.ProxyHandler({"http": proxy_url, "ftp": "ftp://other"})
print(" ", sorted(handler.proxies), handler.handler_order, callable(getattr(handler, "http_open", None)),
      callable(getattr(handler, "ftp_open", None)))

print("from the environment")
os.environ["http_proxy"] = proxy_url
os.environ["no_proxy"] = "direct.invalid, .skip.invalid,127.0.0.1"
print(" ", str(urllib.request.getproxies()).replace(str(port), "PORT"))
opener = urllib.request.build_opener()
with opener.open("http://far.example.invalid/env", timeout=300) as r:
    print(" ", r.read().decode())
with opener.open("http://127.0.0.1:%d/direct" % port, timeout=300) as r:
    print("  no_proxy:", r.read().decode())
for host in ["direct.invalid", "a.skip.invalid", "skip.invalid", "notskip.invalid", "DIRECT.INVALID:80",
             "127.0.0.1", "127.0.0.1:8080", "far.example"]:
    print(" ", host, urllib.request.proxy_bypass(host))
os.environ["no_proxy"] = "*"
print("  *:", urllib.request.proxy_bypass("anything"))
os.environ["HTTP_PROXY"] = "http://upper:1"
os.environ["https_proxy"] = ""
os.environ["HTTPS_PROXY"] = "http://secure:2"
print(" ", str(sorted(urllib.request.getproxies().items())).replace(str(port), "PORT"))
os.environ["REQUEST_METHOD"] = "GET"
print("  in CGI:", str(sorted(urllib.request.getproxies().items())).replace(str(port), "PORT"))
for name in ["http_proxy", "no_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "REQUEST_METHOD"]:
    del os.environ[name]
print(" ", urllib.request.getproxies(), urllib.request.proxy_bypass("x"))

print("proxy URLs")
for proxy in ["proxy.example:3128", "http://proxy.example:3128", "http://joe:password@proxy.example:3128/path",
              "joe:password@proxy.example", "https://proxy.example", "file:/ftp.example.com"]:
    try:
        print(" ", proxy, urllib.request._parse_proxy(proxy))
    except ValueError as e:
        print(" ", proxy, "ValueError:", e)

server.shutdown()
server.server_close()
