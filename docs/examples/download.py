# Threads on I/O-bound work: download ten comics one after another, then
# with ten threads, and compare. Each download mostly waits for the server,
# and a thread that waits on a socket releases the GIL, so ten threads wait
# at the same time and finish about ten times sooner.
#
#   gilvm download.py                      # against a local server started here,
#                                          # which takes 0.1 s per comic
#   gilvm download.py https://xkcd.com     # against a real server (on a machine
#                                          # with a network): comic N is fetched
#                                          # from BASE/N/info.0.json
#
# The same script runs under python3.
import http.server
import json
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

COMICS = range(100, 110)
SERVER_DELAY = 0.1  # seconds the local server takes per comic


class ComicHandler(http.server.BaseHTTPRequestHandler):
    """Serves /N/info.0.json (the shape of xkcd's JSON API) slowly."""

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        if len(parts) != 2 or not parts[0].isdigit() or parts[1] != "info.0.json":
            self.send_error(404)
            return
        time.sleep(SERVER_DELAY)  # a slow server: this wait is what threads overlap
        number = int(parts[0])
        comic = {"num": number, "title": "Comic %d" % number, "img": "/comics/%d.png" % number,
                 "transcript": " ".join("panel-%d-%d" % (number, i) for i in range(number))}
        body = json.dumps(comic).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass  # quiet: the point is the timing


class ComicServer(http.server.ThreadingHTTPServer):
    # Ten connections arrive at once. socketserver's default listen backlog
    # of 5 would let the kernel drop some of them, and a dropped connection
    # attempt is retried only after a second.
    request_queue_size = 32


def fetch(base, number):
    with urllib.request.urlopen("%s/%d/info.0.json" % (base, number), timeout=30) as response:
        return response.read()


def one_by_one(base):
    return [fetch(base, number) for number in COMICS]


def with_threads(base):
    with ThreadPoolExecutor(max_workers=len(COMICS)) as pool:
        return list(pool.map(lambda number: fetch(base, number), COMICS))


def timed(function, base):
    start = time.perf_counter()
    result = function(base)
    return result, time.perf_counter() - start


def main():
    server = None
    if len(sys.argv) > 1:
        base = sys.argv[1].rstrip("/")
    else:
        server = ComicServer(("127.0.0.1", 0), ComicHandler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = "http://127.0.0.1:%d" % server.server_address[1]
    print("downloading comics %d-%d from %s" % (COMICS[0], COMICS[-1], base))

    sequential, sequential_time = timed(one_by_one, base)
    threaded, threaded_time = timed(with_threads, base)

    size = sum(len(data) for data in sequential)
    print("one by one:  %d comics, %d bytes in %.2f s" % (len(sequential), size, sequential_time))
    print("10 threads:  %d comics, %d bytes in %.2f s (%.1fx faster)"
          % (len(threaded), sum(len(data) for data in threaded), threaded_time, sequential_time / threaded_time))
    print("same bytes both ways:", sequential == threaded)
    titles = [json.loads(data).get("title", "?") for data in threaded[:3]]
    print("first titles:", ", ".join(str(t) for t in titles))
    if server is not None:
        server.shutdown()
        server.server_close()
    if sequential != threaded:
        sys.exit(1)


if __name__ == "__main__":
    main()
