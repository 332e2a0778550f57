"""subprocess: run programs in child processes (CPython 3.11's API, POSIX).

The child is started by _posixsubprocess.fork_exec (stdlib/subprocess/
fork_exec.cpp), which forks and execs without running Python in the child.
Everything else is here:

* Popen turns stdin/stdout/stderr arguments into descriptor numbers,
  starts the child, reads the error pipe to learn whether the exec worked,
  and wraps the parent's pipe ends in file objects.
* communicate() uses one thread per pipe (a writer for stdin, a reader for
  stdout and one for stderr), as CPython does on Windows: the threads block
  in reads and writes that release the GIL, so a full pipe never deadlocks,
  and a timeout only stops the waiting -- the threads keep collecting, and
  a later communicate() picks up what they gathered.
* wait(timeout) polls waitpid(WNOHANG) with a growing sleep, as CPython.

Not supported (they raise): preexec_fn, user, group, extra_groups.
"""
import builtins as _builtins
import os
import signal
import sys
import threading
import time

import _posixsubprocess

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput", "getoutput", "check_output",
           "run", "CalledProcessError", "DEVNULL", "SubprocessError", "TimeoutExpired", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

_PIPE_BUF = 512


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            try:
                return "Command '%s' died with %r." % (self.cmd, signal.Signals(-self.returncode))
            except ValueError:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ["args={!r}".format(self.args), "returncode={!r}".format(self.returncode)]
        if self.stdout is not None:
            args.append("stdout={!r}".format(self.stdout))
        if self.stderr is not None:
            args.append("stderr={!r}".format(self.stderr))
        return "{}({})".format(type(self).__name__, ", ".join(args))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


# -- the convenience functions -------------------------------------------

def call(*popenargs, timeout=None, **kwargs):
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:  # noqa: E722 -- including KeyboardInterrupt, as CPython
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    for kw in ("stdout", "check"):
        if kw in kwargs:
            raise ValueError(f"{kw} argument not allowed, it will be overridden.")
    if "input" in kwargs and kwargs["input"] is None:
        # As CPython: an explicit input=None means "empty input", not "inherit".
        if kwargs.get("universal_newlines") or kwargs.get("text") or kwargs.get("encoding") or kwargs.get("errors"):
            kwargs["input"] = ""
        else:
            kwargs["input"] = b""
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired as exc:
            process.kill()
            exc.stdout, exc.stderr = process.communicate()
            raise
        except:  # noqa: E722
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT, encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == "\n":
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


# -- helpers ----------------------------------------------------------------

def _fsencode(value):
    if hasattr(value, "__fspath__"):
        value = value.__fspath__()
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "surrogateescape")
    raise TypeError(f"expected str, bytes or os.PathLike object, not {type(value).__name__}")


def _exec_path(env):
    path = None
    if env is not None:
        path = env.get("PATH", env.get(b"PATH"))
    if path is None:
        path = os.environ.get("PATH", "/bin:/usr/bin")
    if isinstance(path, bytes):
        path = path.decode("utf-8", "surrogateescape")
    return path.split(":")


def _fileno(obj):
    if isinstance(obj, int):
        return obj
    return obj.fileno()


class _Collector:
    """A thread that reads a pipe file to its end (or writes input to it and
    closes it), so communicate() can wait for all of them with a timeout."""

    def __init__(self, target, *args):
        self.result = None
        self.error = None
        self.thread = threading.Thread(target=self._run, args=(target,) + args, daemon=True)
        self.thread.start()

    def _run(self, target, *args):
        try:
            self.result = target(*args)
        except BaseException as exc:  # reported by communicate()
            self.error = exc


def _read_all(fileobj):
    data = fileobj.read()
    fileobj.close()
    return data


def _write_all(fileobj, data):
    try:
        if data:
            fileobj.write(data)
    except BrokenPipeError:
        pass  # the child stopped reading: not an error, as CPython
    try:
        fileobj.close()
    except BrokenPipeError:
        pass


# -- Popen ------------------------------------------------------------------

class Popen:
    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None, universal_newlines=None,
                 startupinfo=None, creationflags=0, restore_signals=True, start_new_session=False,
                 pass_fds=(), *, user=None, group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.pid = None
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        self._waitpid_lock = threading.Lock()
        self._communication_started = False
        self._collectors = None
        self._input = None
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if preexec_fn is not None:
            raise NotImplementedError("gilvm's subprocess does not run preexec_fn (no Python in the child)")
        if user is not None or group is not None or extra_groups is not None:
            raise NotImplementedError("gilvm's subprocess does not change user or group")
        if startupinfo is not None:
            raise ValueError("startupinfo is only supported on Windows platforms")
        if creationflags != 0:
            raise ValueError("creationflags is only supported on Windows platforms")
        if pass_fds and not close_fds:
            close_fds = True  # as CPython, which also warns
        if text is not None and universal_newlines is not None and bool(universal_newlines) != bool(text):
            raise SubprocessError("Cannot disambiguate when both text and universal_newlines are supplied but "
                                  "different. Pass one or the other.")
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self.encoding = encoding
        self.errors = errors
        self._devnull = None

        (p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite) = self._get_handles(stdin, stdout, stderr)
        try:
            self._execute_child(args, executable, close_fds, pass_fds, cwd, env, shell, restore_signals,
                                start_new_session, process_group, umask,
                                p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite)
        except BaseException:
            for fd in {p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite}:
                if fd != -1 and fd not in self._caller_fds:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            self._close_devnull()
            raise
        # The child's ends are the child's now.
        for fd in {p2cread, c2pwrite, errwrite}:
            if fd != -1 and fd not in self._caller_fds:
                os.close(fd)
        self._close_devnull()
        if p2cwrite != -1:
            self.stdin = self._wrap(p2cwrite, "w", bufsize)
        if c2pread != -1:
            self.stdout = self._wrap(c2pread, "r", bufsize)
        if errread != -1:
            self.stderr = self._wrap(errread, "r", bufsize)

    @property
    def universal_newlines(self):
        return self.text_mode

    @universal_newlines.setter
    def universal_newlines(self, value):
        self.text_mode = bool(value)

    def __repr__(self):
        return f"<{type(self).__name__}: returncode: {self.returncode} args: {self.args!r}>"

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        except BrokenPipeError:
            pass
        finally:
            if exc_type is KeyboardInterrupt:
                # As CPython: give the child a moment, then leave it.
                try:
                    self.wait(timeout=0.25)
                except TimeoutExpired:
                    pass
            else:
                self.wait()

    # -- starting -------------------------------------------------------
    def _wrap(self, fd, mode, bufsize):
        if self.text_mode:
            encoding = self.encoding or "utf-8"
            errors = self.errors or "strict"
            if mode == "w":
                return _builtins.open(fd, "w", buffering=-1 if bufsize in (0, 1) else bufsize,
                                      encoding=encoding, errors=errors)
            return _builtins.open(fd, "r", buffering=-1 if bufsize in (0, 1) else bufsize,
                                  encoding=encoding, errors=errors)
        return _builtins.open(fd, mode + "b", buffering=bufsize)

    def _devnull_fd(self):
        if self._devnull is None:
            self._devnull = _builtins.open(os.devnull, "r+b", buffering=0)
        return self._devnull.fileno()

    def _close_devnull(self):
        if self._devnull is not None:
            self._devnull.close()
            self._devnull = None

    def _get_handles(self, stdin, stdout, stderr):
        """Descriptor numbers for the child's three streams; -1 = inherit.
        Descriptors the caller passed stay the caller's to close."""
        self._caller_fds = set()
        p2cread = p2cwrite = c2pread = c2pwrite = errread = errwrite = -1
        if stdin == PIPE:
            p2cread, p2cwrite = os.pipe()
        elif stdin == DEVNULL:
            p2cread = self._devnull_fd()
            self._caller_fds.add(p2cread)
        elif stdin is not None:
            p2cread = _fileno(stdin)
            self._caller_fds.add(p2cread)
        if stdout == PIPE:
            c2pread, c2pwrite = os.pipe()
        elif stdout == DEVNULL:
            c2pwrite = self._devnull_fd()
            self._caller_fds.add(c2pwrite)
        elif stdout is not None:
            c2pwrite = _fileno(stdout)
            self._caller_fds.add(c2pwrite)
        if stderr == PIPE:
            errread, errwrite = os.pipe()
        elif stderr == STDOUT:
            if c2pwrite != -1:
                errwrite = c2pwrite  # closed with it, if it is ours
            else:
                errwrite = sys.__stdout__.fileno()
                self._caller_fds.add(errwrite)
        elif stderr == DEVNULL:
            errwrite = self._devnull_fd()
            self._caller_fds.add(errwrite)
        elif stderr is not None:
            errwrite = _fileno(stderr)
            self._caller_fds.add(errwrite)
        return p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite

    def _execute_child(self, args, executable, close_fds, pass_fds, cwd, env, shell, restore_signals,
                       start_new_session, process_group, umask,
                       p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite):
        if isinstance(args, (str, bytes)):
            args = [args]
        elif hasattr(args, "__fspath__"):
            args = [args]
        else:
            args = list(args)
        if shell:
            unix_shell = "/bin/sh"
            args = [unix_shell, "-c"] + args
            if executable:
                args[0] = executable
        if executable is None:
            executable = args[0]
        argv = [_fsencode(a) for a in args]
        program = _fsencode(executable)
        if b"/" in program:
            programs = [program]
        else:
            programs = [(_fsencode(d) or b".") + b"/" + program for d in _exec_path(env)]
        env_list = None
        if env is not None:
            env_list = []
            for key, value in env.items():
                key = _fsencode(key)
                if b"=" in key:
                    raise ValueError("illegal environment variable name")
                env_list.append(key + b"=" + _fsencode(value))
        if cwd is not None:
            cwd = _fsencode(cwd)
        pass_fds = tuple(sorted(int(fd) for fd in pass_fds))
        errpipe_read, errpipe_write = os.pipe()
        try:
            try:
                self.pid = _posixsubprocess.fork_exec(
                    argv, programs, close_fds, pass_fds, cwd, env_list,
                    p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
                    errpipe_read, errpipe_write, restore_signals, start_new_session,
                    -1 if process_group is None else process_group, umask)
            finally:
                os.close(errpipe_write)
            # End of file with nothing before it: the exec worked.
            report = bytearray()
            while True:
                part = os.read(errpipe_read, 50000)
                report += part
                if not part or len(report) > 50000:
                    break
        finally:
            os.close(errpipe_read)
        if report:
            try:
                pid, status = os.waitpid(self.pid, 0)
                if pid == self.pid:
                    self.returncode = os.waitstatus_to_exitcode(status)
            except ChildProcessError:
                pass
            stage, _, number = bytes(report).decode("ascii", "replace").partition(":")
            errno_value = int(number) if number.isdigit() else 0
            message = os.strerror(errno_value)
            if stage == "chdir":
                raise OSError(errno_value, message, os.fsdecode(cwd))
            if stage == "exec":
                raise OSError(errno_value, message, executable)
            raise OSError(errno_value, message)

    # -- waiting --------------------------------------------------------
    def _handle_status(self, status):
        self.returncode = os.waitstatus_to_exitcode(status)

    def poll(self):
        if self.returncode is None and self._waitpid_lock.acquire(False):
            try:
                if self.returncode is not None:
                    return self.returncode
                try:
                    pid, status = os.waitpid(self.pid, os.WNOHANG)
                except ChildProcessError:
                    # Someone else reaped it (os.wait, a SIGCHLD handler).
                    self.returncode = 0
                else:
                    if pid == self.pid:
                        self._handle_status(status)
            finally:
                self._waitpid_lock.release()
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            with self._waitpid_lock:
                while self.returncode is None:
                    try:
                        pid, status = os.waitpid(self.pid, 0)
                    except ChildProcessError:
                        self.returncode = 0
                        break
                    if pid == self.pid:
                        self._handle_status(status)
            return self.returncode
        deadline = time.monotonic() + timeout
        delay = 0.0005
        while True:
            if self._waitpid_lock.acquire(False):
                try:
                    if self.returncode is not None:
                        break
                    try:
                        pid, status = os.waitpid(self.pid, os.WNOHANG)
                    except ChildProcessError:
                        self.returncode = 0
                        break
                    if pid == self.pid:
                        self._handle_status(status)
                        break
                finally:
                    self._waitpid_lock.release()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutExpired(self.args, timeout)
            delay = min(delay * 2, remaining, 0.05)
            time.sleep(delay)
        return self.returncode

    # -- talking --------------------------------------------------------
    def communicate(self, input=None, timeout=None):
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")
        if timeout is not None:
            deadline = time.monotonic() + timeout
        if self._collectors is None:
            self._communication_started = True
            if self.stdin is not None and input is not None and self.text_mode and not isinstance(input, str):
                raise TypeError(f"write() argument must be str, not {type(input).__name__}")
            collectors = {}
            if self.stdin is not None:
                collectors["stdin"] = _Collector(_write_all, self.stdin, input)
            if self.stdout is not None:
                collectors["stdout"] = _Collector(_read_all, self.stdout)
            if self.stderr is not None:
                collectors["stderr"] = _Collector(_read_all, self.stderr)
            self._collectors = collectors
        for name in ("stdin", "stdout", "stderr"):
            collector = self._collectors.get(name)
            if collector is None:
                continue
            if timeout is None:
                collector.thread.join()
            else:
                collector.thread.join(max(0.0, deadline - time.monotonic()))
                if collector.thread.is_alive():
                    raise TimeoutExpired(self.args, timeout)
        for collector in self._collectors.values():
            if collector.error is not None:
                raise collector.error
        stdout = self._collectors["stdout"].result if "stdout" in self._collectors else None
        stderr = self._collectors["stderr"].result if "stderr" in self._collectors else None
        if timeout is None:
            self.wait()
        else:
            self.wait(max(0.0, deadline - time.monotonic()))
        return stdout, stderr

    # -- signalling -----------------------------------------------------
    def send_signal(self, sig):
        # As CPython 3.11: reap first, so a pid the kernel may have reused
        # is never signalled.
        self.poll()
        if self.returncode is not None:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        self.send_signal(signal.SIGTERM)

    def kill(self):
        self.send_signal(signal.SIGKILL)
