# socketserver: a threading TCP server with StreamRequestHandler, a
# threading UDP server with DatagramRequestHandler, a Unix stream server,
# a forking TCP server, handle_request, errors in handlers, shutdown and
# the with statement.
import os
import socket
import socketserver
import sys
import threading


class UpperHandler(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(line.upper())


class ReverseDatagram(socketserver.DatagramRequestHandler):
    def handle(self):
        self.wfile.write(self.rfile.read()[::-1])


def talk(address, lines, family=socket.AF_INET):
    with socket.socket(family, socket.SOCK_STREAM) as c:
        c.connect(address)
        f = c.makefile('rb')
        out = []
        for line in lines:
            c.sendall(line)
            out.append(f.readline())
        f.close()
        return out


with socketserver.ThreadingTCPServer(('127.0.0.1', 0), UpperHandler) as server:
    print(server.server_address[0], type(server.server_address[1]).__name__)
    print(server.socket.family, server.allow_reuse_address, server.daemon_threads)
    t = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05})
    t.start()
    results = {}
    def client(n):
        results[n] = talk(server.server_address, [('hello %d\n' % n).encode(), b'again\n'])
    threads = [threading.Thread(target=client, args=(n,)) for n in range(5)]
    for c in threads:
        c.start()
    for c in threads:
        c.join()
    print(sorted(results.items()))
    server.shutdown()
    t.join()

with socketserver.ThreadingUDPServer(('127.0.0.1', 0), ReverseDatagram) as server:
    t = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05})
    t.start()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as c:
        for msg in [b'abc', b'datagram']:
            c.sendto(msg, server.server_address)
            print(c.recvfrom(100)[0])
    server.shutdown()
    t.join()

path = '/tmp/gilvm-socketserver-%d' % os.getpid()
with socketserver.UnixStreamServer(path, UpperHandler) as server:
    t = threading.Thread(target=server.handle_request)
    t.start()
    print(talk(path, [b'unix\n'], socket.AF_UNIX))
    t.join()
os.remove(path)


class Failing(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.sendall(b'before\n')
        raise ValueError('handler failed')


class Quiet(socketserver.TCPServer):
    def handle_error(self, request, client_address):
        errors.append((sys.exc_info()[0].__name__, str(sys.exc_info()[1])))


errors = []


with Quiet(('127.0.0.1', 0), Failing) as server:
    t = threading.Thread(target=server.handle_request)
    t.start()
    with socket.create_connection(server.server_address) as c:
        print(c.recv(100))
        print(c.recv(100))
    t.join()
    print('handle_error:', errors)

with socketserver.TCPServer(('127.0.0.1', 0), UpperHandler) as server:
    server.timeout = 0.01
    timeouts = []
    server.handle_timeout = lambda: timeouts.append(1)
    server.handle_request()
    print('timeouts', timeouts)

if hasattr(os, 'fork'):
    class PidHandler(socketserver.StreamRequestHandler):
        def handle(self):
            line = self.rfile.readline()
            self.wfile.write(b'child ' + str(os.getpid() != self.server.parent).encode() + b' ' + line)

    with socketserver.ForkingTCPServer(('127.0.0.1', 0), PidHandler) as server:
        server.parent = os.getpid()
        t = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05})
        t.start()
        print(talk(server.server_address, [b'fork\n']))
        server.shutdown()
        t.join()

try:
    socketserver.TCPServer(('127.0.0.1', 70000), UpperHandler)
except OverflowError as e:
    print('OverflowError', e)
print(issubclass(socketserver.ThreadingTCPServer, socketserver.ThreadingMixIn))
