# HTTPS: http.client.HTTPSConnection and urllib.request over TLS to an
# http.server whose listening socket is wrapped with the test certificate
# (made for the run, self-signed for localhost and 127.0.0.1). Certificate checks
# that pass and fail, contexts, and check_hostname.
import http.client
import http.server
import os
import ssl
import sys
import threading
import urllib.error
import urllib.request
import warnings

# Proxies from the environment would take these requests elsewhere.
for name in list(os.environ):
    if name.lower().endswith("_proxy"):
        del os.environ[name]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        body = ("secure %s via %s" % (self.path, type(self.connection).__name__)).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        data = self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data.upper())


sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib_modules"))
import test_certificate

CERT, KEY = test_certificate.make_self_signed()
server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_context.load_cert_chain(CERT, KEY)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.socket = server_context.wrap_socket(server.socket, server_side=True)
port = server.server_address[1]
threading.Thread(target=server.serve_forever, daemon=True).start()

trusting = ssl.create_default_context(cafile=CERT)
print("HTTPSConnection")
conn = http.client.HTTPSConnection("127.0.0.1", port, context=trusting, timeout=300)
print(conn.default_port, conn.port == port, http.client.HTTPS_PORT, "HTTPSConnection" in http.client.__all__)
for path in ["/one", "/two"]:
    conn.request("GET", path)
    r = conn.getresponse()
    print(" ", r.status, r.reason, r.read(), type(conn.sock).__name__, conn.sock.version() in ("TLSv1.2", "TLSv1.3"))
conn.request("POST", "/up", body=b"shout")
print(" ", conn.getresponse().read())
peer = conn.sock.getpeercert()
print(" ", peer["subject"], peer["subjectAltName"])
conn.close()

conn = http.client.HTTPSConnection("localhost", port, context=trusting, timeout=300)
conn.request("GET", "/by-name")
print(" ", conn.getresponse().read())
conn.close()

print("urlopen")
with urllib.request.urlopen("https://127.0.0.1:%d/url" % port, context=trusting, timeout=300) as r:
    print(" ", r.status, r.read(), r.url.replace(str(port), "PORT"))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with urllib.request.urlopen("https://localhost:%d/cafile" % port, cafile=CERT, timeout=300) as r:
        print(" ", r.read(), [str(w.category.__name__) for w in caught])
opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=trusting))
print(" ", opener.open("https://127.0.0.1:%d/opener" % port, timeout=300).read())
names = [type(h).__name__ for h in urllib.request.build_opener().handlers]
print(" ", "HTTPSHandler" in names, "HTTPSHandler" in urllib.request.__all__)

print("certificate checks")
for label, context in [("default context", None), ("system CAs", ssl.create_default_context())]:
    try:
        urllib.request.urlopen("https://127.0.0.1:%d/" % port, context=context, timeout=300)
    except urllib.error.URLError as e:
        reason = e.reason
        print(" ", label, type(e).__name__, type(reason).__name__, isinstance(reason, ssl.SSLError),
              reason.verify_code, reason.verify_message)
try:
    c = http.client.HTTPSConnection("127.0.0.1", port, timeout=300)
    c.request("GET", "/")
except ssl.SSLCertVerificationError as e:
    print("  HTTPSConnection without a context:", e.verify_message)
unverified = ssl.create_default_context()
unverified.check_hostname = False
unverified.verify_mode = ssl.CERT_NONE
with urllib.request.urlopen("https://127.0.0.1:%d/unverified" % port, context=unverified, timeout=300) as r:
    print("  unverified:", r.read())
try:
    http.client.HTTPSConnection("127.0.0.1", port, context=unverified, check_hostname=True)
except ValueError as e:
    print("  ValueError:", e)
except DeprecationWarning as e:
    print("  DeprecationWarning")

server.shutdown()
server.server_close()
test_certificate.remove(CERT, KEY)
