"""multiprocessing.process: BaseProcess and the process-wide registry
(current_process, parent_process, active_children).

How a child runs (the fork start method, multiprocessing.popen_fork): the
Process object is inherited by the child, which calls _bootstrap(); the
return value becomes the child's exit status through os._exit, so the
parent's atexit callbacks never run in a child. Exit codes are CPython's: 0
after run() returns, 1 after an uncaught exception (its traceback on stderr
after "Process NAME:"), n after sys.exit(n), -N when killed by signal N."""
import os
import sys
import signal
import itertools
import threading

__all__ = ["BaseProcess", "current_process", "active_children", "parent_process"]


def current_process():
    """The Process object of the running process."""
    return _current_process


def _cleanup():
    # Forget children that have ended (poll reaps them).
    for p in list(_children):
        if p._popen is not None and p._popen.poll() is not None:
            _children.discard(p)


def active_children():
    """The children of this process that are still running."""
    _cleanup()
    return list(_children)


def parent_process():
    """The parent's Process object (None in the main process)."""
    return _parent_process


class BaseProcess:
    """A process that runs target(*args, **kwargs), or its run() method."""

    def _Popen(self, process_obj):
        raise NotImplementedError

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, "group argument must be None for now"
        count = next(_process_counter)
        self._identity = _current_process._identity + (count,)
        self._config = _current_process._config.copy()
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + "-" + ":".join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        """What the child runs; call the target by default."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Starts the child process."""
        self._check_closed()
        assert self._popen is None, "cannot start a process twice"
        assert self._parent_pid == os.getpid(), "can only start a process object created by current process"
        assert not _current_process._config.get("daemon"), "daemonic processes are not allowed to have children"
        _cleanup()
        self._popen = self._Popen(self)
        self._sentinel = self._popen.sentinel
        # The parent no longer needs them (and they may hold big objects).
        del self._target, self._args, self._kwargs
        _children.add(self)

    def terminate(self):
        """Sends SIGTERM."""
        self._check_closed()
        self._popen.terminate()

    def kill(self):
        """Sends SIGKILL."""
        self._check_closed()
        self._popen.kill()

    def join(self, timeout=None):
        """Waits until the process ends, or timeout seconds."""
        self._check_closed()
        assert self._parent_pid == os.getpid(), "can only join a child process"
        assert self._popen is not None, "can only join a started process"
        res = self._popen.wait(timeout)
        if res is not None:
            _children.discard(self)

    def is_alive(self):
        """Whether the process is running."""
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), "can only test a child process"
        if self._popen is None:
            return False
        if self._popen.poll() is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        """Releases what the Process object holds; the process must have ended."""
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            self._popen.close()
            self._popen = None
            del self._sentinel
            _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), "name must be a string"
        self._name = name

    @property
    def daemon(self):
        return self._config.get("daemon", False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, "process has already started"
        self._config["daemon"] = daemonic

    @property
    def authkey(self):
        return self._config["authkey"]

    @authkey.setter
    def authkey(self, authkey):
        self._config["authkey"] = bytes(authkey)

    @property
    def exitcode(self):
        """The exit code: None while running; -N after signal N."""
        self._check_closed()
        if self._popen is None:
            return None
        return self._popen.poll()

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._popen and self._popen.pid

    pid = ident

    @property
    def sentinel(self):
        """A descriptor that becomes ready when the process ends."""
        self._check_closed()
        try:
            return self._sentinel
        except AttributeError:
            raise ValueError("process not started") from None

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = "started"
        elif self._closed:
            status = "closed"
        elif self._parent_pid != os.getpid():
            status = "unknown"
        elif self._popen is None:
            status = "initial"
        else:
            exitcode = self._popen.poll()
            status = "started" if exitcode is None else "stopped"
        info = [type(self).__name__, "name=%r" % self._name]
        if self._popen is not None:
            info.append("pid=%s" % self._popen.pid)
        info.append("parent=%s" % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            info.append("exitcode=%s" % _exitcode_to_name.get(exitcode, exitcode))
        if self.daemon:
            info.append("daemon")
        return "<%s>" % " ".join(info)

    def _bootstrap(self, parent_sentinel=None):
        """Runs in the child: returns the exit code."""
        from multiprocessing import util
        global _current_process, _parent_process, _process_counter, _children
        exitcode = 1
        try:
            _process_counter = itertools.count(1)
            _children = set()
            util._close_stdin()
            _current_process = self
            _parent_process = _ParentProcess(self._parent_name, self._parent_pid, parent_sentinel)
            try:
                self.run()
                exitcode = 0
            finally:
                util._exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + "\n")
                exitcode = 1
        except BaseException:
            exitcode = 1
            import traceback
            sys.stderr.write("Process %s:\n" % self.name)
            traceback.print_exc()
        finally:
            threading._shutdown()
            util._flush_std_streams()
        return exitcode


class AuthenticationString(bytes):
    def __reduce__(self):
        # Only a spawn child being started may receive the key.
        from multiprocessing.context import get_spawning_popen
        if get_spawning_popen() is None:
            raise TypeError("Pickling an AuthenticationString object is disallowed for security reasons")
        return AuthenticationString, (bytes(self),)


class _ParentProcess(BaseProcess):
    # The parent as its child sees it: alive while the sentinel is not ready.
    def __init__(self, name, pid, sentinel):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._sentinel = sentinel
        self._config = {}

    def is_alive(self):
        from multiprocessing.connection import wait
        return not wait([self._sentinel], timeout=0)

    @property
    def ident(self):
        return self._pid

    pid = ident

    def join(self, timeout=None):
        from multiprocessing.connection import wait
        wait([self._sentinel], timeout=timeout)


class _MainProcess(BaseProcess):
    def __init__(self):
        self._identity = ()
        self._name = "MainProcess"
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {"authkey": AuthenticationString(os.urandom(32)), "semprefix": "/mp"}


try:
    ORIGINAL_DIR = os.path.abspath(os.getcwd())
except OSError:
    ORIGINAL_DIR = None

_parent_process = None
_current_process = _MainProcess()
_process_counter = itertools.count(1)
_children = set()

_exitcode_to_name = {}
for _name, _signum in list(signal.__dict__.items()):
    if _name[:3] == "SIG" and "_" not in _name:
        _exitcode_to_name[-_signum] = f"-{_name}"
del _name, _signum


def _forget_children():
    # A child made by a bare os.fork() does not own its parent's children.
    global _children
    _children = set()


os.register_at_fork(after_in_child=_forget_children)
