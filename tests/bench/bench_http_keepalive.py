# 1,000 sequential GETs on one kept-alive connection: http.client against
# an http.server (protocol HTTP/1.1) running in a forked child process, so
# each side has a whole interpreter. Measures the request/response path of
# both libraries: header formatting and parsing, buffered socket reads and
# writes, and Content-Length framing.
import http.client
import http.server
import os
import signal
import time

REQUESTS = 1000


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body leave in separate writes; without this, Nagle's
    # algorithm holds the body until the client's delayed ACK (40 ms).
    disable_nagle_algorithm = True

    def do_GET(self):
        body = ("item %s\n" % self.path).encode() * 8
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
port = server.server_address[1]
pid = os.fork()
if pid == 0:
    try:
        server.serve_forever()
    finally:
        os._exit(0)
server.socket.close()

conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
total = 0
start = time.perf_counter()
for i in range(REQUESTS):
    conn.request("GET", "/item/%d" % (i % 10))
    response = conn.getresponse()
    total += len(response.read())
elapsed = time.perf_counter() - start
conn.close()
os.kill(pid, signal.SIGTERM)
os.waitpid(pid, 0)
print(f"measure: {elapsed:.6f}")
print(total)
