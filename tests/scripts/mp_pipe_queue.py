# multiprocessing Pipe, Queue, SimpleQueue and JoinableQueue across processes.
import multiprocessing as mp
import queue
from multiprocessing.connection import wait


def echo(conn):
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            break
        if msg == "stop":
            break
        if msg == "bytes":
            conn.send_bytes(b"raw-" + conn.recv_bytes())
        else:
            conn.send(("echo", msg))
    conn.close()


def producer(q, start, n):
    for i in range(start, start + n):
        q.put(i)


def consumer(q, out):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        out.put(item * item)
        q.task_done()


def big_sender(q):
    q.put(b"x" * 1_000_000)
    q.put(list(range(100_000)))


def main():
    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b,))
    p.start()
    b.close()
    for msg in [1, "two", [3, {"four": (5,)}], None, 2 ** 100]:
        a.send(msg)
        print("pipe:", a.recv())
    a.send("bytes")
    a.send_bytes(b"hello")
    print("bytes:", a.recv_bytes())
    print("poll empty:", a.poll(0.01))
    a.send("x")
    print("poll:", a.poll(5))
    print("got:", a.recv())
    a.send("stop")
    p.join(10)
    a.close()
    print("echo exit:", p.exitcode)
    try:
        a.recv()
    except OSError as e:
        print("OSError:", e)

    r, w = mp.Pipe(duplex=False)
    print("readable/writable:", r.readable, r.writable, w.readable, w.writable)
    try:
        r.send(1)
    except OSError as e:
        print("OSError:", e)
    w.send_bytes(b"0123456789", 2, 3)
    print("slice:", r.recv_bytes())
    buf = bytearray(8)
    w.send_bytes(b"abc")
    print("into:", r.recv_bytes_into(buf, 2), buf)
    w.send({"k": 1})
    print("wait:", wait([r], timeout=5) == [r], r.recv())
    w.close()
    try:
        r.recv()
    except EOFError:
        print("EOFError after close")

    q = mp.Queue()
    procs = [mp.Process(target=producer, args=(q, s, 5)) for s in (0, 100, 200)]
    for p in procs:
        p.start()
    items = sorted(q.get(timeout=10) for _ in range(15))
    for p in procs:
        p.join(10)
    print("queue:", items)
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("Empty")
    try:
        q.get_nowait()
    except queue.Empty:
        print("Empty nowait")

    q = mp.Queue()
    p = mp.Process(target=big_sender, args=(q,))
    p.start()
    first = q.get(timeout=20)
    second = q.get(timeout=20)
    p.join(20)
    print("big:", len(first), len(second), second[-1], p.exitcode)

    bq = mp.Queue(maxsize=2)
    bq.put(1)
    bq.put(2)
    print("full:", bq.full())
    try:
        bq.put(3, timeout=0.05)
    except queue.Full:
        print("Full")
    try:
        bq.put_nowait(3)
    except queue.Full:
        print("Full nowait")
    print("bounded:", bq.get(timeout=5), bq.get(timeout=5), bq.empty())
    bq.close()
    bq.join_thread()
    try:
        bq.put(1)
    except ValueError:
        print("ValueError after close")

    sq = mp.SimpleQueue()
    print("simple empty:", sq.empty())
    p = mp.Process(target=producer, args=(sq, 7, 3))
    p.start()
    print("simple:", sorted(sq.get() for _ in range(3)))
    p.join(10)
    sq.close()

    jq = mp.JoinableQueue()
    out = mp.Queue()
    workers = [mp.Process(target=consumer, args=(jq, out)) for _ in range(2)]
    for w in workers:
        w.start()
    for i in range(10):
        jq.put(i)
    for _ in workers:
        jq.put(None)
    jq.join()
    print("joinable:", sorted(out.get(timeout=10) for _ in range(10)))
    for w in workers:
        w.join(10)
    print("workers:", [w.exitcode for w in workers])
    try:
        jq.task_done()
    except ValueError as e:
        print("ValueError:", e)


if __name__ == "__main__":
    main()
