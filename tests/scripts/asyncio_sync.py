# asyncio's Lock, Event, Condition, Semaphore, BoundedSemaphore and queues.
import asyncio


async def locks():
    lock = asyncio.Lock()
    out = []

    async def worker(name):
        async with lock:
            out.append(f"{name} in")
            await asyncio.sleep(0.01)
            out.append(f"{name} out")

    await asyncio.gather(worker("a"), worker("b"), worker("c"))
    print(out)
    print("locked:", lock.locked(), "[unlocked]" in repr(lock))
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("acquire:", await lock.acquire(), lock.locked())
    # a cancelled waiter does not take the lock
    waiter = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    waiter.cancel()
    lock.release()
    await asyncio.sleep(0)
    print("cancelled waiter:", waiter.cancelled(), lock.locked())


async def events():
    ev = asyncio.Event()
    out = []

    async def waiter(n):
        await ev.wait()
        out.append(n)

    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print("set?", ev.is_set(), out)
    ev.set()
    await asyncio.gather(*tasks)
    print("woken:", out, await ev.wait())
    ev.clear()
    print("cleared:", ev.is_set())


async def conditions():
    cond = asyncio.Condition()
    items = []
    out = []

    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: items)
            out.append((name, items.pop(0)))

    tasks = [asyncio.create_task(consumer(n)) for n in ("c1", "c2")]
    await asyncio.sleep(0)
    async with cond:
        items.append("x")
        cond.notify()
    await asyncio.sleep(0.01)
    async with cond:
        items.append("y")
        cond.notify_all()
    await asyncio.gather(*tasks)
    print("condition:", out)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)


async def semaphores():
    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0

    async def worker():
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.01)
            active -= 1

    await asyncio.gather(*(worker() for _ in range(6)))
    print("semaphore peak:", peak, sem.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)


async def queues():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full(), str(q))
    await q.put(1)
    q.put_nowait(2)
    print("full:", q.full(), q.qsize(), str(q))
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull")
    consumed = []

    async def producer():
        for i in range(3, 7):
            await q.put(i)  # blocks while full
            consumed.append(f"put {i}")

    async def consumer():
        for _ in range(6):
            item = await q.get()
            consumed.append(f"got {item}")
            q.task_done()

    await asyncio.gather(producer(), consumer())
    print(consumed)
    await q.join()
    print("joined; empty:", q.empty())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b")]:
        pq.put_nowait(item)
    print("priority:", [pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for item in "abc":
        await lq.put(item)
    print("lifo:", [await lq.get() for _ in range(3)])

    # join waits for task_done of every item
    jq = asyncio.Queue()
    log = []

    async def worker():
        while True:
            item = await jq.get()
            await asyncio.sleep(0.01)
            log.append(item)
            jq.task_done()

    w = asyncio.create_task(worker())
    for i in range(3):
        jq.put_nowait(i)
    await jq.join()
    print("join after:", log)
    w.cancel()
    # a cancelled getter leaves the queue usable
    g = asyncio.create_task(jq.get())
    await asyncio.sleep(0)
    g.cancel()
    await asyncio.sleep(0)
    jq.put_nowait("still works")
    print(await jq.get(), g.cancelled())


async def main():
    await locks()
    await events()
    await conditions()
    await semaphores()
    await queues()

asyncio.run(main())

# A primitive used from two loops is an error.
lock = asyncio.Lock()
async def hold():
    await lock.acquire()
    await lock.acquire()  # waits; binds the lock to this loop
async def use_again():
    try:
        await asyncio.wait_for(hold(), 0.01)
    except TimeoutError:
        print("first loop timed out")
asyncio.run(use_again())
async def other_loop():
    try:
        await lock.acquire()
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(" is ")[1])
asyncio.run(other_loop())
