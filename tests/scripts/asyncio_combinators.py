# gather, wait, wait_for, as_completed, shield, timeout/timeout_at, with
# failures, timeouts and cancellation messages.
import asyncio


async def job(name, delay, fail=None):
    await asyncio.sleep(delay)
    if fail is not None:
        raise fail
    return name


async def gathers():
    print("gather:", await asyncio.gather(job("a", 0.1), job("b", 0.0), job("c", 0.05)))
    print("gather empty:", await asyncio.gather())
    try:
        await asyncio.gather(job("a", 0.01), job("b", 0, ValueError("b failed")))
    except ValueError as e:
        print("gather raised:", e)
    results = await asyncio.gather(job("a", 0.01), job("b", 0, ValueError("b failed")), return_exceptions=True)
    print("return_exceptions:", [repr(r) for r in results])
    same = job("same", 0)
    print("duplicates:", await asyncio.gather(same, same))

    # cancelling the gather cancels every child
    children = [asyncio.create_task(job(n, 10)) for n in "xyz"]
    g = asyncio.gather(*children)
    await asyncio.sleep(0)
    print("gather cancel:", g.cancel("enough"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather cancelled:", e.args, [c.cancelled() for c in children])

    # a cancelled child with return_exceptions shows up as a CancelledError
    t = asyncio.create_task(job("t", 10))
    u = asyncio.create_task(job("u", 0.01))
    asyncio.get_running_loop().call_soon(t.cancel, "child stop")
    res = await asyncio.gather(t, u, return_exceptions=True)
    print("child cancelled:", [type(r).__name__ for r in res], res[0].args)
    # ... and without it, the gather raises CancelledError
    t = asyncio.create_task(job("t", 10))
    asyncio.get_running_loop().call_soon(t.cancel)
    try:
        await asyncio.gather(t, job("v", 0.01))
    except asyncio.CancelledError:
        print("gather saw a cancelled child")
    await asyncio.sleep(0.02)


async def waits():
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("fast", 0.01), ("slow", 0.3))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("FIRST_COMPLETED:", sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(pending, timeout=0.01)
    print("timeout:", len(done), len(pending))
    done, pending = await asyncio.wait(pending)
    print("ALL_COMPLETED:", sorted(t.result() for t in done), len(pending))
    tasks = [asyncio.create_task(job("ok", 0.01)), asyncio.create_task(job("bad", 0.05, KeyError("k"))),
             asyncio.create_task(job("late", 0.5))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION:", len(done), len(pending), sorted(repr(t.exception()) for t in done))
    for t in pending:
        t.cancel()
    for bad_args in (([],), (tasks[0],), (tasks, "sometimes")):
        try:
            if len(bad_args) == 2:
                await asyncio.wait(bad_args[0], return_when=bad_args[1])
            else:
                await asyncio.wait(bad_args[0])
        except (ValueError, TypeError) as e:
            print(type(e).__name__ + ":", e)
    coro = job("c", 0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print("TypeError:", e)
    coro.close()


async def wait_fors():
    print("wait_for in time:", await asyncio.wait_for(job("quick", 0.01), 1))
    print("wait_for None:", await asyncio.wait_for(job("quick", 0), None))
    try:
        await asyncio.wait_for(job("slow", 10), 0.05)
    except asyncio.TimeoutError as e:
        print("wait_for timed out:", type(e).__name__, type(e.__cause__).__name__, asyncio.TimeoutError is TimeoutError)
    try:
        await asyncio.wait_for(job("slow", 10), 0)
    except TimeoutError:
        print("wait_for 0 timed out")
    inner = asyncio.create_task(job("inner", 10))
    outer = asyncio.create_task(asyncio.wait_for(inner, 5))
    await asyncio.sleep(0.01)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled, inner cancelled too:", inner.cancelled())


async def as_completeds():
    order = []
    # (Gaps wide enough for a loaded machine under GC stress.)
    for next_done in asyncio.as_completed([job("c", 0.6), job("a", 0.01), job("b", 0.3)]):
        order.append(await next_done)
    print("as_completed:", order)
    got = []
    try:
        for next_done in asyncio.as_completed([job("x", 0.01), job("y", 10)], timeout=0.5):
            got.append(await next_done)
    except TimeoutError:
        print("as_completed timed out after", got)
    await asyncio.sleep(0)


async def shields():
    inner = asyncio.create_task(job("protected", 0.05))
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled; inner:", await inner)

    async def caller():
        return await asyncio.shield(job("shielded", 0.05))
    c = asyncio.create_task(caller())
    await asyncio.sleep(0.01)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("caller cancelled")
    await asyncio.sleep(0.1)


async def timeouts():
    try:
        async with asyncio.timeout(0.05) as cm:
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout expired:", cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.01)
    print("not expired:", cm.expired(), repr(cm))
    async with asyncio.timeout(None) as cm:
        print("when None:", cm.when())
        cm.reschedule(asyncio.get_running_loop().time() + 0.05)
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("inside: cancelled by the timeout")
            raise
    print("unreachable")


async def timeouts2():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.02):
            try:
                await asyncio.sleep(10)
            finally:
                print("timeout_at: finally")
    except TimeoutError:
        print("timeout_at expired")
    t = asyncio.timeout(1)
    try:
        t.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(repr(t)[:19])


async def main():
    await gathers()
    await waits()
    await wait_fors()
    await as_completeds()
    await shields()
    try:
        await timeouts()
    except TimeoutError:
        print("rescheduled timeout expired")
    await timeouts2()

asyncio.run(main())
