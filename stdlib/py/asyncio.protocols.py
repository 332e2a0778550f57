"""Protocol classes: the callbacks a transport calls (CPython 3.11's names).

A protocol is told about its connection (connection_made / connection_lost),
about incoming data (data_received, or get_buffer/buffer_updated for a
BufferedProtocol; datagram_received for UDP), and about the transport's
write buffer (pause_writing / resume_writing)."""

__all__ = ("BaseProtocol", "Protocol", "DatagramProtocol", "SubprocessProtocol", "BufferedProtocol")


class BaseProtocol:
    __slots__ = ()

    def connection_made(self, transport):
        """Called when a connection is made."""

    def connection_lost(self, exc):
        """Called when the connection is lost or closed (exc is None on EOF or close)."""

    def pause_writing(self):
        """Called when the transport's buffer goes over the high-water mark."""

    def resume_writing(self):
        """Called when the transport's buffer drains below the low-water mark."""


class Protocol(BaseProtocol):
    __slots__ = ()

    def data_received(self, data):
        """Called when some data is received."""

    def eof_received(self):
        """Called when the other end will send no more; a true result keeps the transport open."""


class BufferedProtocol(BaseProtocol):
    __slots__ = ()

    def get_buffer(self, sizehint):
        """Returns a writable buffer for the next receive."""

    def buffer_updated(self, nbytes):
        """Called when nbytes were written into the buffer get_buffer returned."""

    def eof_received(self):
        """As Protocol.eof_received."""


class DatagramProtocol(BaseProtocol):
    __slots__ = ()

    def datagram_received(self, data, addr):
        """Called when a datagram is received."""

    def error_received(self, exc):
        """Called when a send or receive operation raises an OSError."""


class SubprocessProtocol(BaseProtocol):
    __slots__ = ()

    def pipe_data_received(self, fd, data):
        """Called when the subprocess writes data to its stdout (fd 1) or stderr (fd 2)."""

    def pipe_connection_lost(self, fd, exc):
        """Called when one of the subprocess's pipes is closed."""

    def process_exited(self):
        """Called when the subprocess has exited."""
