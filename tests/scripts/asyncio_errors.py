# The loop's exception handler: callbacks that raise, "Task exception was
# never retrieved", "Task was destroyed but it is pending!", handler errors.
import asyncio
import gc


def describe(loop, context):
    keys = sorted(k for k in context if k != "message")
    exc = context.get("exception")
    print("handler:", context["message"].split(" at ")[0], keys, repr(exc))


async def boom():
    raise ValueError("never seen")


async def forever():
    await asyncio.sleep(10)


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    loop.set_exception_handler(describe)
    print(loop.get_exception_handler() is describe)
    try:
        loop.set_exception_handler(42)
    except TypeError as e:
        print("TypeError:", e)

    def bad_callback(x):
        raise KeyError(x)
    loop.call_soon(bad_callback, "k")
    await asyncio.sleep(0.01)

    # A failed task nobody awaits is reported when it is collected.
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    del t
    gc.collect()
    await asyncio.sleep(0)
    # A retrieved exception is not reported.
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    print("retrieved:", repr(t.exception()))
    del t
    gc.collect()

    # A handler that itself fails falls back to the default handler.
    def broken(loop, context):
        raise RuntimeError("handler broke")
    loop.set_exception_handler(broken)
    loop.call_soon(bad_callback, "again")
    await asyncio.sleep(0.01)
    loop.set_exception_handler(describe)

    # call_exception_handler directly
    loop.call_exception_handler({"message": "custom report", "extra": 1})
    loop.set_exception_handler(None)


asyncio.run(main())

print("done")

# A pending task whose loop is closed and dropped is reported. Last, with
# nothing printed after it: when the report comes (at this collection, or
# at exit if a stale conservative root keeps the task a while) is the
# collector's business, and the output must not depend on it.
loop = asyncio.new_event_loop()
loop.set_exception_handler(describe)
task = loop.create_task(forever())
loop.run_until_complete(asyncio.sleep(0.01))
loop.close()
del task, loop
gc.collect()
gc.collect()
