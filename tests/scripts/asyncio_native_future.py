# asyncio.Future and asyncio.Task come from the native _asyncio module:
# Python subclasses of both, the awaiting iterator stepped by hand, the
# internal attributes asyncio's own code reads, and the current task.
import asyncio
import _asyncio
from asyncio import futures

print(asyncio.Future is _asyncio.Future, asyncio.Task is _asyncio.Task)
print(issubclass(asyncio.Task, asyncio.Future), asyncio.Future[int].__origin__ is asyncio.Future)


class LabelledFuture(asyncio.Future):
    def __init__(self, label, *, loop=None):
        super().__init__(loop=loop)
        self.label = label

    def cancel(self, msg=None):
        print("LabelledFuture.cancel", self.label, msg)
        return super().cancel(msg=msg)


class CountingTask(asyncio.Task):
    steps_started = 0

    def __init__(self, coro, *, loop=None, name=None):
        super().__init__(coro, loop=loop, name=name)
        self.note = "counted"

    def cancel(self, msg=None):
        print("CountingTask.cancel", msg)
        return super().cancel(msg)


class Plain(asyncio.Future):
    pass


async def child(fut):
    return await fut


async def main():
    loop = asyncio.get_running_loop()

    # The awaiting iterator, stepped by hand.
    fut = loop.create_future()
    it = fut.__await__()
    print(it.send(None) is fut, fut._asyncio_future_blocking)
    fut._asyncio_future_blocking = False
    fut.set_result(7)
    try:
        it.send(None)
    except StopIteration as stop:
        print("stop", stop.value)
    done_fut = loop.create_future()
    done_fut.set_result("ready")
    try:
        next(iter(done_fut))
    except StopIteration as stop:
        print("already done:", stop.value)

    # Internal attributes the Python version had.
    f = loop.create_future()
    print(f._state, f._result, f._exception, f._callbacks, f._log_traceback, f._cancel_message)
    f.add_done_callback(print)
    print(len(f._callbacks))
    f.set_exception(KeyError("k"))
    print(f._state, repr(f._exception), f._log_traceback)
    f._log_traceback = False
    try:
        f._log_traceback = True
    except ValueError as e:
        print("ValueError:", e)
    print(futures.isfuture(f), futures.isfuture(object()))

    # A Future subclass: its own attributes, __init__ and an overridden
    # cancel reached from Task.cancel through _fut_waiter.
    lf = LabelledFuture("first")
    print(lf.label, lf.get_loop() is loop, repr(lf))
    t = asyncio.create_task(child(lf))
    await asyncio.sleep(0)
    print(t._fut_waiter is lf, t.cancel("stop it"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("child cancelled:", e.args)

    p = Plain()
    p.extra = 1
    p.set_result(p.extra + 1)
    print(await p, repr(p))

    # A Task subclass made by a task factory.
    loop.set_task_factory(lambda loop, coro: CountingTask(coro, loop=loop))
    gate = loop.create_future()
    ct = asyncio.create_task(child(gate), name="counted-one")
    loop.set_task_factory(None)
    await asyncio.sleep(0)
    print(type(ct).__name__, ct.note, ct.get_name(), ct._fut_waiter is gate)
    print(ct.cancel("bye"), ct.cancelling(), ct._must_cancel)
    try:
        await ct
    except asyncio.CancelledError as e:
        print("CountingTask cancelled:", e.args, ct.cancelled())

    # current_task and all_tasks, from asyncio and from _asyncio.
    me = asyncio.current_task()
    print(me is _asyncio._current_tasks[loop], me in asyncio.all_tasks(), me.get_coro().__qualname__)
    print(me._coro is me.get_coro())
    try:
        _asyncio._enter_task(loop, me)
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(" while")[0].split(" <")[0])

    # Task refuses what it is not.
    try:
        asyncio.Task(42)
    except TypeError as e:
        print("TypeError:", e)
    try:
        me.set_result(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(me.uncancel(), me.cancelling())


asyncio.run(main())


# Only unnamed tasks take a number.
async def numbering():
    first = asyncio.current_task().get_name()
    base = int(first.split("-")[1])
    named = asyncio.get_running_loop().create_task(asyncio.sleep(0), name="named")
    unnamed = asyncio.get_running_loop().create_task(asyncio.sleep(0))
    print(named.get_name(), int(unnamed.get_name().split("-")[1]) - base)
    await asyncio.gather(named, unnamed)

asyncio.run(numbering())


# A plain Future whose exception nobody retrieved is reported when collected;
# one whose exception was seen is not.
import gc


def make_failed(loop, seen):
    fut = loop.create_future()
    fut.set_exception(OSError("lost" if not seen else "seen"))
    if seen:
        fut.exception()


def churn_native_stack():
    # gilvm scans native stacks conservatively: a stale copy of the future's
    # address left there by make_failed can keep it alive through one
    # collection. Deep native work overwrites such leftovers.
    return sorted(repr([[i, str(i)] for i in range(50)]), key=lambda c: -ord(c))[0]


async def unretrieved():
    loop = asyncio.get_running_loop()
    reports = []
    loop.set_exception_handler(lambda loop, context: reports.append((context["message"], repr(context["exception"]))))
    make_failed(loop, True)
    make_failed(loop, False)
    for attempt in range(20):
        churn_native_stack()
        gc.collect()
        await asyncio.sleep(0)
        if reports:
            break
    for message, exception in reports:
        print("report:", message, exception)
    loop.set_exception_handler(None)

asyncio.run(unretrieved())
