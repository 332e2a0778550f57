# asyncio streams and socket coroutines: an echo server with many clients,
# the StreamReader reading methods and their errors, Unix sockets,
# serve_forever, connection errors, and the loop.sock_* functions.
import asyncio
import os
import socket
import tempfile


async def handle_echo(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for i in range(3):
        writer.write(f"client {n} line {i}\n".encode())
        await writer.drain()
        replies.append(await reader.readline())
    writer.write_eof()
    rest = await reader.read()
    writer.close()
    await writer.wait_closed()
    return replies, rest


async def echo_many():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("serving", server.is_serving(), len(server.sockets), server.sockets[0].family == socket.AF_INET)
    async with server:
        results = await asyncio.gather(*(client(port, n) for n in range(50)))
    print("clients", len(results))
    print(results[0])
    print(results[49][0][2])
    print("all echoed", all(r[0][i] == f"CLIENT {n} LINE {i}\n".encode() for n, r in enumerate(results) for i in range(3)))
    print("serving after close", server.is_serving())


async def reading_methods():
    async def handler(reader, writer):
        writer.write(b"first line\nsecond|third part::tail")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print(writer.get_extra_info("peername") == ("127.0.0.1", port))
    print(await reader.readline())
    print(await reader.readuntil(b"|"))
    print(await reader.readexactly(5))
    print(await reader.readuntil(b"::"))
    print(await reader.read(2))
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError:", e, e.partial, e.expected)
    print(await reader.read(), reader.at_eof())
    print(await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


async def limits():
    async def handler(reader, writer):
        writer.write(b"x" * 100 + b"\nshort\n" + b"y" * 50)
        writer.close()

    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=20)
    try:
        await reader.readline()
    except ValueError as e:
        print("ValueError:", e)
    print(await reader.readline())
    try:
        await reader.readuntil(b"!")
    except asyncio.LimitOverrunError as e:
        print("LimitOverrunError:", e, e.consumed)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError:", len(e.partial))
    writer.close()
    server.close()
    await server.wait_closed()
    for bad in (lambda: reader.readuntil(b""), lambda: reader.readexactly(-1)):
        try:
            await bad()
        except ValueError as e:
            print("ValueError:", e)
    try:
        asyncio.StreamReader(limit=0)
    except ValueError as e:
        print("ValueError:", e)


async def async_iteration():
    async def handler(reader, writer):
        writer.writelines([b"a\n", b"b\n", b"c"])
        writer.close()

    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection(*server.sockets[0].getsockname())
    print([line async for line in reader])
    writer.close()
    server.close()


async def unix_sockets():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "echo.sock")
        server = await asyncio.start_unix_server(handle_echo, path)
        reader, writer = await asyncio.open_unix_connection(path)
        writer.write(b"over unix\n")
        print(await reader.readline())
        writer.close()
        await writer.wait_closed()
        server.close()
        await server.wait_closed()
        # A stale socket file is replaced by the next server.
        server = await asyncio.start_unix_server(handle_echo, path)
        print("restarted", server.is_serving())
        server.close()


async def serve_forever():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", 0, start_serving=False)
    print("before", server.is_serving())
    task = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0.01)
    print("during", server.is_serving())
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled", server.is_serving())


async def errors():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    listener.close()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("ConnectionRefusedError:", e.errno, "Connect call failed" in str(e))
    taken = await asyncio.start_server(handle_echo, "127.0.0.1", 0)
    port = taken.sockets[0].getsockname()[1]
    try:
        await asyncio.start_server(handle_echo, "127.0.0.1", port, reuse_address=False)
    except OSError as e:
        print("OSError:", e.errno, str(e).replace(str(port), "PORT"))
    taken.close()
    loop = asyncio.get_running_loop()
    for call in (lambda: loop.create_connection(asyncio.Protocol),
                 lambda: loop.create_server(asyncio.Protocol),
                 lambda: loop.create_connection(asyncio.Protocol, "127.0.0.1", 1, sock=socket.socket())):
        try:
            await call()
        except ValueError as e:
            print("ValueError:", e)


async def sock_functions():
    loop = asyncio.get_running_loop()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    client = socket.socket()
    client.setblocking(False)
    connect = asyncio.create_task(loop.sock_connect(client, listener.getsockname()))
    conn, addr = await loop.sock_accept(listener)
    await connect
    print("accepted", addr == client.getsockname(), conn.gettimeout())
    await loop.sock_sendall(client, b"ping" * 100000)
    got = bytearray()
    while len(got) < 400000:
        got += await loop.sock_recv(conn, 65536)
    print("received", len(got), bytes(got[:8]))
    buf = bytearray(10)
    await loop.sock_sendall(conn, b"pong")
    n = await loop.sock_recv_into(client, buf)
    print("recv_into", n, bytes(buf[:n]))
    for s in (client, conn, listener):
        s.close()


class EchoProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data[::-1])

    def eof_received(self):
        self.transport.close()


class ClientProtocol(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
        self.events = []

    def connection_made(self, transport):
        self.events.append("made")
        transport.write(b"abc")
        transport.write_eof()

    def data_received(self, data):
        self.events.append(data)

    def eof_received(self):
        self.events.append("eof")

    def connection_lost(self, exc):
        self.events.append(("lost", exc))
        self.done.set_result(self.events)


async def protocols():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(EchoProtocol, "127.0.0.1", 0)
    done = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: ClientProtocol(done), *server.sockets[0].getsockname())
    print(await done)
    print(transport.is_closing(), transport.get_write_buffer_size(), transport.get_write_buffer_limits())
    server.close()
    await server.wait_closed()


class UdpEcho(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        self.transport.sendto(b"echo:" + data, addr)


class UdpClient(asyncio.DatagramProtocol):
    def __init__(self, done):
        self.done = done

    def datagram_received(self, data, addr):
        self.done.set_result(data)


async def datagrams():
    loop = asyncio.get_running_loop()
    server, _ = await loop.create_datagram_endpoint(UdpEcho, local_addr=("127.0.0.1", 0))
    done = loop.create_future()
    client, _ = await loop.create_datagram_endpoint(lambda: UdpClient(done),
                                                    remote_addr=server.get_extra_info("sockname"))
    client.sendto(b"datagram")
    print(await done)
    try:
        client.sendto("text")
    except TypeError as e:
        print("TypeError:", e)
    client.close()
    server.close()


async def main():
    await echo_many()
    await reading_methods()
    await limits()
    await async_iteration()
    await unix_sockets()
    await serve_forever()
    await errors()
    await sock_functions()
    await protocols()
    await datagrams()


asyncio.run(main())
