# Objects made in the parent passed to spawn children as Process arguments:
# Queue, JoinableQueue, SimpleQueue, both kinds of Pipe, Lock, RLock,
# Semaphore, Event, Condition, Barrier, Value and Array. CPython pickles
# them while spawning; at any other time pickling them raises RuntimeError.
import multiprocessing as mp
import pickle


def worker(q, conn, lock, value, array, event, jq):
    with lock:
        value.value += 10
    array[0] = 42.5
    q.put(("from child", mp.current_process().name))
    conn.send([1, 2, 3])
    q.put(("child got", conn.recv()))
    event.set()
    item = jq.get(timeout=60)
    jq.task_done()
    q.put(("joinable", item))


def adder(value, lock, rounds):
    for _ in range(rounds):
        with lock:
            value.value += 1


def one_way(reader, writer, sq):
    sq.put(("read", reader.recv()))
    writer.send("from the child's writer")


def sync(cond, sem, rlock, barrier, q):
    with rlock:
        with rlock:
            q.put("rlock twice")
    sem.acquire()
    barrier.wait(60)
    with cond:
        cond.notify_all()
    q.put("synced")


def fill_raw(value, array):
    value.value = 99
    array[1] = -5


def main():
    ctx = mp.get_context("spawn")
    q, jq = ctx.Queue(), ctx.JoinableQueue()
    parent_end, child_end = ctx.Pipe()
    lock, value, array, event = ctx.Lock(), ctx.Value("i", 5), ctx.Array("d", 3), ctx.Event()
    p = ctx.Process(target=worker, args=(q, child_end, lock, value, array, event, jq))
    p.start()
    print(q.get(timeout=60))
    print(parent_end.recv())
    parent_end.send("hello")
    print(q.get(timeout=60))
    print("event:", event.wait(60))
    jq.put("task")
    jq.join()
    print(q.get(timeout=60))
    p.join(60)
    print("exit", p.exitcode, "value", value.value, "array", array[:])

    # Two children increment one Value under its lock.
    counter = ctx.Value("i", 0)
    children = [ctx.Process(target=adder, args=(counter, counter.get_lock(), 200)) for _ in range(2)]
    for c in children:
        c.start()
    for c in children:
        c.join(60)
    print("counter:", counter.value, [c.exitcode for c in children])

    # Non-duplex pipes and a SimpleQueue.
    r1, w1 = ctx.Pipe(duplex=False)
    r2, w2 = ctx.Pipe(duplex=False)
    sq = ctx.SimpleQueue()
    p = ctx.Process(target=one_way, args=(r1, w2, sq))
    p.start()
    w1.send({"a": 1})
    print(sq.get())
    print(r2.recv())
    p.join(60)
    print("exit", p.exitcode)

    cond, sem, rlock, barrier = ctx.Condition(), ctx.Semaphore(0), ctx.RLock(), ctx.Barrier(2)
    p = ctx.Process(target=sync, args=(cond, sem, rlock, barrier, q))
    p.start()
    print(q.get(timeout=60))
    sem.release()
    print("barrier index in (0, 1):", barrier.wait(60) in (0, 1))
    print(q.get(timeout=60))
    p.join(60)
    print("exit", p.exitcode)

    # Raw shared values, and what a fork-context lock gives.
    raw_value, raw_array = ctx.RawValue("i", 1), ctx.RawArray("i", [1, 2, 3])
    p = ctx.Process(target=fill_raw, args=(raw_value, raw_array))
    p.start()
    p.join(60)
    print("raw:", raw_value.value, raw_array[:], p.exitcode)
    try:
        ctx.Process(target=fill_raw, args=(mp.get_context("fork").Lock(), raw_array)).start()
    except RuntimeError as e:
        print("RuntimeError", e)

    # Outside the start of a spawn child they refuse to be pickled.
    for obj in (q, jq, sq, lock, rlock, sem, cond, value, array):
        try:
            pickle.dumps(obj)
        except RuntimeError as e:
            print("RuntimeError", e)
    try:
        q.put(lock)
        q.get(timeout=0.5)
    except Exception as e:
        print(type(e).__name__)


if __name__ == "__main__":
    main()
