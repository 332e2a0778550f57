# threading.local per-thread values (subclass __init__ re-run in each thread,
# values gone with their thread) and join/is_alive seeing a thread's true end.
import threading
import _thread


class Context(threading.local):
    def __init__(self, x):
        self.x = x
        self.tag = threading.current_thread().name


ctx = Context(5)
plain = threading.local()
plain.a = 1
seen = []


def work():
    seen.append((ctx.x, ctx.tag, hasattr(plain, "a"), sorted(plain.__dict__)))
    ctx.x = 99
    plain.a = 2


for i in range(3):
    t = threading.Thread(target=work, name=f"w{i}")
    t.start()
    t.join()
print(seen)
print(ctx.x, ctx.tag, plain.a)

try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
try:
    plain.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
try:
    del plain.missing
except AttributeError as e:
    print("AttributeError:", e)

# Threads started by _thread get a dummy Thread with their own locals.
done = threading.Event()
raw_seen = []


def raw():
    raw_seen.append((hasattr(plain, "a"), threading.current_thread().daemon))
    plain.a = "raw"
    done.set()


_thread.start_new_thread(raw, ())
done.wait()
print(raw_seen, plain.a)

# is_alive is False once join() returns, and a repr says "stopped".
t = threading.Thread(target=lambda: None, name="quick")
print(repr(t).split(",")[1])
t.start()
t.join()
print(t.is_alive(), repr(t).split(",")[1].split()[0])
many = [threading.Thread(target=sum, args=([1, 2],)) for _ in range(20)]
for m in many:
    m.start()
for m in many:
    m.join(timeout=10)
# The dummy for the _thread thread stays listed unless a later thread reuses
# its ident (CPython 3.11 too), which depends on timing: count the others.
others = [x for x in threading.enumerate() if not isinstance(x, threading._DummyThread)]
print([m.is_alive() for m in many].count(False), len(others))

# A thread that is still running: join with a timeout returns, still alive.
gate = threading.Event()
slow = threading.Thread(target=gate.wait)
slow.start()
slow.join(timeout=0.01)
print("alive after timed join:", slow.is_alive())
gate.set()
slow.join()
print("alive after join:", slow.is_alive())
