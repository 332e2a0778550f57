# asyncio's loop installs asyncgen hooks while it runs: an async generator
# abandoned mid-iteration gets its aclose() scheduled on the loop when it is
# collected (its `finally` may await), and asyncio.run closes the ones still
# alive at the end (loop.shutdown_asyncgens()).
import asyncio
import gc
import sys


async def ticker(label, log):
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        log.append(label + ": finally")
        await asyncio.sleep(0)
        log.append(label + ": finally after await")


async def abandon(log):
    async for i in ticker("abandoned", log):
        if i == 2:
            break
    # CPython finalizes the generator at the break; gilvm at the collection.
    [0 for _ in "ab"]; gc.collect()
    log.append("broke out")
    for _ in range(4):
        await asyncio.sleep(0)
    log.append("abandon done")


kept = []


async def keep(log):
    agen = ticker("kept", log)
    kept.append(agen)
    print("first:", await agen.__anext__())


async def main():
    hooks = sys.get_asyncgen_hooks()
    print("hooks:", hooks.firstiter.__name__, hooks.finalizer.__name__)
    log = []
    await abandon(log)
    print(log)
    await keep(log)
    print("main returns", log)
    return log


print(sys.get_asyncgen_hooks())
log = asyncio.run(main())
print("after run:", log)
print(sys.get_asyncgen_hooks())


# shutdown_asyncgens on a loop of one's own; an error in aclose() goes to
# the exception handler.
async def stubborn():
    try:
        yield 1
    finally:
        raise ValueError("cannot close")


loop = asyncio.new_event_loop()
loop.set_exception_handler(lambda loop, context: print("handler:", context["message"].split(" <")[0],
                                                         repr(context["exception"])))
held = stubborn()


async def first():
    return await held.__anext__()


print(loop.run_until_complete(first()))
loop.run_until_complete(loop.shutdown_asyncgens())
loop.run_until_complete(loop.shutdown_asyncgens())
loop.close()
print("done")
