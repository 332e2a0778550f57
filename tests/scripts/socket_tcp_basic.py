# TCP through the socket module: a thread serves an echo-upper server on
# 127.0.0.1; a client connects, sends, reads through makefile, half-closes;
# socketpair, a refused connection and an accept timeout.
import socket, threading
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', 0))
srv.listen()
port = srv.getsockname()[1]
print(type(port).__name__, srv.family, srv.type, repr(srv.family))
def serve():
    conn, addr = srv.accept()
    with conn:
        while True:
            data = conn.recv(1024)
            if not data: break
            conn.sendall(data.upper())
t = threading.Thread(target=serve); t.start()
c = socket.create_connection(('127.0.0.1', port))
c.sendall(b'hello')
print(c.recv(1024))
f = c.makefile('rwb')
f.write(b'line one\nline two\n'); f.flush()
print(f.readline(), f.readline())
f.close()
c.shutdown(socket.SHUT_WR)
print(c.recv(10))
c.close()
t.join()
srv.close()
print(repr(srv))
a, b = socket.socketpair()
a.sendall(b'x' * 10)
print(b.recv(100), a.family, a.type)
a.close(); b.close()
try:
    socket.create_connection(('127.0.0.1', port))
except ConnectionRefusedError as e:
    print('refused', e.errno, e)
s = socket.socket(); s.settimeout(0.2); print(s.gettimeout())
s.bind(('127.0.0.1', 0)); s.listen()
try: s.accept()
except socket.timeout as e: print('timeout', type(e).__name__, e)
s.close()
