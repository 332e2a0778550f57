# Shared by the bench_asyncio_echo_* rows: an asyncio echo server in this
# process (streams or a Protocol), driven by a load generator that is
# always python3 with a selector, in a separate process, so both
# interpreters serve the same load. The measure is the time the client
# takes for its round trips of 100 bytes, after all its connections are up.
import asyncio
import shutil

CLIENT = r"""
import selectors, socket, sys, time
port, conns, rounds = map(int, sys.argv[1:4])
msg = b"x" * 100
sel = selectors.DefaultSelector()
socks = []
for _ in range(conns):
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    s.setblocking(False)
    socks.append(s)
start = time.perf_counter()
for s in socks:
    sel.register(s, selectors.EVENT_READ, [0, 0])
    s.send(msg)
remaining = conns
total = 0
while remaining:
    for key, _ in sel.select():
        s, state = key.fileobj, key.data
        state[1] += len(s.recv(65536))
        while state[1] >= len(msg) and state[0] < rounds:
            state[1] -= len(msg)
            state[0] += 1
            total += 1
            if state[0] == rounds:
                sel.unregister(s)
                s.close()
                remaining -= 1
            else:
                s.send(msg)
print(time.perf_counter() - start, total)
"""


async def handle(reader, writer):
    while True:
        data = await reader.read(65536)
        if not data:
            break
        writer.write(data)
        await writer.drain()
    writer.close()


class EchoProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)


async def serve(kind, conns, rounds):
    loop = asyncio.get_running_loop()
    if kind == "streams":
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
    else:
        server = await loop.create_server(EchoProtocol, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    client = await asyncio.create_subprocess_exec(shutil.which("python3"), "-c", CLIENT, str(port), str(conns),
                                                  str(rounds), stdout=asyncio.subprocess.PIPE)
    out, _ = await client.communicate()
    server.close()
    seconds, total = out.split()
    print(f"measure: {float(seconds)}")
    print("round trips", total.decode())


def run(kind, conns, rounds):
    asyncio.run(serve(kind, conns, rounds))
