# Asynchronous comprehensions: `async for` clauses (first, nested, after a
# plain `for`), `await` in the element, and the error for a non-async
# iterable.
import asyncio


class Counter:
    def __init__(self, n=3):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        self.i += 1
        if self.i > self.n:
            raise StopAsyncIteration
        return self.i


async def double(x):
    await asyncio.sleep(0)
    return x * 2


async def main():
    print([x async for x in Counter()])
    print({x: x * x async for x in Counter()})
    print({x % 2 async for x in Counter(5)})
    print([x * 2 async for x in Counter() if x != 2])
    print([await double(x) for x in range(3)])
    print([[y async for y in Counter(2)] for _ in range(2)])
    print([x + y async for x in Counter() for y in range(2)])
    print([x + y for x in range(2) async for y in Counter()])
    print([x async for x in Counter() async for _ in Counter(1)])
    try:
        print([x async for x in 5])
    except TypeError as e:
        print("TypeError:", e)
    try:
        print([x for x in Counter()])
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
