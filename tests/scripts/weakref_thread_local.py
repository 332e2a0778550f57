# threading.local: a local object that is collected takes its per-thread
# values with it, in every thread that set some (CPython frees them when
# the local's reference count drops; gilvm at the next collection).
import gc
import threading
import weakref


class Value:
    pass


def use_locals(n, refs):
    for i in range(n):
        loc = threading.local()
        loc.value = Value()
        refs.append(weakref.ref(loc.value))


refs = []
use_locals(20, refs)
gc.collect()
gc.collect()
print(sum(1 for r in refs if r() is None) >= 18)

# Values a local holds for another thread go too, while that thread lives.
shared = [threading.local() for i in range(10)]
thread_refs = []
stored = threading.Event()
release = threading.Event()


def worker():
    for loc in shared:
        loc.value = Value()
        thread_refs.append(weakref.ref(loc.value))
    stored.set()
    release.wait()


t = threading.Thread(target=worker)
t.start()
stored.wait()
print(all(r() is not None for r in thread_refs))
del shared[:]
gc.collect()
gc.collect()
print(sum(1 for r in thread_refs if r() is None) >= 8)
release.set()
t.join()

# A live local still works as before, in this thread and others.
class Counter(threading.local):
    def __init__(self, start):
        self.count = start


c = Counter(5)
c.count += 1
seen = []
t = threading.Thread(target=lambda: seen.append(c.count))
t.start()
t.join()
print(c.count, seen, c.__dict__)
