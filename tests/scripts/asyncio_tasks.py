# Future and Task states, results, errors, callbacks, names, cancellation
# with messages, uncancel/cancelling, current_task and all_tasks.
import asyncio


def show(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raises", type(e).__name__, str(e))


async def futures_api():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f.done(), f.cancelled(), f.get_loop() is loop)
    show("result pending", f.result)
    show("exception pending", f.exception)
    order = []
    f.add_done_callback(lambda fut: order.append("cb1"))
    def cb2(fut):
        order.append("cb2")
    f.add_done_callback(cb2)
    f.add_done_callback(cb2)
    print("removed", f.remove_done_callback(cb2))
    f.set_result(42)
    print("callbacks not yet run:", order)
    await asyncio.sleep(0)
    print("callbacks:", order)
    print(f.done(), f.result(), f.exception(), repr(f))
    show("set_result again", lambda: f.set_result(1))
    show("set_exception again", lambda: f.set_exception(ValueError()))
    print("cancel done:", f.cancel())

    g = loop.create_future()
    g.set_exception(ValueError("bad"))
    show("result", g.result)
    show("exception", g.exception)
    print(repr(g))
    h = loop.create_future()
    h.set_exception(KeyError)
    print(repr(h.exception()))
    s = loop.create_future()
    show("StopIteration", lambda: s.set_exception(StopIteration()))
    s.cancel()

    c = loop.create_future()
    print("cancel:", c.cancel("stop now"), c.cancel(), c.cancelled(), c.done(), repr(c))
    show("cancelled result", c.result)
    show("cancelled exception", c.exception)
    late = []
    c.add_done_callback(lambda fut: late.append(fut.cancelled()))
    await asyncio.sleep(0)
    print("late callback:", late)

    w = loop.create_future()
    loop.call_later(0.01, w.set_result, "later")
    print("awaited:", await w)
    print(asyncio.isfuture(w), asyncio.isfuture(1))


async def child(name, delay, result=None, fail=None):
    await asyncio.sleep(delay)
    if fail:
        raise fail
    return result


async def tasks_api():
    t = asyncio.create_task(child("a", 0.01, "done-a"), name="worker")
    print(t.get_name(), t.done(), asyncio.iscoroutine(t.get_coro()))
    t.set_name("renamed")
    print(t.get_name())
    print(await t, t.done(), t.result())
    show("set_result", lambda: t.set_result(1))
    show("set_exception", lambda: t.set_exception(ValueError()))
    default = asyncio.create_task(child("b", 0))
    print(default.get_name().startswith("Task-"))
    await default

    bad = asyncio.create_task(child("c", 0, fail=ValueError("boom")))
    try:
        await bad
    except ValueError as e:
        print("awaited failure:", e, type(bad.exception()).__name__)

    # cancel with a message; the coroutine sees it, the awaiter too
    async def victim():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            print("victim saw:", e.args)
            raise
    v = asyncio.create_task(victim())
    await asyncio.sleep(0)
    print("cancel:", v.cancel("shutdown"), v.cancelling())
    try:
        await v
    except asyncio.CancelledError as e:
        print("awaiter saw:", e.args, v.cancelled(), v.done())
    show("cancelled result", v.result)
    print("cancel again:", v.cancel())

    # cancel before the first step: the coroutine never runs
    ran = []
    async def never():
        ran.append(1)
    n = asyncio.create_task(never())
    n.cancel()
    try:
        await n
    except asyncio.CancelledError:
        print("never ran:", ran, n.cancelled())

    # a task that swallows cancellation, and uncancel
    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("stubborn: cancelling", asyncio.current_task().cancelling())
            print("stubborn: uncancel", asyncio.current_task().uncancel())
            return "survived"
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print("stubborn result:", await s, s.cancelled())

    # cancellation inside finally
    async def cleanup():
        try:
            await asyncio.sleep(10)
        finally:
            print("cleanup: finally runs")
            await asyncio.sleep(0)
            print("cleanup: finally finished")
    cl = asyncio.create_task(cleanup())
    await asyncio.sleep(0)
    cl.cancel()
    await asyncio.sleep(0.01)
    print("cleanup cancelled:", cl.cancelled())

    # done callbacks on tasks, current_task, all_tasks
    seen = []
    t2 = asyncio.create_task(child("d", 0, "r"))
    t2.add_done_callback(lambda task: seen.append(task.result()))
    print("current is main:", asyncio.current_task().get_name())
    print("all tasks:", sorted(x.get_name() for x in asyncio.all_tasks()))
    await t2
    await asyncio.sleep(0)
    print("task callback:", seen)
    print("after:", sorted(x.get_name() for x in asyncio.all_tasks()))

    # awaiting itself is an error
    async def self_await():
        await asyncio.current_task()
    try:
        await asyncio.create_task(self_await())
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(":")[0])
    try:
        asyncio.Task(42)
    except TypeError as e:
        print("TypeError:", e)

    # ensure_future on awaitables
    class Awaitable:
        def __await__(self):
            yield from asyncio.sleep(0).__await__()
            return "custom"
    print(await asyncio.ensure_future(Awaitable()))
    fut = asyncio.get_running_loop().create_future()
    print(asyncio.ensure_future(fut) is fut)
    try:
        asyncio.ensure_future(1)
    except TypeError as e:
        print("TypeError:", e)
    fut.cancel()


async def main():
    asyncio.current_task().set_name("main")
    await futures_api()
    await tasks_api()

asyncio.run(main())

# create_task outside a loop
coro = child("x", 0)
try:
    asyncio.create_task(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()
