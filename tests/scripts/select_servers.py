# select.select, select.poll and select.epoll directly, then a
# select()-driven echo server and a selectors-driven echo server, each
# serving several clients on 127.0.0.1 from one thread.
import select
import selectors
import socket
import threading

# --- the primitives on a socketpair
a, b = socket.socketpair()
print(select.select([a, b], [], [], 0))
r, w, x = select.select([a], [a, b], [], 1)
print(r, len(w), x)
b.send(b'!')
r, w, x = select.select([a.fileno(), b], [], [], None)
print(r == [a.fileno()], w, x)
p = select.poll()
p.register(a, select.POLLIN)
p.register(b.fileno(), select.POLLOUT)
print(sorted((fd == a.fileno(), ev) for fd, ev in p.poll(1000)))
a.recv(1)
print([(fd == b.fileno(), ev) for fd, ev in p.poll(0)])
p.modify(b, select.POLLIN)
print(p.poll(10))
p.unregister(a)
try:
    p.unregister(a)
except KeyError:
    print('KeyError')
with select.epoll() as ep:
    ep.register(a.fileno(), select.EPOLLIN)
    print(ep.poll(0.01), ep.closed)
    b.send(b'xy')
    print([(fd == a.fileno(), ev == select.EPOLLIN) for fd, ev in ep.poll(1)])
    ep.unregister(a)
print(ep.closed)
a.close()
b.close()
for bad in [(5, [], []), ([-1], [], []), (['x'], [], [])]:
    try:
        select.select(*bad, 0)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    select.select([], [], [], -1)
except ValueError as e:
    print(e)


def clients(port, names):
    replies = {}
    def one(name):
        with socket.create_connection(('127.0.0.1', port)) as c:
            f = c.makefile('rb')
            for i in range(3):
                c.sendall(f'{name}-{i}\n'.encode())
                replies.setdefault(name, []).append(f.readline().decode().strip())
            f.close()
    threads = [threading.Thread(target=one, args=(n,)) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(replies.items())


# --- a select()-based echo server
def select_server(listener, expected):
    inputs = [listener]
    served = 0
    closed = 0
    while closed < expected:
        readable, _, _ = select.select(inputs, [], [])
        for s in readable:
            if s is listener:
                conn, _ = s.accept()
                inputs.append(conn)
                served += 1
            else:
                data = s.recv(1024)
                if data:
                    s.sendall(data.upper())
                else:
                    inputs.remove(s)
                    s.close()
                    closed += 1
    print('select server served', served)


listener = socket.create_server(('127.0.0.1', 0))
t = threading.Thread(target=select_server, args=(listener, 4))
t.start()
result = clients(listener.getsockname()[1], ['a', 'b', 'c', 'd'])
t.join()
print(result)
listener.close()


# --- a selectors-based echo server
def selectors_server(listener, expected, selector_class):
    sel = selector_class()
    listener.setblocking(False)
    sel.register(listener, selectors.EVENT_READ, data=None)
    closed = 0
    while closed < expected:
        for key, events in sel.select(timeout=5):
            if key.data is None:
                conn, _ = key.fileobj.accept()
                conn.setblocking(False)
                sel.register(conn, selectors.EVENT_READ, data='client')
            else:
                conn = key.fileobj
                data = conn.recv(1024)
                if data:
                    conn.setblocking(True)
                    conn.sendall(data[::-1])
                    conn.setblocking(False)
                else:
                    sel.unregister(conn)
                    conn.close()
                    closed += 1
    print(selector_class.__name__, 'served', expected, len(sel.get_map()))
    sel.close()


for cls in [selectors.DefaultSelector, selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector]:
    listener = socket.create_server(('127.0.0.1', 0))
    t = threading.Thread(target=selectors_server, args=(listener, 3, cls))
    t.start()
    result = clients(listener.getsockname()[1], ['x', 'y', 'z'])
    t.join()
    print(result)
    listener.close()

sel = selectors.DefaultSelector()
a, b = socket.socketpair()
key = sel.register(a, selectors.EVENT_READ | selectors.EVENT_WRITE, 'data')
print(key.events, key.data, key.fd == a.fileno(), sel.get_key(a) is key)
print([(k.data, ev) for k, ev in sel.select(0)])
key2 = sel.modify(a, selectors.EVENT_READ, 'other')
print(key2.events, key2.data, sel.select(0))
for bad in [lambda: sel.register(a, selectors.EVENT_READ), lambda: sel.register(b, 0),
            lambda: sel.unregister(b), lambda: sel.get_key(b), lambda: sel.register('x', 1)]:
    try:
        bad()
    except (KeyError, ValueError) as e:
        print(type(e).__name__)
sel.unregister(a)
print(len(sel.get_map()))
sel.close()
try:
    sel.get_key(a)
except RuntimeError as e:
    print(e)
a.close()
b.close()
