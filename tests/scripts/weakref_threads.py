# Weak references shared between threads: several threads drop referents
# and collect at the same time; callbacks run in whichever thread collected
# (holding the GIL), each once.
import gc
import threading
import weakref


class Item:
    def __init__(self, n):
        self.n = n


lock = threading.Lock()
called = []
callback_threads = set()


def on_death(ref):
    with lock:
        called.append(ref)
        callback_threads.add(threading.current_thread().name)


shared = weakref.WeakValueDictionary()
shared_set = weakref.WeakSet()


def worker(index, rounds, refs):
    for r in range(rounds):
        batch = [Item(i) for i in range(20)]
        for i, item in enumerate(batch):
            refs.append(weakref.ref(item, on_death))
            shared[(index, r, i)] = item
            shared_set.add(item)
        del batch, item
        if r % 5 == 0:
            gc.collect()


refs_by_thread = [[] for i in range(4)]
threads = [threading.Thread(target=worker, args=(i, 25, refs_by_thread[i])) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
gc.collect()
gc.collect()
all_refs = [r for refs in refs_by_thread for r in refs]
dead = [r for r in all_refs if r() is None]
print(len(all_refs), len(dead) >= len(all_refs) - 10)
print(len(called) == len(dead), len(set(map(id, called))) == len(called))
print(len(shared) <= 10, len(shared_set) <= 10)
