# The loop's scheduling core (native in gilvm): Handle and TimerHandle
# reprs, cancel, comparisons; call_soon / call_later(0) / call_at ordering,
# timers due at the same moment (heap order), exceptions in callbacks
# reaching the exception handler, stop() inside a turn, contexts, and the
# argument errors of call_soon & co.
import asyncio
import contextvars
import threading

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)

# -- reprs (builtins as callbacks: no source location in the repr)
h = loop.call_soon(print, "handle-ran", 2)
print(repr(h))
print(h.cancelled())
h.cancel()
print(repr(h), h.cancelled())
h.cancel()
print(repr(h))
t = loop.call_at(10**9, print, "never")
print(repr(t))
print(t.when(), t.cancelled(), type(t).__name__, isinstance(t, asyncio.Handle))
t.cancel()
print(repr(t), t.when())
print(repr(loop.call_soon(len, "a" * 100)))
print(repr(loop.call_soon(print, 1, 2, 3, 4)))
print(repr(loop.call_soon(sorted, [3, 1, 2])))
print(asyncio.Handle.__module__, asyncio.TimerHandle.__module__)
print(asyncio.TimerHandle.__mro__[1] is asyncio.Handle)

# -- comparisons and hashes of TimerHandles
a = asyncio.TimerHandle(5, print, (), loop)
b = asyncio.TimerHandle(7, print, (), loop)
c = asyncio.TimerHandle(5, print, (), loop)
print(a < b, a <= b, a > b, a >= b, a == c, a == b, a != c, hash(a) == hash(5))
print(a.__lt__(1), a.__eq__("x"))
c.cancel()
print(a == c, repr(c))
plain = asyncio.Handle(print, ("made by hand",), loop)
plain._run()
print(repr(plain), plain._args, plain._callback is print)
ctx = contextvars.copy_context()
print(asyncio.Handle(print, (), loop, ctx)._context is ctx)
loop.run_until_complete(asyncio.sleep(0))

# -- ordering: what is ready first runs first; timers by deadline; equal
# deadlines come out of the heap in heapq's order
log = []
now = loop.time()
loop.call_later(0, log.append, "later-0")
loop.call_soon(log.append, "soon-1")
loop.call_at(now - 1, log.append, "at-past")
loop.call_soon(log.append, "soon-2")
for i in range(12):
    loop.call_at(now + 0.05, log.append, f"same-{i}")
loop.call_at(now + 0.04, log.append, "earlier")
loop.call_at(now + 0.2, loop.stop)
loop.run_forever()
print(log)

# -- cancelled timers: many of them (the heap is rebuilt), then the rest run
log.clear()
now = loop.time()
timers = [loop.call_at(now + 0.01 * (i % 7), log.append, i) for i in range(300)]
for i, timer in enumerate(timers):
    if i % 3:
        timer.cancel()
loop.call_at(now + 0.3, loop.stop)
loop.run_forever()
print(len(log), log[:12])

# -- a callback's exception goes to the exception handler
def handler(lp, context):
    print("handler:", lp is loop, sorted(context), context["message"].split(" at ")[0],
          type(context["exception"]).__name__, context["exception"], type(context["handle"]).__name__)

def boom(what):
    raise ValueError(what)

loop.set_exception_handler(handler)
loop.call_soon(boom, "from call_soon")
loop.call_later(0.01, boom, "from call_later")
loop.call_soon(log.append, "after-boom")
loop.call_later(0.05, loop.stop)
loop.run_forever()

# -- SystemExit leaves the loop
def leave():
    raise SystemExit(3)

loop.call_soon(leave)
try:
    loop.run_forever()
except SystemExit as e:
    print("SystemExit", e.code, loop.is_running())
loop.set_exception_handler(None)

# -- stop() inside a turn: the rest of that turn still runs
log.clear()
loop.call_soon(log.append, "a")
loop.call_soon(loop.stop)
loop.call_soon(log.append, "b")
loop.call_soon(lambda: loop.call_soon(log.append, "next-turn"))
loop.run_forever()
print(log)
loop.run_until_complete(asyncio.sleep(0))
print(log)

# stop() before run_forever: one turn runs, then it returns
log.clear()
loop.stop()
loop.call_soon(log.append, "one-turn")
loop.run_forever()
print(log)

# -- contexts
var = contextvars.ContextVar("var", default="default")

def show(label):
    print(label, var.get())

ctx = contextvars.Context()
ctx.run(var.set, "in-ctx")
loop.call_soon(show, "soon with context:", context=ctx)
loop.call_later(0, show, "later with context:", context=ctx)
loop.call_soon(loop.stop)
loop.run_forever()
loop.run_until_complete(asyncio.sleep(0.01))

# -- call_soon_threadsafe from another thread
async def from_thread():
    fut = loop.create_future()
    def worker():
        loop.call_soon_threadsafe(fut.set_result, "threadsafe")
    threading.Thread(target=worker).start()
    return await fut

print(loop.run_until_complete(from_thread()))

# -- argument errors
for call in (lambda: loop.call_later(None, print), lambda: loop.call_at(None, print),
             lambda: loop.call_soon(print, foo=1), lambda: loop.call_later(1, print, bar=2),
             lambda: loop.call_later("x", print)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
loop.set_debug(True)
for method in (loop.call_soon, loop.call_soon_threadsafe):
    try:
        method(1)
    except TypeError as e:
        print("TypeError:", e)
try:
    loop.call_at(loop.time(), "x")
except TypeError as e:
    print("TypeError:", e)
h = loop.call_soon(print, "debug")
h.cancel()
print(repr(h).split(" created at")[0].rstrip(">"))
loop.set_debug(False)
loop.run_until_complete(asyncio.sleep(0))

loop.close()
for call in (lambda: loop.call_soon(print), lambda: loop.call_later(1, print), lambda: loop.call_at(1, print),
             lambda: loop.call_soon_threadsafe(print)):
    try:
        call()
    except RuntimeError as e:
        print("RuntimeError:", e)
print(loop.is_closed())

# -- a subclass's own call_soon / call_at see what tasks and call_later do
class CountingLoop(asyncio.SelectorEventLoop):
    soon = 0
    at = 0

    def call_soon(self, callback, *args, context=None):
        CountingLoop.soon += 1
        return super().call_soon(callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        CountingLoop.at += 1
        return super().call_at(when, callback, *args, context=context)

async def work(i):
    await asyncio.sleep(0)
    await asyncio.sleep(0.001)
    return i

async def gathered():
    return sum(await asyncio.gather(*(work(i) for i in range(5))))

counting = CountingLoop()
print(counting.run_until_complete(gathered()), CountingLoop.soon >= 15, CountingLoop.at)
print(type(counting.call_later(5, print)).__name__, CountingLoop.at)
counting.close()
