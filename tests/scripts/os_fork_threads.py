# fork with other threads running: in the child only the forking thread
# exists (threading.enumerate() lists it alone, as the main thread), the GIL
# works, and new threads can start. Repeated forks while a busy thread runs
# must never hang the child.
import os
import threading
import time


def child_report(body):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            text = body()
        except BaseException as e:
            text = "child failed: %r" % (e,)
        os.write(w, text.encode())
        os._exit(0)
    os.close(w)
    chunks = []
    while True:
        data = os.read(r, 4096)
        if not data:
            break
        chunks.append(data)
    os.close(r)
    _, status = os.waitpid(pid, 0)
    return b"".join(chunks).decode(), os.waitstatus_to_exitcode(status)


stop = False
counter = 0


def busy():
    global counter
    while not stop:
        counter += 1


busy_thread = threading.Thread(target=busy, name="busy")
busy_thread.start()
parked = threading.Event()
waiter = threading.Thread(target=parked.wait, name="waiter")
waiter.start()
held = threading.Lock()
held.acquire()


def in_child():
    names = [t.name for t in threading.enumerate()]
    current = threading.current_thread()
    lines = ["threads: %s" % names,
             "current is main: %s" % (current is threading.main_thread()),
             "busy alive: %s" % busy_thread.is_alive(),
             "active_count: %d" % threading.active_count()]
    busy_thread.join()  # stopped in the child: returns at once
    results = []

    def work(n):
        total = 0
        for i in range(20000):
            total += i % n
        results.append(total)

    workers = [threading.Thread(target=work, args=(n,)) for n in (3, 5, 7)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    lines.append("new threads: %s" % sorted(results))
    lines.append("threads after: %d" % len(threading.enumerate()))
    lines.append("lock held by the parent's main thread: %s" % held.locked())
    return "\n".join(lines)


text, code = child_report(in_child)
print(text)
print("exit", code)

# Many forks while the busy thread runs: each child starts and joins a
# thread of its own, and exits.
codes = []
for i in range(30):
    def short_child(i=i):
        box = []
        t = threading.Thread(target=lambda: box.append(i * 2))
        t.start()
        t.join()
        return str(box[0])
    text, code = child_report(short_child)
    codes.append((int(text) == i * 2, code))
print("30 forks:", all(ok and code == 0 for ok, code in codes))

# fork from a non-main thread: in the child that thread is the main thread.
outcome = []


def fork_here():
    outcome.append(child_report(lambda: "%s %s %s" % (
        threading.current_thread().name,
        threading.current_thread() is threading.main_thread(),
        [t.name for t in threading.enumerate()])))


forker = threading.Thread(target=fork_here, name="forker")
forker.start()
forker.join()
print(outcome)

parked.set()
waiter.join()
stop = True
busy_thread.join()
held.release()
print("parent threads:", [t.name for t in threading.enumerate()])
print("busy ran:", counter > 0)
