"""multiprocessing.util: process-exit work and fork bookkeeping.

Finalizers run at the exit of the process that registered them (in
priority order, highest first; CPython's exitpriority), never in a fork
child: a child starts with none. Objects whose state must not survive a
fork (a Queue's feeder thread, a Pool's handler) compare the fork
generation they recorded with `fork_generation()` on use instead of being
registered in a weak registry, which gilvm does not have."""
import os
import sys
import itertools
import threading

__all__ = ["sub_debug", "debug", "info", "sub_warning", "get_logger", "log_to_stderr", "Finalize",
           "register_after_fork", "is_exiting", "ForkAwareThreadLock", "ForkAwareLocal",
           "close_all_fds_except", "SUBDEBUG", "SUBWARNING"]

NOTSET = 0
SUBDEBUG = 5
DEBUG = 10
INFO = 20
SUBWARNING = 25

_logger = None
_exiting = False
_generation = 0


def _after_fork_in_child():
    global _generation, _finalizers, _after_fork_calls
    _generation += 1
    _finalizers = []
    for call in list(_after_fork_calls):
        try:
            call()
        except Exception:
            pass


def fork_generation():
    """How many forks lie between the original process and this one."""
    return _generation


def _log(level, msg, args):
    if _logger is not None:
        _logger.log(level, msg, *args)


def sub_debug(msg, *args):
    _log(SUBDEBUG, msg, args)


def debug(msg, *args):
    _log(DEBUG, msg, args)


def info(msg, *args):
    _log(INFO, msg, args)


def sub_warning(msg, *args):
    _log(SUBWARNING, msg, args)


def get_logger():
    global _logger
    if _logger is None:
        import logging
        _logger = logging.getLogger("multiprocessing")
        _logger.propagate = False
    return _logger


def log_to_stderr(level=None):
    import logging
    logger = get_logger()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("[%(levelname)s/%(processName)s] %(message)s"))
    logger.addHandler(handler)
    if level:
        logger.setLevel(level)
    return logger


def is_exiting():
    return _exiting


# Calls made in every fork child (module-level machinery only: objects check
# fork_generation() themselves, see above).
_after_fork_calls = []


def register_after_fork(obj, func):
    """Calls func(obj) in each child forked from now on."""
    _after_fork_calls.append(lambda: func(obj))


_finalizers = []
_finalizer_counter = itertools.count()


class Finalize:
    """Calls callback(*args, **kwargs) once: when called, or at exit of this
    process if exitpriority is not None (highest priority first, and among
    equals the last registered first)."""

    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        self._callback = callback
        self._args = args
        self._kwargs = kwargs or {}
        self._key = (exitpriority, next(_finalizer_counter))
        self._pid = os.getpid()
        if exitpriority is not None:
            _finalizers.append(self)

    def __call__(self, wr=None):
        if self._callback is None:
            return None
        if self in _finalizers:
            _finalizers.remove(self)
        callback, self._callback = self._callback, None
        if self._pid != os.getpid():
            return None
        return callback(*self._args, **self._kwargs)

    def cancel(self):
        if self in _finalizers:
            _finalizers.remove(self)
        self._callback = None

    def still_active(self):
        return self._callback is not None


def _run_finalizers(minpriority=None):
    """Runs the finalizers whose priority is at least minpriority (all that
    have one when None), highest first."""
    chosen = [f for f in _finalizers if f._key[0] is not None and (minpriority is None or f._key[0] >= minpriority)]
    chosen.sort(key=lambda f: f._key, reverse=True)
    for finalizer in chosen:
        try:
            finalizer()
        except Exception:
            import traceback
            traceback.print_exc()


def _exit_function():
    """Process exit: finalizers of priority >= 0, then daemonic children are
    terminated and every child is joined, then the other finalizers (a
    Queue's feeder thread is flushed and joined there)."""
    global _exiting
    if _exiting:
        return
    _exiting = True
    from multiprocessing import process
    _run_finalizers(0)
    for p in process.active_children():
        if p.daemon:
            p.terminate()
    for p in process.active_children():
        p.join()
    _run_finalizers()


def _flush_std_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, ValueError):
            pass


def _close_stdin():
    if sys.stdin is None:
        return
    try:
        sys.stdin.close()
    except (OSError, ValueError):
        pass
    try:
        sys.stdin = open(os.devnull)
    except (OSError, ValueError, NameError):
        pass


class ForkAwareThreadLock:
    """A threading.Lock that a fork child gets unlocked and new."""

    def __init__(self):
        self._lock = threading.Lock()
        self._gen = _generation

    def _current(self):
        if self._gen != _generation:
            self._lock = threading.Lock()
            self._gen = _generation
        return self._lock

    def acquire(self, *args):
        return self._current().acquire(*args)

    def release(self):
        return self._current().release()

    def __enter__(self):
        return self._current().__enter__()

    def __exit__(self, *args):
        return self._current().__exit__(*args)


class ForkAwareLocal(threading.local):
    pass


def close_all_fds_except(fds):
    fds = sorted(list(fds) + [-1, 4096])
    for lo, hi in zip(fds, fds[1:]):
        for fd in range(lo + 1, hi):
            try:
                os.close(fd)
            except OSError:
                pass


os.register_at_fork(after_in_child=_after_fork_in_child)
import atexit as _atexit
_atexit.register(_exit_function)
