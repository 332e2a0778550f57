"""The spawn start method's Popen: starts a fresh interpreter (see
multiprocessing.spawn) and writes it the pickled preparation data and
Process object.

Descriptors cross as CPython's do on POSIX: while the Process object is
pickled, context.get_spawning_popen() is this Popen, and an object that
holds a descriptor (a Connection, a shareable SemLock or shared block)
calls duplicate_for_child(fd), which adds fd to the descriptors the child
keeps under the same number; every other descriptor is closed in the
child. The sentinel works as fork's: the child holds the only write end of
a pipe whose read end the parent waits on."""
import io
import os

from multiprocessing import context, popen_fork, reduction, spawn

__all__ = ["Popen"]


class _DupFd:
    def __init__(self, fd):
        self.fd = fd

    def detach(self):
        return self.fd


def spawnv_passfds(path, args, passfds):
    """Starts path with args, keeping only passfds (and 0-2) open; returns
    the pid."""
    import _posixsubprocess
    passfds = tuple(sorted(map(int, passfds)))
    errpipe_read, errpipe_write = os.pipe()
    try:
        pid = _posixsubprocess.fork_exec(args, [os.fsencode(path)], True, passfds, None, None,
                                         -1, -1, -1, -1, -1, -1, errpipe_read, errpipe_write,
                                         False, False, -1, -1)
    finally:
        os.close(errpipe_write)
    try:
        report = os.read(errpipe_read, 1000)
    finally:
        os.close(errpipe_read)
    if report:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        stage, _, err = report.decode(errors="replace").partition(":")
        try:
            errno = int(err)
        except ValueError:
            errno = 0
        raise OSError(errno, os.strerror(errno) if errno else "cannot start %s" % path, path)
    return pid


class Popen(popen_fork.Popen):
    method = "spawn"
    DupFd = _DupFd

    def __init__(self, process_obj):
        self._fds = []
        super().__init__(process_obj)

    def duplicate_for_child(self, fd):
        self._fds.append(fd)
        return fd

    def _launch(self, process_obj):
        prep_data = spawn.get_preparation_data(process_obj._name)
        fp = io.BytesIO()
        context.set_spawning_popen(self)
        try:
            reduction.dump(prep_data, fp)
            reduction.dump(process_obj, fp)
        finally:
            context.set_spawning_popen(None)
        parent_r = child_w = child_r = parent_w = None
        try:
            parent_r, child_w = os.pipe()
            child_r, parent_w = os.pipe()
            cmd = spawn.get_command_line(pipe_handle=child_r)
            self._fds.extend([child_r, child_w])
            self.pid = spawnv_passfds(spawn.get_executable(), cmd, self._fds)
            self.sentinel = parent_r
            self._parent_w = parent_w
            # Length-prefixed, so the child need not wait for EOF: the
            # parent keeps parent_w open, and its closing (the parent's
            # end) is what the child's parent_process() watches.
            payload = fp.getvalue()
            data = memoryview(len(payload).to_bytes(8, "big") + payload)
            while data:
                data = data[os.write(parent_w, data):]
        except BaseException:
            for fd in (parent_r, parent_w):
                if fd is not None:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            raise
        finally:
            for fd in (child_r, child_w):
                if fd is not None:
                    os.close(fd)

    def close(self):
        for fd in (self.sentinel, self._parent_w):
            if fd is None:
                continue
            try:
                os.close(fd)
            except OSError:
                pass
