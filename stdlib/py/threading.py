"""Thread-based parallelism on top of _thread (CPython's names and behaviour)."""
import sys as _sys
import _thread
from _weakref import ref as _weakref_ref
from time import monotonic as _time

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_set_sentinel = _thread._set_sentinel
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
stack_size = _thread.stack_size
Lock = _allocate_lock

__all__ = ["get_ident", "active_count", "Condition", "current_thread", "enumerate", "main_thread",
           "TIMEOUT_MAX", "Event", "Lock", "RLock", "Semaphore", "BoundedSemaphore", "Thread", "Barrier",
           "BrokenBarrierError", "Timer", "ThreadError", "setprofile", "settrace", "local", "stack_size",
           "excepthook", "ExceptHookArgs", "gettrace", "getprofile", "get_native_id"]

_profile_hook = None
_trace_hook = None


def _deprecated(message):
    # The pre-PEP 8 aliases warn as in CPython 3.10+, blaming their caller.
    # warnings is imported here, on first use, to keep startup light.
    import warnings
    warnings.warn(message, DeprecationWarning, stacklevel=3)


def setprofile(func):
    """Sets the profile function that threads started here install (when sys can)."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    """The function setprofile() last set, or None."""
    return _profile_hook


def settrace(func):
    """Sets the trace function that threads started here install (when sys can)."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    """The function settrace() last set, or None."""
    return _trace_hook


class _ReentrantLock:
    """Shared body of the two reentrant locks: the owner may acquire again
    and must release as often. Only the reprs and acquire's return value
    differ between CPython's C lock (_thread.RLock) and its Python one
    (threading._RLock), so each subclass says what it shows."""

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return self._again
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = None
        self._block.release()
        return state

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _is_owned(self):
        return self._owner == get_ident()

    def _at_fork_reinit(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def _repr(self, owner):
        return "<%s %s.%s object owner=%r count=%d at %#x>" % (
            "locked" if self._block.locked() else "unlocked", type(self).__module__, type(self).__qualname__,
            owner, self._count, id(self))


class _CRLock(_ReentrantLock):
    """A reentrant lock as CPython's C type _thread.RLock shows it."""
    __module__ = "_thread"
    __qualname__ = "RLock"
    _again = True

    def __init__(self, *args, **kwargs):
        _ReentrantLock.__init__(self)

    def acquire(self, blocking=True, timeout=-1):
        # The C lock checks its arguments even when the owner re-acquires.
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be positive")
        return _ReentrantLock.acquire(self, blocking, timeout)

    __enter__ = acquire

    def _recursion_count(self):
        return self._count if self._owner == get_ident() else 0

    def __repr__(self):
        return self._repr(0 if self._owner is None else self._owner)


_CRLock.__name__ = "RLock"
_thread.RLock = _CRLock


class _RLock(_ReentrantLock):
    """A reentrant lock as CPython's pure-Python threading._RLock shows it."""
    _again = 1

    def __repr__(self):
        owner = self._owner
        thread = _active.get(owner)
        return self._repr(owner if thread is None else thread.name)


_PyRLock = _RLock


def RLock(*args, **kwargs):
    """Returns a new reentrant lock: the thread that acquired it may acquire it
    again and must release it as many times."""
    return _CRLock(*args, **kwargs)


class Condition:
    """Wait until notified; waiting releases the lock and re-takes it after."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # A lock that knows how to save and restore its state (an RLock) is
        # released completely while a thread waits.
        try:
            self._release_save = lock._release_save
        except AttributeError:
            pass
        try:
            self._acquire_restore = lock._acquire_restore
        except AttributeError:
            pass
        try:
            self._is_owned = lock._is_owned
        except AttributeError:
            pass
        self._waiters = []

    def _at_fork_reinit(self):
        self._lock._at_fork_reinit()
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, x):
        self._lock.acquire()

    def _is_owned(self):
        # Only for locks without an owner: held by someone counts as ours.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                # Released by an earlier notify() that was interrupted
                # before it could take the waiter off the list.
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        """Deprecated alias of notify_all()."""
        _deprecated("notifyAll() is deprecated, use notify_all() instead")
        self.notify_all()


class Semaphore:
    """A counter that acquire() decrements and release() increments."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = type(self)
        return "<%s.%s at %#x: value=%s>" % (cls.__module__, cls.__qualname__, id(self), self._value)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._value += n
            for _ in range(n):
                self._cond.notify()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = type(self)
        return "<%s.%s at %#x: value=%s/%s>" % (cls.__module__, cls.__qualname__, id(self), self._value,
                                                self._initial_value)

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            for _ in range(n):
                self._cond.notify()


class Event:
    """A flag that threads can wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = type(self)
        return "<%s.%s at %#x: %s>" % (cls.__module__, cls.__qualname__, id(self),
                                       "set" if self._flag else "unset")

    def _at_fork_reinit(self):
        self._cond._at_fork_reinit()

    def is_set(self):
        return self._flag

    def isSet(self):
        """Deprecated alias of is_set()."""
        _deprecated("isSet() is deprecated, use is_set() instead")
        return self._flag

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """Makes `parties` threads wait until all of them have arrived."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0   # 0 filling, 1 draining, -1 resetting, -2 broken
        self._count = 0

    def __repr__(self):
        cls = type(self)
        if self.broken:
            return "<%s.%s at %#x: broken>" % (cls.__module__, cls.__qualname__, id(self))
        return "<%s.%s at %#x: waiters=%d/%d>" % (cls.__module__, cls.__qualname__, id(self), self.n_waiting,
                                                 self.parties)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except BaseException:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    def _exit(self):
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == -2


_active_limbo_lock = RLock()
_active = {}   # thread ident -> Thread, for threads that run
_limbo = {}    # threads between start() and their first line
_counter = 0


def _newname(template):
    global _counter
    _counter += 1
    return template % _counter


_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """Calls func(*arg, **kwargs) at exit before the non-daemon threads are
    joined, the last registered first (concurrent.futures uses it)."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")

    def call():
        func(*arg, **kwargs)
    _threading_atexits.append(call)


class _ExceptHookArgs(tuple):
    """The argument of threading.excepthook: a 4-tuple with named fields, as
    CPython's structseq _thread._ExceptHookArgs."""
    __module__ = "_thread"
    n_fields = 4
    n_sequence_fields = 4
    n_unnamed_fields = 0

    def __new__(cls, sequence):
        items = tuple(sequence)
        if len(items) != 4:
            raise TypeError("_thread._ExceptHookArgs() takes a 4-sequence (%d-sequence given)" % len(items))
        return tuple.__new__(cls, items)

    @property
    def exc_type(self):
        return self[0]

    @property
    def exc_value(self):
        return self[1]

    @property
    def exc_traceback(self):
        return self[2]

    @property
    def thread(self):
        return self[3]

    def __repr__(self):
        return "_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, thread=%r)" % tuple(self)

    def __reduce__(self):
        return (type(self), (tuple(self),))


ExceptHookArgs = _ExceptHookArgs
_thread._ExceptHookArgs = _ExceptHookArgs


def excepthook(args, /):
    """Handles an exception that escaped Thread.run(): prints the thread's
    name and the traceback on sys.stderr; ignores SystemExit."""
    if args.exc_type == SystemExit:
        return
    if _sys.stderr is not None:
        stderr = _sys.stderr
    elif args.thread is not None:
        stderr = args.thread._stderr
        if stderr is None:
            return
    else:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    stderr.write("Exception in thread %s:\n" % name)
    stderr.flush()
    if args.exc_value is not None:
        stderr.write(_thread._format_exception(args.exc_value))
    stderr.flush()


__excepthook__ = excepthook
_thread._excepthook = excepthook


def _make_invoke_excepthook():
    # The hooks in place when the thread was created serve when the current
    # ones have been set to None.
    old_excepthook = excepthook
    if old_excepthook is None:
        raise RuntimeError("threading.excepthook is None")
    local_sys = _sys

    def invoke_excepthook(thread, exc):
        try:
            hook = excepthook
            if hook is None:
                hook = old_excepthook
            hook(ExceptHookArgs([type(exc), exc, exc.__traceback__, thread]))
        except Exception as hook_exc:
            hook_exc.__suppress_context__ = True
            stderr = local_sys.stderr if local_sys.stderr is not None else thread._stderr
            stderr.write("Exception in threading.excepthook:\n")
            stderr.flush()
            stderr.write(_thread._format_exception(hook_exc))
            stderr.flush()
    return invoke_excepthook


class Thread:
    """A thread of control: subclass and override run(), or pass a target."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += " (%s)" % target.__name__
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        self._daemonic = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._stopped = Event()
        self._is_stopped = False
        self._locals = {}  # this thread's threading.local dicts, by the local's _LocalKey
        self._initialized = True
        self._stderr = _sys.stderr
        self._invoke_excepthook = _make_invoke_excepthook()

    def __repr__(self):
        if not self._initialized:
            raise AssertionError("Thread.__init__() was not called")
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()  # notices a thread that has ended
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            # Released by the runtime once this thread's state is gone, after
            # every line of Python it runs: join() waits for it.
            self._tstate_lock = _set_sentinel()
            self._tstate_lock.acquire()
            self._ident = get_ident()
            self._native_id = get_native_id()
            _thread.set_name(self._name)
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            self._started.set()
            if _trace_hook is not None and hasattr(_sys, "settrace"):
                _sys.settrace(_trace_hook)
            if _profile_hook is not None and hasattr(_sys, "setprofile"):
                _sys.setprofile(_profile_hook)
            try:
                self.run()
            except BaseException as e:
                self._invoke_excepthook(self, e)
        finally:
            self._started.set()  # start() must never wait forever
            self._locals = {}
            with _active_limbo_lock:
                _active.pop(self._ident, None)
                _limbo.pop(self, None)
            self._stopped.set()

    def _stop(self):
        self._is_stopped = True
        self._tstate_lock = None

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        lock = self._tstate_lock
        if lock is None:
            # Not started by _bootstrap (the main thread), or already reaped.
            if self._stopped.wait(timeout if block and timeout >= 0 else None if block else 0):
                self._is_stopped = True
            return
        if lock.acquire(block, timeout):
            lock.release()
            self._stop()

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def _check_initialized(self):
        if not self._initialized:
            raise AssertionError("Thread.__init__() not called")

    def is_alive(self):
        self._check_initialized()
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def name(self):
        self._check_initialized()
        return self._name

    @name.setter
    def name(self, name):
        self._check_initialized()
        self._name = str(name)
        if self._ident is not None and self._ident == get_ident():
            _thread.set_name(self._name)

    @property
    def ident(self):
        self._check_initialized()
        return self._ident

    @property
    def native_id(self):
        self._check_initialized()
        return self._native_id

    @property
    def daemon(self):
        self._check_initialized()
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    # Deprecated spellings, which warn as in CPython.
    def isDaemon(self):
        _deprecated("isDaemon() is deprecated, get the daemon attribute instead")
        return self.daemon

    def setDaemon(self, daemonic):
        _deprecated("setDaemon() is deprecated, set the daemon attribute instead")
        self.daemon = daemonic

    def getName(self):
        _deprecated("getName() is deprecated, get the name attribute instead")
        return self.name

    def setName(self, name):
        _deprecated("setName() is deprecated, set the name attribute instead")
        self.name = name


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread that threading did not start (from _thread)."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self
        # Leave _active when the thread ends (CPython 3.12+ does too), so a
        # later thread with the same ident gets its own dummy.
        _thread._at_thread_exit(self._forget)

    def _forget(self):
        with _active_limbo_lock:
            if _active.get(self._ident) is self:
                del _active[self._ident]

    def _stop(self):
        pass

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise AssertionError("cannot join a dummy thread")


class Timer(Thread):
    """Calls a function after `interval` seconds unless cancelled first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


def current_thread():
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    _deprecated("currentThread() is deprecated, use current_thread() instead")
    return current_thread()


def main_thread():
    return _main_thread


def active_count():
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    _deprecated("activeCount() is deprecated, use active_count() instead")
    return active_count()


def _enumerate():
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


# Weak references to the live threading.local objects, by id: each one's
# callback takes the local's dicts out of the threads that made one.
_local_cleanups = {}


class _LocalKey:
    """What a thread's `_locals` is keyed by: hashed by identity whatever
    the local's class defines, and alive until the local's dicts are gone."""
    __slots__ = ()


class local:
    """Attributes that each thread sees separately.

    A thread's values live in that thread's Thread object (`_locals`, keyed by
    the local object's key) and are dropped when the thread ends, so a new
    thread that happens to get a finished thread's ident starts empty, or
    when the local object is collected (a weak reference's callback). A
    subclass's __init__ runs again, with the original arguments, the first
    time each other thread touches the object, as in CPython."""

    def __new__(cls, *args, **kwargs):
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        key = _LocalKey()
        holders = []  # weak references to the threads with a dict for it

        def drop_dicts(wr, key=key, holders=holders):
            _local_cleanups.pop(id(wr), None)
            for thread_ref in holders:
                thread = thread_ref()
                if thread is not None:
                    thread._locals.pop(key, None)

        cleanup = _weakref_ref(self, drop_dicts)
        _local_cleanups[id(cleanup)] = cleanup
        object.__setattr__(self, "_local__key", key)
        object.__setattr__(self, "_local__holders", holders)
        object.__setattr__(self, "_local__args", (args, kwargs))
        thread = current_thread()
        thread._locals[key] = {}
        holders.append(_weakref_ref(thread))
        return self

    def _local__dict(self):
        thread = current_thread()
        locals_of_thread = thread._locals
        key = object.__getattribute__(self, "_local__key")
        d = locals_of_thread.get(key)
        if d is None:
            d = {}
            locals_of_thread[key] = d
            object.__getattribute__(self, "_local__holders").append(_weakref_ref(thread))
            init = type(self).__init__
            if init is not object.__init__:
                args, kwargs = object.__getattribute__(self, "_local__args")
                init(self, *args, **kwargs)
        return d

    def __getattribute__(self, name):
        if name.startswith("_local__") or name == "__class__":
            return object.__getattribute__(self, name)
        d = object.__getattribute__(self, "_local__dict")()
        if name == "__dict__":
            return d
        if name in d:
            return d[name]
        try:
            return object.__getattribute__(self, name)
        except AttributeError:
            pass
        raise AttributeError("%r object has no attribute %r" % (_local_type_name(self), name))

    def __setattr__(self, name, value):
        if name == "__dict__":
            raise AttributeError("%r object attribute '__dict__' is read-only" % _local_type_name(self))
        object.__getattribute__(self, "_local__dict")()[name] = value

    def __delattr__(self, name):
        d = object.__getattribute__(self, "_local__dict")()
        if name not in d:
            raise AttributeError("%r object has no attribute %r" % (_local_type_name(self), name))
        del d[name]


def _local_type_name(obj):
    # CPython's local is the C type _thread._local; subclasses go by their name.
    cls = type(obj)
    return "_thread._local" if cls is local else cls.__name__


_main_thread = _MainThread()


def _after_fork():
    """Runs in the child of os.fork() (the runtime calls it before the
    after_in_child hooks): only the forking thread still exists. It becomes
    the main thread; every other Thread is marked stopped, so join() and
    is_alive() answer at once; threading's own locks are made anew, since a
    thread that no longer exists may have held them."""
    global _active_limbo_lock, _main_thread
    _active_limbo_lock = RLock()
    ident = get_ident()
    current = _active.get(ident)
    if current is None:
        # Forked from a thread threading did not start (_thread).
        _active.pop(ident, None)
        current = _MainThread()
    _main_thread = current
    for thread in list(_active.values()) + list(_limbo.values()):
        thread._started._at_fork_reinit()
        thread._stopped._at_fork_reinit()
        if thread is current:
            continue
        thread._is_stopped = True
        thread._tstate_lock = None
        thread._stopped._flag = True
    _limbo.clear()
    _active.clear()
    _active[ident] = current


def _shutdown():
    """Runs the _register_atexit calls, then joins every non-daemon thread;
    the interpreter calls this at exit."""
    global _SHUTTING_DOWN
    if _SHUTTING_DOWN:
        return
    _SHUTTING_DOWN = True
    for call in reversed(_threading_atexits):
        call()
    # The main thread counts as ended from here on, as in CPython.
    if _main_thread.ident == get_ident():
        _main_thread._is_stopped = True
        _main_thread._stopped.set()
    while True:
        with _active_limbo_lock:
            waiting = [t for t in list(_active.values()) + list(_limbo.values())
                       if not t.daemon and t is not _main_thread and t.is_alive()]
        if not waiting:
            return
        for t in waiting:
            t.join()
