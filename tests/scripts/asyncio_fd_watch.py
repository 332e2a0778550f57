# loop.add_reader / add_writer / remove_*: level-triggered readiness of
# pipes, callbacks replaced and removed, a thread waking the loop through a
# pipe, and the errors for bad descriptors.
import asyncio
import os
import threading
import time


class Wrapped:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


async def pieces(loop, r, w):
    got = []
    done = loop.create_future()

    def on_readable():
        data = os.read(r, 100)
        got.append(data)
        if data.endswith(b"!"):
            print("removed", loop.remove_reader(r))
            done.set_result(b"".join(got))

    loop.add_reader(r, on_readable)
    for part in [b"he", b"llo", b"!"]:
        await asyncio.sleep(0.01)
        os.write(w, part)
    print("read", await done)
    print("removed again", loop.remove_reader(r))


async def writable(loop, w):
    fut = loop.create_future()

    def on_writable(tag):
        loop.remove_writer(Wrapped(w))
        fut.set_result(tag)

    loop.add_writer(Wrapped(w), on_writable, "writable")
    print(await fut)


async def level_triggered(loop, r, w):
    os.write(w, b"xyz")
    calls = []
    event = asyncio.Event()

    def one_byte():
        calls.append(os.read(r, 1))
        if len(calls) == 3:
            loop.remove_reader(r)
            event.set()

    loop.add_reader(r, one_byte)
    await event.wait()
    print("one byte per call", calls)


async def replaced(loop, r, w):
    seen = []
    fut = loop.create_future()
    loop.add_reader(r, lambda: seen.append("old"))
    loop.add_reader(r, lambda: (seen.append("new"), os.read(r, 10), loop.remove_reader(r), fut.set_result(None)))
    os.write(w, b"q")
    await fut
    print("replaced", seen)


async def woken_by_thread(loop, r, w):
    fut = loop.create_future()
    loop.add_reader(r, lambda: (loop.remove_reader(r), fut.set_result(os.read(r, 10))))
    thread = threading.Thread(target=lambda: (time.sleep(0.05), os.write(w, b"thread!!!!")))
    thread.start()
    print("thread wrote", await fut)
    thread.join()


async def both_directions(loop, r, w):
    # One fd number watched for reading and writing at once (a socketpair
    # end would be typical; a pipe end is only ever one of them, so use
    # two watches on two fds and remove them in the other order).
    order = []
    fut = loop.create_future()

    def reader():
        order.append("r")
        os.read(r, 10)
        loop.remove_reader(r)
        if not loop.remove_writer(w):
            fut.set_result(None)

    def writer():
        order.append("w")
        os.write(w, b"!")
        loop.remove_writer(w)

    loop.add_reader(r, reader)
    loop.add_writer(w, writer)
    await asyncio.sleep(0.05)
    print("both", order, fut.done())


async def errors(loop):
    for bad in (-1, "x", Wrapped(-5)):
        try:
            loop.add_reader(bad, print)
        except ValueError as e:
            print("ValueError", e)
    r, w = os.pipe()
    os.close(r)
    os.close(w)
    try:
        loop.add_reader(r, print)
    except OSError as e:
        print(type(e).__name__, e.errno)
    print("not watched", loop.remove_reader(r), loop.remove_writer(r))


async def main():
    loop = asyncio.get_running_loop()
    r, w = os.pipe()
    await pieces(loop, r, w)
    await writable(loop, w)
    await level_triggered(loop, r, w)
    await replaced(loop, r, w)
    await woken_by_thread(loop, r, w)
    await both_directions(loop, r, w)
    await errors(loop)
    os.close(r)
    os.close(w)


asyncio.run(main())
loop = asyncio.new_event_loop()
loop.close()
try:
    loop.add_reader(0, print)
except RuntimeError as e:
    print("RuntimeError", e)
print("closed loop remove", loop.remove_reader(0))
