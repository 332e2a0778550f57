"""asyncio.TaskGroup (CPython 3.11's semantics).

A TaskGroup is an async context manager that owns the tasks made with its
create_task(). Leaving the `async with` block waits for all of them. The
first task to fail cancels the others and the task running the block (so
the block's own await is interrupted); once everything has finished, the
failures are raised together as an ExceptionGroup ("unhandled errors in a
TaskGroup"). KeyboardInterrupt and SystemExit are raised as themselves.
The block's own cancellation of the parent task is undone (uncancel) when
it was the group that asked for it, so an outer `timeout` or `cancel` is
not swallowed.
"""
from asyncio import events, exceptions, tasks

__all__ = ("TaskGroup",)


def _is_base_error(exc):
    return isinstance(exc, (SystemExit, KeyboardInterrupt))


class TaskGroup:
    def __init__(self):
        self._state = "new"          # new -> entered -> exiting
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = set()
        self._errors = []
        self._base_error = None
        self._all_done = None        # a future while __aexit__ waits

    def __repr__(self):
        info = [""]
        if self._tasks:
            info.append(f"tasks={len(self._tasks)}")
        if self._errors:
            info.append(f"errors={len(self._errors)}")
        if self._aborting:
            info.append("cancelling")
        elif self._state != "new":
            info.append("entered")
        return f"<TaskGroup{' '.join(info)}>"

    async def __aenter__(self):
        if self._state != "new":
            raise RuntimeError(f"TaskGroup {self!r} has already been entered")
        self._state = "entered"
        if self._loop is None:
            self._loop = events.get_running_loop()
        self._parent_task = tasks.current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(f"TaskGroup {self!r} cannot determine the parent task")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self._state = "exiting"
        if exc is not None and _is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        # A CancelledError out of the block propagates unless it was the
        # group's own doing (a child failed and cancelled the parent).
        cancellation = exc if exc_type is exceptions.CancelledError else None
        if self._parent_cancel_requested and self._parent_task.uncancel() == 0:
            cancellation = None
        if exc_type is not None and not self._aborting:
            self._abort()
        while self._tasks:
            self._all_done = self._loop.create_future()
            try:
                await self._all_done
            except exceptions.CancelledError as e:
                # Cancelled while waiting: cancel the children and keep
                # waiting for them, then let the cancellation out.
                if not self._aborting:
                    cancellation = e
                    self._abort()
            self._all_done = None
        if self._base_error is not None:
            raise self._base_error
        if cancellation is not None and not self._errors:
            raise cancellation
        if exc_type is not None and exc_type is not exceptions.CancelledError:
            self._errors.append(exc)
        if self._errors:
            errors = self._errors
            self._errors = None
            raise BaseExceptionGroup("unhandled errors in a TaskGroup", errors) from None

    def create_task(self, coro, *, name=None, context=None):
        if self._state == "new":
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._state == "exiting" and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        task = self._loop.create_task(coro, name=name) if context is None else \
            self._loop.create_task(coro, name=name, context=context)
        if task.done():
            self._task_done(task)
        else:
            self._tasks.add(task)
            task.add_done_callback(self._task_done)
        return task

    def _abort(self):
        self._aborting = True
        for task in self._tasks:
            if not task.done():
                task.cancel()

    def _task_done(self, task):
        self._tasks.discard(task)
        if not self._tasks and self._all_done is not None and not self._all_done.done():
            self._all_done.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if _is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            # The block already finished (its task ended): nobody will see
            # the error unless it is reported.
            self._loop.call_exception_handler({
                "message": f"Task {task!r} has errored out but its parent task {self._parent_task} is already completed",
                "exception": exc,
                "task": task,
            })
            return
        if not self._aborting and not self._parent_cancel_requested:
            # Stop the siblings and interrupt the block's own await.
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()
