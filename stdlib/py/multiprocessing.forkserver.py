"""The forkserver start method: a server process, started once like a
spawn child, forks every new child from its own clean state.

Contract
--------
* ensure_running() starts the server (`sys.executable -c "from
  multiprocessing.forkserver import main; main(...)"`) with two
  descriptors: a listening AF_UNIX socket (an abstract-namespace name, so
  there is no file to remove) and the read end of the "alive" pipe whose
  only write end the starting process keeps. EOF on it (the starter is
  gone) ends the server. The server imports the preload modules (those
  set by set_forkserver_preload, '__main__' excepted) once, so children
  inherit them already imported.
* A new child: the parent connects and sends, as SCM_RIGHTS in one
  message, [child_r, child_w] + the descriptors its pickled objects asked
  for (Popen.duplicate_for_child returns their index; the DupFd pickled
  with the object looks the descriptor up in the child with
  get_inherited_fds()). The server forks; the child reads its orders from
  child_r as a spawn child does (a length, the preparation data, the
  Process object; spawn._main) and leaves with os._exit. The server writes
  the child's pid on child_w at once and, when it reaps the child
  (SIGCHLD through a wakeup pipe), its exit code (os.waitstatus_to_exitcode)
  -- both as 8-byte signed integers. The parent's end of that pipe is the
  Process sentinel: readable once the exit code is there.
* The server ignores SIGINT (Ctrl-C in a terminal reaches the whole
  process group; the children get the default handler back)."""
import os
import signal
import socket
import struct
import sys
import threading

import _multiprocessing
from multiprocessing import spawn, util

__all__ = ["ensure_running", "get_inherited_fds", "connect_to_new_process", "set_forkserver_preload"]

MAXFDS_TO_SEND = 250
SIGNED_STRUCT = struct.Struct("q")


class ForkServer:
    def __init__(self):
        self._forkserver_address = None
        self._forkserver_alive_fd = None
        self._forkserver_pid = None
        self._inherited_fds = None
        self._lock = threading.Lock()
        self._preload_modules = ["__main__"]

    def set_forkserver_preload(self, modules_names):
        """Modules the server imports before it forks any child."""
        if not all(type(mod) is str for mod in modules_names):
            raise TypeError("module_names must be a list of strings")
        self._preload_modules = modules_names

    def get_inherited_fds(self):
        """In a forkserver child: the descriptors its parent passed."""
        return self._inherited_fds

    def connect_to_new_process(self, fds):
        """Asks the server for a child that receives fds; returns the
        parent's ends (read: pid and exit code, write: the orders)."""
        self.ensure_running()
        if len(fds) + 2 >= MAXFDS_TO_SEND:
            raise ValueError("too many fds")
        with socket.socket(socket.AF_UNIX) as client:
            client.connect(self._forkserver_address)
            parent_r, child_w = os.pipe()
            child_r, parent_w = os.pipe()
            try:
                _multiprocessing.sendfds(client.fileno(), [child_r, child_w] + list(fds))
                return parent_r, parent_w
            except BaseException:
                os.close(parent_r)
                os.close(parent_w)
                raise
            finally:
                os.close(child_r)
                os.close(child_w)

    def ensure_running(self):
        """Starts the server unless it runs already."""
        with self._lock:
            if self._forkserver_pid is not None:
                try:
                    pid, _ = os.waitpid(self._forkserver_pid, os.WNOHANG)
                except ChildProcessError:
                    pid = self._forkserver_pid
                if not pid:
                    return
                os.close(self._forkserver_alive_fd)
                self._forkserver_address = None
                self._forkserver_alive_fd = None
                self._forkserver_pid = None
            preload = [name for name in self._preload_modules if name != "__main__"]
            address = "\0gilvm-forkserver-%d-%s" % (os.getpid(), os.urandom(8).hex())
            with socket.socket(socket.AF_UNIX) as listener:
                listener.bind(address)
                listener.listen()
                alive_r, alive_w = os.pipe()
                try:
                    cmd = "from multiprocessing.forkserver import main; main(%d, %d, %r, %r)" % (
                        listener.fileno(), alive_r, preload, list(sys.path))
                    exe = spawn.get_executable()
                    from multiprocessing.popen_spawn_posix import spawnv_passfds
                    pid = spawnv_passfds(exe, [exe, "-c", cmd], [listener.fileno(), alive_r])
                except BaseException:
                    os.close(alive_w)
                    raise
                finally:
                    os.close(alive_r)
            self._forkserver_address = address
            self._forkserver_alive_fd = alive_w
            self._forkserver_pid = pid


def main(listener_fd, alive_r, preload, sys_path=None):
    """The server's loop (see the contract)."""
    if sys_path is not None:
        sys.path[:] = sys_path
    for modname in preload:
        try:
            __import__(modname)
        except ImportError:
            pass
    util._close_stdin()
    sig_r, sig_w = os.pipe()
    os.set_blocking(sig_r, False)
    os.set_blocking(sig_w, False)

    def sigchld_handler(*_unused):
        # Only there so that the wakeup pipe is written.
        pass

    handlers = {signal.SIGCHLD: sigchld_handler, signal.SIGINT: signal.SIG_IGN}
    old_handlers = {sig: signal.signal(sig, handler) for sig, handler in handlers.items()}
    signal.set_wakeup_fd(sig_w)
    pid_to_fd = {}
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0, listener_fd)
    with listener:
        while True:
            ready = _multiprocessing.poll([listener_fd, alive_r, sig_r])
            if alive_r in ready:
                # The process that started the server is gone.
                raise SystemExit
            if sig_r in ready:
                try:
                    os.read(sig_r, 65536)
                except BlockingIOError:
                    pass
                _reap(pid_to_fd)
            if listener_fd in ready:
                try:
                    conn, _ = listener.accept()
                except OSError:
                    continue
                with conn:
                    try:
                        _, fds = _multiprocessing.recvfds(conn.fileno(), MAXFDS_TO_SEND)
                    except (OSError, RuntimeError):
                        continue
                if len(fds) < 2:
                    for fd in fds:
                        os.close(fd)
                    continue
                child_r, child_w, *fds = fds
                pid = os.fork()
                if pid == 0:
                    code = 1
                    try:
                        listener.close()
                        unused = [alive_r, child_w, sig_r, sig_w] + list(pid_to_fd.values())
                        code = _serve_one(child_r, fds, unused, old_handlers)
                    except BaseException:
                        sys.excepthook(*sys.exc_info())
                        sys.stderr.flush()
                    finally:
                        os._exit(code)
                os.close(child_r)
                for fd in fds:
                    os.close(fd)
                try:
                    write_signed(child_w, pid)
                except BrokenPipeError:
                    pass
                pid_to_fd[pid] = child_w


def _reap(pid_to_fd):
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        child_w = pid_to_fd.pop(pid, None)
        if child_w is None:
            continue
        try:
            write_signed(child_w, os.waitstatus_to_exitcode(status))
        except BrokenPipeError:
            pass
        os.close(child_w)


def _serve_one(child_r, fds, unused_fds, handlers):
    # In the forked child: back to the default signal handling, and only
    # the descriptors the parent sent.
    signal.set_wakeup_fd(-1)
    for sig, handler in handlers.items():
        signal.signal(sig, handler)
    for fd in unused_fds:
        os.close(fd)
    _forkserver._inherited_fds = fds
    parent_sentinel = os.dup(child_r)
    return spawn._main(child_r, parent_sentinel)


def read_signed(fd):
    data = b""
    while len(data) < SIGNED_STRUCT.size:
        chunk = os.read(fd, SIGNED_STRUCT.size - len(data))
        if not chunk:
            raise EOFError("unexpected EOF")
        data += chunk
    return SIGNED_STRUCT.unpack(data)[0]


def write_signed(fd, n):
    data = SIGNED_STRUCT.pack(n)
    while data:
        written = os.write(fd, data)
        if written == 0:
            raise RuntimeError("should not get here")
        data = data[written:]


_forkserver = ForkServer()
ensure_running = _forkserver.ensure_running
get_inherited_fds = _forkserver.get_inherited_fds
connect_to_new_process = _forkserver.connect_to_new_process
set_forkserver_preload = _forkserver.set_forkserver_preload
