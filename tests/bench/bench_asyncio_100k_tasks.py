# Issue 12's first asyncio row: create and gather 100,000 tasks that each
# await asyncio.sleep(0) once. Timed inside the script (start-up and the
# import of asyncio excluded); the last line is a checksum.
import asyncio
import time

TASKS = 100_000


async def one(i):
    await asyncio.sleep(0)
    return i


async def main():
    start = time.perf_counter()
    results = await asyncio.gather(*[one(i) for i in range(TASKS)])
    print("measure:", time.perf_counter() - start)
    return sum(results)


print(asyncio.run(main()))
