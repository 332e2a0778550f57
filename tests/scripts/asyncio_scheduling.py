# The event loop's scheduling: call_soon order, call_later/call_at by
# deadline, cancelled handles, stop/run_forever, sleep overlap order.
import asyncio

log = []

loop = asyncio.new_event_loop()
print(loop.is_running(), loop.is_closed())
loop.call_soon(log.append, "soon-1")
loop.call_later(0.2, log.append, "later-0.2")
loop.call_later(0.1, log.append, "later-0.1")
h = loop.call_later(0.15, log.append, "cancelled-timer")
loop.call_soon(log.append, "soon-2")
h2 = loop.call_soon(log.append, "cancelled-soon")
h.cancel()
h2.cancel()
print("cancelled:", h.cancelled(), h2.cancelled(), h.when() > loop.time() - 1)
loop.call_at(loop.time() + 0.3, loop.stop)
loop.run_forever()
print(log)
print(loop.is_running())

# Callbacks scheduled by a callback run on the next iteration, after what
# was already ready.
log.clear()
def first():
    log.append("first")
    loop.call_soon(log.append, "scheduled-by-first")
loop.call_soon(first)
loop.call_soon(log.append, "second")
loop.call_soon(loop.stop)
loop.run_forever()
loop.run_until_complete(asyncio.sleep(0))
print(log)

loop.set_debug(True)
try:
    loop.call_soon(42)
except TypeError as e:
    print("TypeError:", e)
loop.set_debug(False)

async def inner_run():
    coro = asyncio.sleep(0)
    try:
        loop.run_until_complete(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    await coro
    try:
        loop.run_forever()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        loop.close()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("running inside:", loop.is_running(), asyncio.get_running_loop() is loop)
loop.run_until_complete(inner_run())
print(loop.run_until_complete(asyncio.sleep(0.01, result="slept")))
loop.close()
loop.close()
print(loop.is_closed())
try:
    loop.call_soon(print)
except RuntimeError as e:
    print("RuntimeError:", e)
coro = asyncio.sleep(0)
try:
    loop.run_until_complete(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)


# Waits overlap: three sleepers finish in deadline order, not start order.
async def sleeper(name, delay, out):
    out.append(f"start {name}")
    await asyncio.sleep(delay)
    out.append(f"end {name}")
    return name


async def overlap():
    out = []
    t0 = asyncio.get_running_loop().time()
    # Gaps wide enough for a loaded machine under GC stress: the sleeps
    # total 1.0 s, overlapped they take 0.6 s.
    results = await asyncio.gather(sleeper("slow", 0.6, out), sleeper("fast", 0.1, out), sleeper("mid", 0.3, out))
    elapsed = asyncio.get_running_loop().time() - t0
    print(out)
    print(results, "overlapped:", elapsed < 0.95)


asyncio.run(overlap())


async def nested():
    coro = asyncio.sleep(0)
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    await coro  # still usable: run() did not touch it

asyncio.run(nested())
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)

# sleep(0) rounds interleave tasks one step at a time.
async def stepper(name, n, out):
    for i in range(n):
        out.append(f"{name}{i}")
        await asyncio.sleep(0)

async def rounds():
    out = []
    await asyncio.gather(stepper("a", 3, out), stepper("b", 2, out), stepper("c", 3, out))
    print(" ".join(out))

asyncio.run(rounds())
print(asyncio.iscoroutinefunction(stepper), asyncio.iscoroutinefunction(print), asyncio.iscoroutinefunction(lambda: 1))
c = stepper("x", 0, [])
print(asyncio.iscoroutine(c), asyncio.iscoroutine(stepper))
c.close()
