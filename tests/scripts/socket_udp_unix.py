# UDP echo on 127.0.0.1, Unix stream and datagram sockets in a temporary
# folder, socketpair with recv_into/recvfrom_into, and small helpers.
import os
import socket
import threading

# --- UDP echo
srv = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
srv.bind(('127.0.0.1', 0))
addr = srv.getsockname()
print(srv.type, repr(srv.type), srv.getblocking())

def udp_echo():
    for _ in range(3):
        data, peer = srv.recvfrom(1024)
        srv.sendto(data[::-1], peer)

t = threading.Thread(target=udp_echo)
t.start()
cli = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for msg in [b'abc', b'hello world', b'']:
    cli.sendto(msg, addr)
    data, peer = cli.recvfrom(1024)
    print(data, peer == addr)
t.join()
cli.close()
srv.close()

# --- Unix stream socket
d = '/tmp/gilvm-net-test-%d' % os.getpid()
os.mkdir(d)
if True:
    path = os.path.join(d, 'sock')
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(path)
        server.listen(1)
        print(server.getsockname() == path, server.family)

        def unix_serve():
            conn, peer = server.accept()
            peers.append(peer)
            with conn:
                f = conn.makefile('r', encoding='utf-8')
                w = conn.makefile('w', encoding='utf-8')
                for line in f:
                    w.write('got: ' + line)
                    w.flush()
                f.close()
                w.close()

        peers = []
        t = threading.Thread(target=unix_serve)
        t.start()
        with socket.socket(socket.AF_UNIX) as c:
            c.connect(path)
            print(c.getpeername() == path)
            rf = c.makefile('r')
            c.sendall('héllo\nwörld\n'.encode())
            print(repr(rf.readline()), repr(rf.readline()))
            c.shutdown(socket.SHUT_WR)
            print(repr(rf.read()))
            rf.close()
        t.join()
        print('peer', repr(peers[0]))

    # --- Unix datagram
    p1 = os.path.join(d, 'd1')
    p2 = os.path.join(d, 'd2')
    a = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    b = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    a.bind(p1)
    b.bind(p2)
    a.sendto(b'dgram', p2)
    data, src = b.recvfrom(100)
    print(data, src == p1)
    a.close()
    b.close()
    for name in os.listdir(d):
        os.remove(os.path.join(d, name))
    os.rmdir(d)

# --- socketpair with recv_into and friends
x, y = socket.socketpair()
print(x.family, x.type, repr(x.family))
x.sendall(b'0123456789')
buf = bytearray(4)
print(y.recv_into(buf), buf)
mv = memoryview(bytearray(10))
print(y.recv_into(mv, 3), bytes(mv[:3]))
print(y.recv(100, socket.MSG_PEEK), y.recv(100))
x.send(b'abc')
n, src = y.recvfrom_into(bytearray(8))
print(n, src)
x.settimeout(1.5)
print(x.gettimeout(), x.getblocking(), x.timeout)
x.setblocking(False)
print(x.gettimeout(), x.getblocking())
try:
    x.recv(1)
except BlockingIOError as e:
    print('BlockingIOError', e.errno)
fd = x.detach()
print(x.fileno(), fd > 2)
z = socket.socket(fileno=fd)
print(z.family, z.type, z.proto)
z.close()
y.close()

print(socket.htons(1), socket.ntohl(1 << 24), socket.inet_aton('1.2.3.4'), socket.inet_ntoa(b'\x7f\x00\x00\x01'))
print(socket.inet_pton(socket.AF_INET6, '::1'), socket.inet_ntop(socket.AF_INET6, b'\x00' * 15 + b'\x01'))
print(socket.getaddrinfo('127.0.0.1', 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo(None, '8080', socket.AF_INET, socket.SOCK_DGRAM, 0, socket.AI_PASSIVE))
print(socket.gethostbyname('127.0.0.1'), type(socket.gethostname()).__name__)
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
s = socket.socket()
print(s.gettimeout(), socket.getdefaulttimeout())
s.close()
socket.setdefaulttimeout(None)
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.IPPROTO_TCP, socket.TCP_NODELAY, socket.SHUT_RDWR)
s = socket.socket()
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY), s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
s.close()
s6 = socket.socket(socket.AF_INET6)
s6.bind(('::1', 0))
print(s6.getsockname()[0], len(s6.getsockname()))
s6.close()
print(socket.timeout is TimeoutError, socket.error is OSError, issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError))
