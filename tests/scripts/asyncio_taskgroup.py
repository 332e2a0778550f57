# asyncio.TaskGroup: results, a failing child cancelling its siblings and
# the block, several failures in one ExceptionGroup, except* handling,
# errors in the block itself, outer cancellation and misuse.
import asyncio


async def ok(n, delay=0.01):
    await asyncio.sleep(delay)
    return n


async def fail(exc, delay=0.01):
    await asyncio.sleep(delay)
    raise exc


async def results():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(ok(n)) for n in range(5)]
    print([t.result() for t in tasks])


async def one_failure():
    log = []

    async def slow(name):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            log.append(f"{name} cancelled")
            raise

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow("a"))
            tg.create_task(slow("b"))
            tg.create_task(fail(ValueError("boom")))
            await asyncio.sleep(10)
            log.append("block finished")  # never: the block is cancelled
    except* ValueError as eg:
        print("caught:", repr(eg.exceptions))
    print(sorted(log))


async def many_failures():
    try:
        async with asyncio.TaskGroup() as tg:
            # Both fail in the same loop iteration, before either failure
            # can cancel the other.
            tg.create_task(fail(ValueError(1), 0))
            tg.create_task(fail(TypeError(2), 0))
    except ExceptionGroup as eg:
        print(eg.message, sorted(type(e).__name__ for e in eg.exceptions))


async def block_raises():
    try:
        async with asyncio.TaskGroup() as tg:
            t = tg.create_task(ok(1, 10))
            raise KeyError("in block")
    except* KeyError as eg:
        print("block error:", repr(eg.exceptions[0]), t.cancelled())


async def outer_cancel():
    async def body():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(1, 10))
            await asyncio.sleep(10)

    task = asyncio.create_task(body())
    await asyncio.sleep(0.01)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("outer cancel propagates", task.cancelled())


async def with_timeout():
    try:
        async with asyncio.timeout(0.05):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(ok(1, 10))
    except TimeoutError:
        print("timeout through a TaskGroup")


async def misuse():
    tg = asyncio.TaskGroup()
    coro = ok(1)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()
    async with tg:
        pass
    coro = ok(1)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)


async def nested():
    async def inner():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ZeroDivisionError(), 0.01))
        return "unreachable"

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner())
            tg.create_task(ok(2, 0.05))
    except* ZeroDivisionError as eg:
        print("nested:", repr(eg))


async def main():
    await results()
    await one_failure()
    await many_failures()
    await block_raises()
    await outer_cancel()
    await with_timeout()
    await misuse()
    await nested()


asyncio.run(main())
