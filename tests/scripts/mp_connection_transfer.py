# A Connection sent through a Queue or a Pipe to another process (fork
# context) arrives as a working connection: the sender's resource sharer
# hands over a duplicate of its descriptor.
import multiprocessing as mp
from multiprocessing import reduction


def echo_over(queue):
    conn = queue.get()
    message = conn.recv()
    conn.send(("echo", message))
    conn.close()


def reply_through(pipe_end):
    inner = pipe_end.recv()
    inner.send_bytes(b"raw bytes from the child")
    inner.close()
    pipe_end.close()


def hand_back(result_queue):
    here, there = mp.Pipe()
    result_queue.put(there)
    print("child got", here.recv())


if __name__ == "__main__":
    mp.set_start_method("fork")
    print(reduction.HAVE_SEND_HANDLE)
    queue = mp.Queue()
    mine, theirs = mp.Pipe()
    worker = mp.Process(target=echo_over, args=(queue,))
    worker.start()
    queue.put(theirs)  # the feeder thread pickles it later: keep it open
    mine.send([1, 2, 3])
    print(mine.recv())
    worker.join()
    print("exit", worker.exitcode)

    carrier_parent, carrier_child = mp.Pipe()
    a, b = mp.Pipe(duplex=False)
    worker = mp.Process(target=reply_through, args=(carrier_child,))
    worker.start()
    carrier_parent.send(b)
    b.close()
    print(a.recv_bytes())
    worker.join()
    print("exit", worker.exitcode)

    results = mp.Queue()
    worker = mp.Process(target=hand_back, args=(results,))
    worker.start()
    from_child = results.get()
    from_child.send("hello from the parent")
    worker.join()
    print("exit", worker.exitcode, from_child.readable, from_child.writable)
