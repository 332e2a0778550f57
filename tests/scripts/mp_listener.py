# multiprocessing.connection.Listener and Client over AF_INET (127.0.0.1,
# port 0) and AF_UNIX paths: with and without an authkey, a wrong key on
# either side, addresses, last_accepted, context managers, wait() on the
# connections, and the errors of bad arguments.
import os
import threading
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client, Listener, wait

results = []


def serve(listener, count):
    for _ in range(count):
        try:
            with listener.accept() as conn:
                request = conn.recv()
                conn.send(("echo", request))
                conn.send_bytes(b"raw bytes")
        except AuthenticationError as e:
            results.append(("server", type(e).__name__, str(e)))
        except EOFError:
            results.append(("server", "EOFError"))


def exchange(family, address, server_key, client_key):
    with Listener(address, family=family, authkey=server_key) as listener:
        print(family, "address type:", type(listener.address).__name__, "last_accepted:", listener.last_accepted)
        server = threading.Thread(target=serve, args=(listener, 1))
        server.start()
        try:
            with Client(listener.address, authkey=client_key) as conn:
                conn.send({"key": client_key, "n": [1, 2.5, "x"]})
                print("  ready:", wait([conn], 30) == [conn])
                print("  reply:", conn.recv())
                print("  bytes:", conn.recv_bytes())
        except AuthenticationError as e:
            results.append(("client", type(e).__name__, str(e)))
        server.join()
        for line in sorted(results):
            print("  ", *line)
        results.clear()
        if family == "AF_INET":
            print("  last_accepted host:", listener.last_accepted[0])
        path = listener.address
    if family == "AF_UNIX":
        print("  socket file removed:", not os.path.exists(path))


for family, address in [("AF_INET", ("127.0.0.1", 0)), ("AF_UNIX", None)]:
    for server_key, client_key in [(None, None), (b"secret", b"secret"), (b"secret", b"wrong")]:
        exchange(family, address, server_key, client_key)

# The family follows from the address when not given.
with Listener(("127.0.0.1", 0)) as listener:
    print("inferred:", type(listener.address).__name__, listener.address[0])
    server = threading.Thread(target=serve, args=(listener, 1))
    server.start()
    with Client(listener.address) as conn:
        conn.send(7)
        print("reply:", conn.recv(), conn.recv_bytes())
    server.join()

# Several clients, the listener's accept loop in a thread.
with Listener(("127.0.0.1", 0), authkey=b"k") as listener:
    server = threading.Thread(target=serve, args=(listener, 3))
    server.start()
    for i in range(3):
        with Client(listener.address, authkey=b"k") as conn:
            conn.send(i)
            print("client", i, conn.recv())
            conn.recv_bytes()
    server.join()

listener = Listener(("127.0.0.1", 0))
listener.close()
listener.close()
try:
    listener.accept()
except OSError as e:
    print("OSError", e)

for bad in [42, ["127.0.0.1", 0]]:
    try:
        Client(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    Listener(("127.0.0.1", 0), authkey="text")
except TypeError as e:
    print("TypeError", e)
try:
    Listener(family="AF_PIPE")
except ValueError as e:
    print("ValueError", e)

# Connecting where nobody listens.
with Listener(("127.0.0.1", 0)) as listener:
    address = listener.address
try:
    Client(address)
except ConnectionRefusedError as e:
    print("ConnectionRefusedError")
