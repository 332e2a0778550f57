"""ProcessPoolExecutor: not available yet (it needs multiprocessing)."""
from concurrent.futures import _base


class BrokenProcessPool(_base.BrokenExecutor):
    """Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state."""


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                 max_tasks_per_child=None):
        raise NotImplementedError("ProcessPoolExecutor arrives with multiprocessing")
