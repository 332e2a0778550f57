"""A threaded TCP echo server's round trips: the measured process serves
127.0.0.1 with one thread per connection (recv, then sendall what came);
the clients run in a separate process, the same python3 load generator
for both interpreters (so that only the server differs), driving CLIENTS
connections from one thread with a selector, each with one 64-byte message
in flight. Every round trip therefore crosses the server's GIL twice (a
thread wakes from recv, takes the GIL, sends, blocks again). The client
times its round trips and prints the figure; the printed checksum is the
number of round trips. GILVM_BENCH_CLIENT names another interpreter for
the load generator."""
import os
import selectors
import socket
import subprocess
import sys
import threading
import time

MESSAGE = b'x' * 64


def serve(listener, handlers):
    while True:
        conn, _ = listener.accept()
        if conn.recv(1) != b'+':
            conn.close()
            return
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        t = threading.Thread(target=echo, args=(conn,))
        t.start()
        handlers.append(t)


def echo(conn):
    with conn:
        while True:
            data = conn.recv(4096)
            if not data:
                return
            conn.sendall(data)


def drive(address, clients, rounds):
    """The child: `rounds` round trips on each of `clients` connections."""
    socks = []
    for _ in range(clients):
        s = socket.create_connection(address)
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        s.sendall(b'+')
        socks.append(s)
    sel = selectors.DefaultSelector()
    left = {}
    start = time.perf_counter()
    for s in socks:
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ)
        left[s] = rounds
        s.send(MESSAGE)
    pending = {s: 0 for s in socks}
    active = clients
    while active:
        for key, _ in sel.select():
            s = key.fileobj
            pending[s] += len(s.recv(4096))
            if pending[s] < len(MESSAGE):
                continue
            pending[s] = 0
            left[s] -= 1
            if left[s] == 0:
                sel.unregister(s)
                active -= 1
            else:
                s.send(MESSAGE)
    elapsed = time.perf_counter() - start
    for s in socks:
        s.close()
    return elapsed


def measure(clients, rounds):
    listener = socket.create_server(('127.0.0.1', 0))
    handlers = []
    server = threading.Thread(target=serve, args=(listener, handlers))
    server.start()
    client = os.environ.get("GILVM_BENCH_CLIENT", "python3")
    host, port = listener.getsockname()
    here = os.path.dirname(os.path.abspath(__file__))
    done = subprocess.run([client, os.path.join(here, "tcp_echo_common.py"), str(clients), str(rounds), host, str(port)],
                          stdout=subprocess.PIPE, check=True)
    elapsed = float(done.stdout)
    socket.create_connection(listener.getsockname()).close()  # stops serve()
    server.join()
    for t in handlers:
        t.join()
    listener.close()
    total = clients * rounds
    print(f"round trips/s: {total / elapsed:.0f}")
    print(f"measure: {elapsed:.6f}")
    print(total)


if __name__ == "__main__":
    # The load generator: CLIENTS ROUNDS HOST PORT -> seconds on stdout.
    n_clients, n_rounds, server_host, server_port = sys.argv[1:5]
    print(repr(drive((server_host, int(server_port)), int(n_clients), int(n_rounds))))
