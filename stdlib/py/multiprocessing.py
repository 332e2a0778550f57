"""Process-based parallelism with CPython 3.11's API (start method fork).

A package: its submodules (context, process, popen_fork, connection,
synchronize, queues, sharedctypes, pool, reduction, util) are frozen
modules too. As in CPython the names here are the default context's
methods, so set_start_method() changes what Process() and Pool() make."""
__path__ = []

import sys as _sys
from multiprocessing import context as _context
from multiprocessing.context import ProcessError, BufferTooShort, TimeoutError, AuthenticationError
from multiprocessing.process import current_process, active_children, parent_process

Process = _context.Process
SUBDEBUG = 5
SUBWARNING = 25

_ctx = _context._default_context
__all__ = ["Array", "AuthenticationError", "Barrier", "BoundedSemaphore", "BufferTooShort", "Condition",
           "Event", "JoinableQueue", "Lock", "Manager", "Pipe", "Pool", "Process", "ProcessError", "Queue",
           "RLock", "RawArray", "RawValue", "Semaphore", "SimpleQueue", "TimeoutError", "Value",
           "active_children", "allow_connection_pickling", "cpu_count", "current_process",
           "freeze_support", "get_all_start_methods", "get_context", "get_logger", "get_start_method",
           "log_to_stderr", "parent_process", "reducer", "set_executable", "set_forkserver_preload",
           "set_start_method"]

for _name in __all__:
    if _name not in globals():
        globals()[_name] = getattr(_ctx, _name)
del _name
