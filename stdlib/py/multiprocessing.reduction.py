"""multiprocessing.reduction: the pickler that carries data between
processes. gilvm's pickle already handles what crosses a fork boundary, so
ForkingPickler is pickle.Pickler with CPython's helper class methods and
register() for extra reducers (kept in copyreg's table)."""
import copyreg
import io
import pickle

__all__ = ["DupFd", "send_handle", "recv_handle", "ForkingPickler", "register", "dump"]

HAVE_SEND_HANDLE = False


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
    """A picklable stand-in for descriptor fd, valid only while a spawn
    child is being started (its detach() gives the child's descriptor)."""
    from multiprocessing import context
    popen = context.get_spawning_popen()
    if popen is None:
        raise TypeError("a descriptor can only be pickled in gilvm while a 'spawn' Process is being started")
    return popen.DupFd(popen.duplicate_for_child(fd))


def send_handle(conn, handle, destination_pid):
    raise NotImplementedError("send_handle needs sockets with SCM_RIGHTS, which gilvm lacks")


def recv_handle(conn):
    raise NotImplementedError("recv_handle needs sockets with SCM_RIGHTS, which gilvm lacks")
