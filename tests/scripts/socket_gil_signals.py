# Blocking socket calls release the GIL: while one thread waits in recv(),
# another runs to completion. Signals: a handler that returns lets a
# blocked accept() resume (PEP 475); SIGINT interrupts a blocked recv() in
# the main thread with KeyboardInterrupt.
import os
import signal
import socket
import threading
import time

a, b = socket.socketpair()
waiting = threading.Event()
received = []


def blocked_reader():
    waiting.set()
    received.append(b.recv(10))


reader = threading.Thread(target=blocked_reader)
reader.start()
waiting.wait()
counter = [0]


def worker():
    for _ in range(200000):
        counter[0] += 1


w = threading.Thread(target=worker)
w.start()
w.join()
print('worker finished while reader blocked:', counter[0], received)
a.sendall(b'wake')
reader.join()
print('reader got', received)

# A signal whose handler returns: accept() goes on waiting and gets the client.
seen = []
signal.signal(signal.SIGUSR1, lambda signum, frame: seen.append(signum))
server = socket.create_server(('127.0.0.1', 0))


def poke_then_connect():
    time.sleep(0.05)
    os.kill(os.getpid(), signal.SIGUSR1)
    time.sleep(0.05)
    socket.create_connection(server.getsockname()).close()


t = threading.Thread(target=poke_then_connect)
t.start()
conn, _ = server.accept()
t.join()
print('accept returned after handler', seen == [signal.SIGUSR1], conn.recv(1))
conn.close()
server.close()


# SIGINT while the main thread waits in recv().
def interrupt():
    time.sleep(0.05)
    os.kill(os.getpid(), signal.SIGINT)


t = threading.Thread(target=interrupt)
t.start()
try:
    a.recv(10)
    print('not interrupted')
except KeyboardInterrupt:
    print('KeyboardInterrupt in recv')
t.join()

# The same with a timeout set (the wait is a poll()).
a.settimeout(30)
t = threading.Thread(target=interrupt)
t.start()
try:
    a.recv(10)
except KeyboardInterrupt:
    print('KeyboardInterrupt in recv with timeout')
t.join()
a.close()
b.close()
