# socket errors with CPython 3.11's types and messages: bad addresses,
# bad arguments, refused connections, timeouts, closed sockets.
import socket
import errno


def show(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)


s = socket.socket()
for addr in ['x', ('a',), ('127.0.0.1', 70000), ('127.0.0.1', -1), (1, 80),
             ('127.0.0.1', '80'), ('127.0.0.1', 80, 1), ('127.0.0.1', 1.5)]:
    show(s.connect, addr)
u = socket.socket(socket.AF_UNIX)
for addr in [1, 'x' * 200, '/nonexistent/dir/sock']:
    show(u.connect, addr)
u.close()
show(s.settimeout, -1)
show(s.settimeout, 'x')
show(s.settimeout, float('nan'))
show(s.recv, -1)
show(s.recvfrom, -1)
show(s.send, 'x')
show(s.sendall, 5)
show(s.recv_into, b'immutable')
show(s.recv_into, bytearray(2), 5)
show(s.setsockopt, socket.SOL_SOCKET, socket.SO_REUSEADDR, 'x')
show(s.getsockopt, socket.SOL_SOCKET, socket.SO_REUSEADDR, 0)
show(s.getpeername)
show(s.recv, 1)
s.bind(('127.0.0.1', 0))
show(s.bind, ('127.0.0.1', 0))
s.close()
show(s.recv, 1)
show(s.fileno)
show(s.getsockname)
show(socket.socket, 99)
show(socket.socket, fileno=-5)
show(socket.inet_aton, '1.2.3')
show(socket.inet_aton, 'nonsense')
show(socket.inet_ntoa, b'abc')
show(socket.inet_pton, socket.AF_INET, '300.1.1.1')
show(socket.htons, -1)
show(socket.htons, 70000)
show(socket.setdefaulttimeout, -2)

# A refused connection: bind a port, close it, connect to it.
probe = socket.socket()
probe.bind(('127.0.0.1', 0))
port = probe.getsockname()[1]
probe.close()
c = socket.socket()
print('connect_ex', errno.errorcode[c.connect_ex(('127.0.0.1', port))])
c.close()
try:
    socket.create_connection(('127.0.0.1', port), timeout=5)
except ConnectionRefusedError as e:
    print('create_connection', type(e).__name__, e.errno, e.strerror, e)

# Timeouts: accept and recv with nothing coming.
server = socket.create_server(('127.0.0.1', 0))
server.settimeout(0.05)
try:
    server.accept()
except socket.timeout as e:
    print('accept', type(e).__name__, e, e.errno)
c = socket.create_connection(server.getsockname(), timeout=0.05)
conn, _ = server.accept()
try:
    c.recv(10)
except TimeoutError as e:
    print('recv', e)
f = c.makefile('rb')
try:
    f.read(1)
except TimeoutError as e:
    print('makefile read', e)
f.close()
conn.close()
print(repr(c.recv(10)))
c.close()
try:
    socket.create_server(server.getsockname())
except OSError as e:
    print(type(e).__name__, e.errno, str(e).split(' (')[0], e.strerror.endswith('%r)' % (server.getsockname(),)))
server.close()
try:
    socket.create_connection(('127.0.0.1', port), timeout=0)
except OSError as e:
    print('nonblocking connect', type(e).__name__, e.errno)
