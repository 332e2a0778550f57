# Coroutines still alive, never started, when the program ends warn at
# "sys:1" (no Python code is running then), in the order they were made.
# (Kept apart from coro_never_awaited.py: CPython stays silent at exit
# once warnings.catch_warnings has been used.)
import gc


async def f():
    pass


class K:
    async def method(self):
        pass


first = K().method()
second = f()
started = f()
try:
    started.send(None)
except StopIteration:
    pass
print("end")
