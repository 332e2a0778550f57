# multiprocessing.connection's message framing (a 4-byte big-endian length,
# then the bytes) as both ends see it: raw frames written with os.write are
# read by recv_bytes, frames sent by send_bytes are read back raw; empty,
# large and back-to-back messages; maxlength; end of file before and inside
# a message. Then shared Values: the item read and written through .value
# for every kind of lock, 'c' and 'u' items, copy() and synchronized().
import os
import struct
import multiprocessing as mp
from multiprocessing import sharedctypes
from multiprocessing.connection import Connection


def raw_pipe():
    r, w = os.pipe()
    return Connection(r, writable=False), w


def echo_once(conn):
    conn.send_bytes(conn.recv_bytes())


def framing():
    reader, w = raw_pipe()
    os.write(w, struct.pack("!i", 5) + b"hello" + struct.pack("!i", 0) + struct.pack("!i", 3) + b"abc")
    print("raw frames:", reader.recv_bytes(), reader.recv_bytes(), reader.recv_bytes())
    os.close(w)
    try:
        reader.recv_bytes()
    except EOFError as e:
        print("EOF at a message start:", type(e).__name__, e.args)

    reader, w = raw_pipe()
    os.write(w, struct.pack("!i", 10) + b"only6b")
    os.close(w)
    try:
        reader.recv_bytes()
    except OSError as e:
        print("EOF inside a message:", type(e).__name__, e)

    reader, w = raw_pipe()
    os.write(w, struct.pack("!i", 2))
    os.close(w)
    try:
        reader.recv_bytes()
    except EOFError as e:
        print("EOF before the body:", type(e).__name__, e.args)

    r, w = os.pipe()
    writer = Connection(w, readable=False)
    writer.send_bytes(b"xyz")
    writer.send_bytes(bytearray(b"0123456789"), 4, 2)
    writer.send_bytes(b"")
    writer.send((1, "two", [3.0]))
    blob = os.read(r, 4096)
    print("raw sent:", blob[:20], len(blob))
    reader = Connection(r, writable=False)
    os.write(w, struct.pack("!i", 1) + b"!")
    print("read back:", reader.recv_bytes())

    a, b = mp.Pipe()
    big = bytes(range(256)) * 4000
    # Bigger than the socket buffer: a child echoes it while we send.
    p = mp.Process(target=echo_once, args=(b,))
    p.start()
    a.send_bytes(big)
    got = a.recv_bytes()
    p.join()
    print("big:", len(got), got == big)
    for i in range(50):
        a.send(("msg", i))
    print("back to back:", [b.recv()[1] for _ in range(50)] == list(range(50)))
    a.send_bytes(b"0123456789")
    try:
        b.recv_bytes(4)
    except OSError as e:
        print("maxlength:", e, b.closed)
    c, d = mp.Pipe()
    c.send_bytes(b"short")
    print("maxlength fits:", d.recv_bytes(5))
    a.close()


class CountingLock:
    def __init__(self):
        self.enters = 0
        self._lock = mp.Lock()

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        self._lock.release()

    def __enter__(self):
        self.enters += 1
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)


def bump(v, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1


def values():
    for lock in (True, mp.Lock(), mp.RLock()):
        v = mp.Value("i", 7, lock=lock)
        v.value += 5
        with v:
            v.get_obj().value *= 2
        print("value with", type(v.get_lock()).__name__, v.value)
    counting = CountingLock()
    v = mp.Value("q", 1, lock=counting)
    v.value = v.value + 41
    print("custom lock:", v.value, counting.enters)

    v = mp.Value("i", 0)
    procs = [mp.Process(target=bump, args=(v, 300)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("three processes:", v.value)

    c = mp.Value("c", b"a")
    c.value = b"z"
    u = mp.Value("u", "x")
    u.value = "\u20ac"
    print("char items:", c.value, u.value, c.get_obj().value)
    raw = mp.RawValue("d", 2.5)
    raw.value /= 2
    print("raw:", raw.value, repr(raw), repr(mp.RawValue("h")))
    dup = sharedctypes.copy(raw)
    dup.value = 9.0
    print("copy:", raw.value, dup.value)
    s = sharedctypes.synchronized(mp.RawValue("i", 3))
    s.value += 1
    print("synchronized:", s.value, type(s).__name__)
    for bad in ([1], "ab", b"ab"):
        try:
            mp.Value("u", bad)
        except TypeError as e:
            print("TypeError for", type(bad).__name__)


if __name__ == "__main__":
    framing()
    values()
