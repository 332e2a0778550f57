# asyncio's scheduler: 10,000 tasks each doing 10 rounds of sleep(0), then
# a producer and two consumers passing 100,000 items through a bounded
# asyncio.Queue. The last line is a checksum.
import asyncio

TASKS = 10_000
ROUNDS = 10
ITEMS = 100_000


async def spinner(i):
    total = 0
    for r in range(ROUNDS):
        await asyncio.sleep(0)
        total += r
    return total + i


async def producer(queue):
    for i in range(ITEMS):
        await queue.put(i)
    for _ in range(2):
        await queue.put(None)


async def consumer(queue):
    total = 0
    while True:
        item = await queue.get()
        if item is None:
            return total
        total += item


async def main():
    results = await asyncio.gather(*(spinner(i) for i in range(TASKS)))
    queue = asyncio.Queue(maxsize=100)
    _, a, b = await asyncio.gather(producer(queue), consumer(queue), consumer(queue))
    return sum(results), a + b


print(asyncio.run(main()))
