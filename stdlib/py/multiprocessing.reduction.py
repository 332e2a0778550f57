"""multiprocessing.reduction: the pickler that carries data between
processes. gilvm's pickle already handles what crosses a fork boundary, so
ForkingPickler is pickle.Pickler with CPython's helper class methods and
register() for extra reducers (kept in copyreg's table)."""
import copyreg
import io
import pickle

__all__ = ["DupFd", "send_handle", "recv_handle", "ForkingPickler", "register", "dump"]

HAVE_SEND_HANDLE = True


class ForkingPickler(pickle.Pickler):
    @classmethod
    def register(cls, type, reduce):
        copyreg.pickle(type, reduce)

    @classmethod
    def dumps(cls, obj, protocol=None):
        buf = io.BytesIO()
        cls(buf, protocol).dump(obj)
        # CPython returns a memoryview of the buffer; bytes serve the same callers.
        return buf.getvalue()

    loads = staticmethod(pickle.loads)


register = ForkingPickler.register


def dump(obj, file, protocol=None):
    ForkingPickler(file, protocol).dump(obj)


def DupFd(fd):
    """A picklable stand-in for descriptor fd whose detach() gives the
    receiving process its own copy: the spawning Popen's while a child is
    being started, else this process's resource sharer."""
    from multiprocessing import context
    popen = context.get_spawning_popen()
    if popen is not None:
        return popen.DupFd(popen.duplicate_for_child(fd))
    from multiprocessing import resource_sharer
    return resource_sharer.DupFd(fd)


def send_handle(conn, handle, destination_pid):
    """Sends descriptor `handle` over conn (a Unix-socket Connection) as
    SCM_RIGHTS, for recv_handle at the other end."""
    import _multiprocessing
    _multiprocessing.sendfds(conn.fileno(), [handle])


def recv_handle(conn):
    """Receives one descriptor sent by send_handle."""
    import _multiprocessing
    data, fds = _multiprocessing.recvfds(conn.fileno(), 1)
    if not fds:
        raise RuntimeError("received 0 items of ancdata")
    return fds[0]
