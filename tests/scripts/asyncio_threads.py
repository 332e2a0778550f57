# The loop and other threads: run_coroutine_threadsafe (a
# concurrent.futures.Future), call_soon_threadsafe, to_thread,
# run_in_executor, wrap_future, shutdown_default_executor.
import asyncio
import concurrent.futures
import threading
import time


async def double(x):
    await asyncio.sleep(0.01)
    return 2 * x


async def fail():
    await asyncio.sleep(0)
    raise ValueError("failed in loop")


def blocking(n):
    time.sleep(0.2)
    return n * n, threading.get_ident()


async def main():
    loop = asyncio.get_running_loop()
    main_thread = threading.get_ident()

    # A thread submits coroutines and waits for their results.
    results = []
    def submitter():
        for i in range(5):
            fut = asyncio.run_coroutine_threadsafe(double(i), loop)
            results.append((type(fut).__module__, fut.result(timeout=5)))
        fut = asyncio.run_coroutine_threadsafe(fail(), loop)
        try:
            fut.result(timeout=5)
        except ValueError as e:
            results.append(("error", str(e)))
        # cancelling the concurrent future cancels the task
        fut = asyncio.run_coroutine_threadsafe(asyncio.sleep(10), loop)
        time.sleep(0.05)
        results.append(("cancel", fut.cancel()))
    t = threading.Thread(target=submitter)
    t.start()
    while t.is_alive():
        await asyncio.sleep(0.01)
    t.join()
    print(results)
    try:
        asyncio.run_coroutine_threadsafe(42, loop)
    except TypeError as e:
        print("TypeError:", e)

    # call_soon_threadsafe wakes a loop that is blocked waiting.
    woken = loop.create_future()
    def poke():
        time.sleep(0.05)
        loop.call_soon_threadsafe(woken.set_result, threading.get_ident() != main_thread)
    threading.Thread(target=poke).start()
    print("set from another thread:", await woken)

    # to_thread and run_in_executor run in worker threads, concurrently.
    where = await asyncio.to_thread(lambda: threading.get_ident() != main_thread)
    print("to_thread in a worker:", where)
    print("to_thread kwargs:", await asyncio.to_thread(sorted, [3, 1, 2], reverse=True))
    pairs = await asyncio.gather(*(loop.run_in_executor(None, blocking, n) for n in range(4)))
    print("run_in_executor:", [p[0] for p in pairs], "several workers:", len({p[1] for p in pairs}) > 1)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        print("own executor:", (await loop.run_in_executor(pool, blocking, 7))[0])
    try:
        await asyncio.to_thread(int, "x")
    except ValueError as e:
        print("to_thread error:", e)

    # wrap_future follows a concurrent future completed by a thread.
    cf = concurrent.futures.Future()
    wrapped = asyncio.wrap_future(cf)
    threading.Thread(target=lambda: (time.sleep(0.02), cf.set_result("from thread"))).start()
    print("wrap_future:", await wrapped, asyncio.wrap_future(wrapped) is wrapped)
    try:
        asyncio.wrap_future(42)
    except AssertionError as e:
        print("AssertionError:", e)

    # The loop keeps running while a thread holds the GIL-free wait.
    ticks = 0
    async def ticker():
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1
    tk = asyncio.create_task(ticker())
    await asyncio.to_thread(time.sleep, 0.2)
    tk.cancel()
    print("loop ticked while a thread slept:", ticks >= 2)


asyncio.run(main())

# A loop run in a thread, fed from the main thread.
loop = asyncio.new_event_loop()
ready = threading.Event()
def run_loop():
    asyncio.set_event_loop(loop)
    loop.call_soon(ready.set)
    loop.run_forever()
t = threading.Thread(target=run_loop)
t.start()
ready.wait()
futs = [asyncio.run_coroutine_threadsafe(double(i), loop) for i in range(3)]
print("loop in a thread:", [f.result(timeout=5) for f in futs], loop.is_running())
loop.call_soon_threadsafe(loop.stop)
t.join()
loop.run_until_complete(loop.shutdown_default_executor())
loop.close()
print("stopped:", loop.is_running(), loop.is_closed())
