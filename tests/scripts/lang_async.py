# async def / await / async with / async for compile; coroutines are lazy
# and can be driven by hand with send().
class Ready:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        yield "suspend"
        return self.value

class Manager:
    async def __aenter__(self):
        print("aenter")
        return "resource"
    async def __aexit__(self, *exc):
        print("aexit")
        return False

class Ticker:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n

async def add(a, b):
    x = await Ready(a)
    return x + b

async def main():
    total = await add(1, 2)
    async with Manager() as r:
        print("inside", r)
    seen = []
    async for t in Ticker(3):
        seen.append(t)
    return total, seen

coro = main()
print(type(coro).__name__)
steps = []
try:
    while True:
        steps.append(coro.send(None))
except StopIteration as stop:
    print("result", stop.value, steps)
