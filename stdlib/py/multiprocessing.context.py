"""Start-method contexts: get_context, set_start_method, and the factory
functions (Process, Queue, Lock, Pool, ...) bound to a context: 'fork'
(the default), 'spawn' and 'forkserver'.

While a spawn or forkserver child is being started, get_spawning_popen()
is its Popen
(per thread): the pickling of the Process object asks it to pass
descriptors to the child (Connections, SemLocks, shared blocks), and
objects that may cross only then call assert_spawning()."""
import os
import threading

from multiprocessing import process

__all__ = ()


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


class BaseContext:
    ProcessError = ProcessError
    BufferTooShort = BufferTooShort
    TimeoutError = TimeoutError
    AuthenticationError = AuthenticationError

    current_process = staticmethod(process.current_process)
    parent_process = staticmethod(process.parent_process)
    active_children = staticmethod(process.active_children)

    def cpu_count(self):
        num = os.cpu_count()
        if num is None:
            raise NotImplementedError("cannot determine number of cpus")
        return num

    def Manager(self):
        from multiprocessing.managers import SyncManager
        m = SyncManager(ctx=self.get_context())
        m.start()
        return m

    def Pipe(self, duplex=True):
        from multiprocessing.connection import Pipe
        return Pipe(duplex)

    def Lock(self):
        from multiprocessing.synchronize import Lock
        return Lock(ctx=self.get_context())

    def RLock(self):
        from multiprocessing.synchronize import RLock
        return RLock(ctx=self.get_context())

    def Condition(self, lock=None):
        from multiprocessing.synchronize import Condition
        return Condition(lock, ctx=self.get_context())

    def Semaphore(self, value=1):
        from multiprocessing.synchronize import Semaphore
        return Semaphore(value, ctx=self.get_context())

    def BoundedSemaphore(self, value=1):
        from multiprocessing.synchronize import BoundedSemaphore
        return BoundedSemaphore(value, ctx=self.get_context())

    def Event(self):
        from multiprocessing.synchronize import Event
        return Event(ctx=self.get_context())

    def Barrier(self, parties, action=None, timeout=None):
        from multiprocessing.synchronize import Barrier
        return Barrier(parties, action, timeout, ctx=self.get_context())

    def Queue(self, maxsize=0):
        from multiprocessing.queues import Queue
        return Queue(maxsize, ctx=self.get_context())

    def JoinableQueue(self, maxsize=0):
        from multiprocessing.queues import JoinableQueue
        return JoinableQueue(maxsize, ctx=self.get_context())

    def SimpleQueue(self):
        from multiprocessing.queues import SimpleQueue
        return SimpleQueue(ctx=self.get_context())

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        from multiprocessing.pool import Pool
        return Pool(processes, initializer, initargs, maxtasksperchild, context=self.get_context())

    def RawValue(self, typecode_or_type, *args):
        from multiprocessing.sharedctypes import _RawValue
        return _RawValue(typecode_or_type, *args, ctx=self.get_context())

    def RawArray(self, typecode_or_type, size_or_initializer):
        from multiprocessing.sharedctypes import _make_array
        return _make_array(typecode_or_type, size_or_initializer, self.get_context())

    def Value(self, typecode_or_type, *args, lock=True):
        from multiprocessing.sharedctypes import Value
        return Value(typecode_or_type, *args, lock=lock, ctx=self.get_context())

    def Array(self, typecode_or_type, size_or_initializer, *, lock=True):
        from multiprocessing.sharedctypes import Array
        return Array(typecode_or_type, size_or_initializer, lock=lock, ctx=self.get_context())

    def freeze_support(self):
        pass

    def get_logger(self):
        from multiprocessing.util import get_logger
        return get_logger()

    def log_to_stderr(self, level=None):
        from multiprocessing.util import log_to_stderr
        return log_to_stderr(level)

    def allow_connection_pickling(self):
        pass

    def set_executable(self, executable):
        from multiprocessing import spawn
        spawn.set_executable(executable)

    def set_forkserver_preload(self, module_names):
        from multiprocessing.forkserver import set_forkserver_preload
        set_forkserver_preload(module_names)

    def get_context(self, method=None):
        if method is None:
            return self
        try:
            ctx = _concrete_contexts[method]
        except KeyError:
            raise ValueError("cannot find context for %r" % method) from None
        ctx._check_available()
        return ctx

    def get_start_method(self, allow_none=False):
        return self._name

    def set_start_method(self, method, force=False):
        raise ValueError("cannot set start method of concrete context")

    @property
    def reducer(self):
        from multiprocessing import reduction
        return reduction

    def _check_available(self):
        pass


class Process(process.BaseProcess):
    _start_method = None

    @staticmethod
    def _Popen(process_obj):
        return _default_context.get_context().Process._Popen(process_obj)


class DefaultContext(BaseContext):
    Process = Process

    def __init__(self, context):
        self._default_context = context
        self._actual_context = None

    def get_context(self, method=None):
        if method is None:
            if self._actual_context is None:
                self._actual_context = self._default_context
            return self._actual_context
        return super().get_context(method)

    def set_start_method(self, method, force=False):
        if self._actual_context is not None and not force:
            raise RuntimeError("context has already been set")
        if method is None and force:
            self._actual_context = None
            return
        self._actual_context = self.get_context(method)

    def get_start_method(self, allow_none=False):
        if self._actual_context is None:
            if allow_none:
                return None
            self._actual_context = self._default_context
        return self._actual_context._name

    def get_all_start_methods(self):
        return ["fork", "spawn", "forkserver"]


class ForkProcess(process.BaseProcess):
    _start_method = "fork"

    @staticmethod
    def _Popen(process_obj):
        from multiprocessing.popen_fork import Popen
        return Popen(process_obj)


class ForkContext(BaseContext):
    _name = "fork"
    Process = ForkProcess


class SpawnProcess(process.BaseProcess):
    _start_method = "spawn"

    @staticmethod
    def _Popen(process_obj):
        from multiprocessing.popen_spawn_posix import Popen
        return Popen(process_obj)


class SpawnContext(BaseContext):
    _name = "spawn"
    Process = SpawnProcess


class ForkServerProcess(process.BaseProcess):
    _start_method = "forkserver"

    @staticmethod
    def _Popen(process_obj):
        from multiprocessing.popen_forkserver import Popen
        return Popen(process_obj)


class ForkServerContext(BaseContext):
    _name = "forkserver"
    Process = ForkServerProcess


_concrete_contexts = {"fork": ForkContext(), "spawn": SpawnContext(), "forkserver": ForkServerContext()}
_default_context = DefaultContext(_concrete_contexts["fork"])


# -- the Popen of the spawn child being started by this thread

_tls = threading.local()


def get_spawning_popen():
    return getattr(_tls, "spawning_popen", None)


def set_spawning_popen(popen):
    _tls.spawning_popen = popen


def assert_spawning(obj):
    if get_spawning_popen() is None:
        raise RuntimeError("%s objects should only be shared between processes"
                           " through inheritance" % type(obj).__name__)
