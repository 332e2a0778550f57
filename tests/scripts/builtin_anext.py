# aiter() and anext(), with and without a default, and their errors.
import asyncio


async def agen():
    yield "a"
    await asyncio.sleep(0)
    yield "b"


class Slow:
    def __init__(self):
        self.done = False

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.done:
            raise StopAsyncIteration
        self.done = True
        return "slow"


async def main():
    it = aiter(agen())
    print(await anext(it), await anext(it), await anext(it, "default"), await anext(it, None))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    s = Slow()
    print(aiter(s) is s, await anext(s, 0), await anext(s, 0))
    for bad in (lambda: aiter(5), lambda: anext(5), lambda: anext([], 1)):
        try:
            bad()
        except TypeError as e:
            print("TypeError:", e)

    class BadAiter:
        def __aiter__(self):
            return 5

    try:
        aiter(BadAiter())
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
