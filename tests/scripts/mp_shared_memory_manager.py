# multiprocessing.managers.SharedMemoryManager: blocks it makes are seen by
# worker processes and unlinked at shutdown.
import multiprocessing as mp
from multiprocessing.managers import SharedMemoryManager
from multiprocessing.shared_memory import SharedMemory, ShareableList


def fill(name, start):
    block = SharedMemory(name)
    for i in range(4):
        block.buf[start + i] = start + i
    block.close()


def bump(sl):
    sl[0] += 1


if __name__ == "__main__":
    try:
        SharedMemoryManager().SharedMemory(4)
    except ValueError as e:
        print("ValueError", e)
    with SharedMemoryManager() as smm:
        block = smm.SharedMemory(8)
        print(type(block).__name__, block.size, block.name.startswith("psm_"))
        workers = [mp.Process(target=fill, args=(block.name, s)) for s in (0, 4)]
        for p in workers:
            p.start()
        for p in workers:
            p.join()
        print(list(block.buf))
        sl = smm.ShareableList([0, "x"])
        p = mp.Process(target=bump, args=(sl,))
        p.start()
        p.join()
        print(sl[0], sl[1], len(sl))
        names = (block.name, sl.shm.name)
        block.close()
        sl.shm.close()
    for name in names:
        try:
            SharedMemory(name)
            print("still there")
        except FileNotFoundError:
            print("unlinked at shutdown")
