# types.coroutine makes a generator function awaitable: its yields reach
# whoever drives the awaiting coroutine, its return value is the await's
# result. Also the CoroutineType and AsyncGeneratorType names.
import asyncio
import types


@types.coroutine
def legacy(x):
    received = yield x + 1
    print("legacy got", received)
    yield x + 2
    return x + 3


async def modern():
    result = await legacy(20)
    print("await gave", result)
    return result * 2


coro = modern()
print(coro.send(None))
print(coro.send("hello"))
try:
    coro.send(None)
except StopIteration as e:
    print("finished with", e.value)


@types.coroutine
def sleep_zero():
    yield


async def with_loop():
    await sleep_zero()
    return "ran on the loop"


print(asyncio.run(with_loop()))
print(legacy.__name__)


async def plain():
    pass


made = plain()
print(type(made) is types.CoroutineType, types.CoroutineType.__name__)
made.close()


async def agen():
    yield


print(type(agen()) is types.AsyncGeneratorType, types.AsyncGeneratorType.__name__)
try:
    types.coroutine(5)
except TypeError as e:
    print("TypeError:", e)
