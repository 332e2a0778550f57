async def inner(x):
    return x * 2

async def outer():
    total = 0
    for i in range(3):
        total += await inner(i)
    return total

co = outer()
try:
    co.send(None)
except StopIteration as e:
    print("result", e.value)

class AIter:
    def __init__(self):
        self.n = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n
