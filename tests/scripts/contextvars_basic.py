# contextvars: ContextVar get/set/reset with defaults, Token, copy_context
# snapshots, Context.run and the mapping API, errors, threads starting
# empty, and asyncio tasks each running in their own copy.
import asyncio
import contextvars
import threading

name = contextvars.ContextVar("name")
count = contextvars.ContextVar("count", default=0)

print(name.name, count.get(), name.get("fallback"))
try:
    name.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__, e.args[0] is name)

token = name.set("first")
print(name.get(), token.var is name, token.old_value is contextvars.Token.MISSING, repr(contextvars.Token.MISSING))
token2 = name.set("second")
print(name.get(), token2.old_value)
name.reset(token2)
print(name.get())
try:
    name.reset(token2)
except RuntimeError as e:
    print("RuntimeError", "has already been used once" in str(e))
try:
    count.reset(token)
except ValueError as e:
    print("ValueError", "was created by a different ContextVar" in str(e))

snapshot = contextvars.copy_context()
name.set("changed")
print(snapshot[name], name.get(), name in snapshot, count in snapshot, len(snapshot))
print(snapshot.get(count), snapshot.get(count, 5), [v.name for v in snapshot], list(snapshot.values()))
print([(k.name, v) for k, v in snapshot.items()], [k.name for k in snapshot.keys()])


def inside(x, y=0):
    name.set("inside")
    count.set(x + y)
    return name.get(), count.get()


print(snapshot.run(inside, 1, y=2), snapshot[name], snapshot[count], name.get(), count.get())
try:
    snapshot.run(lambda: snapshot.run(print))
except RuntimeError as e:
    print("RuntimeError", "is already entered" in str(e))
try:
    snapshot[1]
except TypeError as e:
    print("TypeError", e)
empty = contextvars.Context()
print(len(empty), empty.run(name.get, "none here"), len(empty.copy()))
for bad in (lambda: contextvars.ContextVar(1), lambda: contextvars.Context(1), lambda: name.reset(5)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(type(contextvars.ContextVar[int]).__name__)

seen = []
t = threading.Thread(target=lambda: seen.append(name.get("fresh thread")))
t.start()
t.join()
print(seen)

request = contextvars.ContextVar("request", default="none")


async def handler(n):
    request.set(f"req-{n}")
    await asyncio.sleep(0.01 * (3 - n))
    return request.get()


async def main():
    request.set("main")
    results = await asyncio.gather(*(handler(n) for n in range(3)))
    print(results, request.get())
    ctx = contextvars.copy_context()
    task = asyncio.get_running_loop().create_task(handler(9), context=ctx)
    print(await task, ctx[request], request.get())


asyncio.run(main())
