# Issue 12's second asyncio row: 10,000 tasks each sleeping 0.1 s at the same
# time. The wall time shows the overhead around a 0.1 s wait; run.py's peak
# memory column, divided by the task count, gives the memory per pending
# task. Timed inside the script; the last line is a checksum.
import asyncio
import time

TASKS = 10_000


async def sleeper(i):
    await asyncio.sleep(0.1)
    return i


async def main():
    start = time.perf_counter()
    tasks = [asyncio.create_task(sleeper(i)) for i in range(TASKS)]
    results = await asyncio.gather(*tasks)
    print("measure:", time.perf_counter() - start)
    return sum(results)


print(asyncio.run(main()))
