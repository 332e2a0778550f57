"""The forkserver start method's Popen (see multiprocessing.forkserver):
the child is forked by the server; this Popen writes it the pickled
preparation data and Process object, and reads its pid, then its exit
code, from the sentinel pipe. A descriptor a pickled object needs is
passed to the server with the request; duplicate_for_child() returns its
index in that list, which the child's DupFd turns back into a descriptor."""
import io
import os

from multiprocessing import context, forkserver, popen_fork, reduction, spawn

__all__ = ["Popen"]


class _DupFd:
    def __init__(self, ind):
        self.ind = ind

    def detach(self):
        return forkserver.get_inherited_fds()[self.ind]


class Popen(popen_fork.Popen):
    method = "forkserver"
    DupFd = _DupFd

    def __init__(self, process_obj):
        self._fds = []
        super().__init__(process_obj)

    def duplicate_for_child(self, fd):
        self._fds.append(fd)
        return len(self._fds) - 1

    def _launch(self, process_obj):
        prep_data = spawn.get_preparation_data(process_obj._name)
        buf = io.BytesIO()
        context.set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            context.set_spawning_popen(None)
        self.sentinel, self._parent_w = forkserver.connect_to_new_process(self._fds)
        payload = buf.getvalue()
        data = memoryview(len(payload).to_bytes(8, "big") + payload)
        while data:
            data = data[os.write(self._parent_w, data):]
        self.pid = forkserver.read_signed(self.sentinel)

    def poll(self, flag=os.WNOHANG):
        if self.returncode is None:
            from multiprocessing.connection import wait
            timeout = 0 if flag == os.WNOHANG else None
            if not wait([self.sentinel], timeout):
                return None
            try:
                self.returncode = forkserver.read_signed(self.sentinel)
            except (OSError, EOFError):
                # The server died before it could report the exit code.
                self.returncode = 255
        return self.returncode

    def close(self):
        for fd in (self.sentinel, self._parent_w):
            if fd is None:
                continue
            try:
                os.close(fd)
            except OSError:
                pass
