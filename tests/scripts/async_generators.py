# Async generators (PEP 525): async for over them, awaits inside, asend,
# athrow, aclose, finally blocks, errors, and async generator expressions.
import asyncio


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
    await asyncio.sleep(0)


async def echo():
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
            await asyncio.sleep(0)
    finally:
        print("echo finally", received)


async def careful():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught inside", e)
        yield "recovered"
    finally:
        print("careful finally")


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


async def bad_stop():
    yield 1
    raise StopAsyncIteration


async def main():
    print([i async for i in ticker(4)])
    async for i in ticker(2):
        print("tick", i)
    t = ticker(1)
    print(t.__aiter__() is t, type(t).__name__, t.__name__, t.__qualname__)
    print(await t.__anext__())
    try:
        await t.__anext__()
    except StopAsyncIteration as e:
        print("StopAsyncIteration", e.args)

    e = echo()
    print(await e.asend(None))
    print(await e.asend("a"))
    print(await e.asend("b"))
    await e.aclose()
    await e.aclose()  # closing twice is fine

    c = careful()
    print(await c.__anext__())
    print(await c.athrow(ValueError("boom")))
    await c.aclose()

    c = careful()
    print(await c.__anext__())
    try:
        await c.athrow(KeyError, KeyError("k"))
    except KeyError as exc:
        print("KeyError out", exc)

    s = stubborn()
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as exc:
        print("RuntimeError:", exc)

    b = bad_stop()
    await b.__anext__()
    try:
        await b.__anext__()
    except RuntimeError as exc:
        print("RuntimeError:", exc)

    n = ticker(3).__anext__()
    await n
    try:
        await n
    except RuntimeError as exc:
        print("RuntimeError:", exc)

    try:
        await echo().asend("x")
    except TypeError as exc:
        print("TypeError:", exc)

    g = (x * 10 async for x in ticker(3))
    print(type(g).__name__, [v async for v in g])
    print(await anext(ticker(5)) if "anext" in dir(__builtins__) else 0)

    async def nested():
        async for i in ticker(2):
            async for j in ticker(2):
                yield i, j

    print([p async for p in nested()])


asyncio.run(main())
