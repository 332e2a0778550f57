"""Managers: objects that live in a server process and are used from any
number of processes through proxies (CPython 3.11's BaseManager,
SyncManager, BaseProxy and the proxy types).

How it works in gilvm
- start() forks the server process. It listens on an AF_UNIX socket in
  Linux's abstract namespace (so no socket file is left behind; a
  (host, port) address gives a TCP socket instead), serves
  every client connection on its own daemon thread, and owns the shared
  objects in a table keyed by an id string.
- A request is the pickle of (id, method name, args, kwargs) in a
  multiprocessing Connection message; the reply is (kind, payload):
  '#RETURN' a value, '#ERROR' an exception the method raised (re-raised in
  the caller with its type), '#PROXY' a new shared object the method
  returned (DictProxy.__iter__ gives an Iterator proxy), '#TRACEBACK' a
  failure of the server itself (the caller gets RemoteError with it).
  Requests with id None address the server: create, shutdown, dummy.
- Each proxy talks over one connection per (process, thread), made on
  first use: a forked child, whose pid differs, never writes on its
  parent's socket, and a call blocked in the server (Lock.acquire,
  Queue.get) holds up only the thread that made it.
- Proxies pickle to their token (type id, address, id), so they can be
  sent to another process (through a Queue, or stored in another managed
  object) and still reach the same object.

- Every connection starts with CPython 3.11's authkey handshake (an
  HMAC-MD5 challenge each way) and the messages are CPython's, so CPython
  clients can use a gilvm manager (connect()) and gilvm clients a
  CPython one.

Differences from CPython
- Objects are not reference-counted: a shared object lives until its
  manager shuts down, however many proxies to it were dropped.
- No serializer but 'pickle', no Manager().Pool."""
import array
import hmac
import os
import queue
import sys
import threading
import traceback
import types

from multiprocessing import connection, process, util
from multiprocessing.context import ProcessError, AuthenticationError

__all__ = ["BaseManager", "SyncManager", "BaseProxy", "Token", "SharedMemoryManager"]


class Token:
    """Names a shared object: its type id, its server's address, its id."""
    __slots__ = ("typeid", "address", "id")

    def __init__(self, typeid, address, id):
        self.typeid, self.address, self.id = typeid, address, id

    def __getstate__(self):
        return (self.typeid, self.address, self.id)

    def __setstate__(self, state):
        self.typeid, self.address, self.id = state

    def __repr__(self):
        return "%s(typeid=%r, address=%r, id=%r)" % (self.__class__.__name__, self.typeid, self.address, self.id)


class RemoteError(Exception):
    def __str__(self):
        return "\n" + "-" * 75 + "\n" + str(self.args[0]) + "-" * 75


def _family(address):
    """AF_INET for a (host, port) address, AF_UNIX for a str or bytes one."""
    import socket
    if isinstance(address, tuple):
        return socket.AF_INET
    if isinstance(address, (str, bytes)):
        return socket.AF_UNIX
    raise ValueError("address type of %r unrecognized" % (address,))


# Both ends prove they know the authkey, as CPython 3.11's
# connection.deliver_challenge/answer_challenge do (HMAC-MD5 of a random
# 20-byte message), so a CPython client can talk to a gilvm manager and
# the other way round.
_CHALLENGE = b"#CHALLENGE#"
_WELCOME = b"#WELCOME#"
_FAILURE = b"#FAILURE#"


def _digest(authkey, message):
    return hmac.new(authkey, message, "md5").digest()


def _check_authkey(authkey):
    if not isinstance(authkey, bytes):
        raise ValueError("Authkey must be bytes, not {0!s}".format(type(authkey)))


def deliver_challenge(conn, authkey):
    _check_authkey(authkey)
    message = os.urandom(20)
    conn.send_bytes(_CHALLENGE + message)
    response = conn.recv_bytes(256)
    if hmac.compare_digest(response, _digest(authkey, message)):
        conn.send_bytes(_WELCOME)
    else:
        conn.send_bytes(_FAILURE)
        raise AuthenticationError("digest received was wrong")


def answer_challenge(conn, authkey):
    _check_authkey(authkey)
    message = conn.recv_bytes(256)
    assert message[:len(_CHALLENGE)] == _CHALLENGE, "message = %r" % message
    conn.send_bytes(_digest(authkey, message[len(_CHALLENGE):]))
    if conn.recv_bytes(256) != _WELCOME:
        raise AuthenticationError("digest sent was rejected")


def _connect(address, authkey=None):
    import socket
    s = socket.socket(_family(address), socket.SOCK_STREAM)
    try:
        s.connect(address)
    except BaseException:
        s.close()
        raise
    conn = connection.Connection(s.detach())
    if authkey is not None:
        try:
            answer_challenge(conn, bytes(authkey))
            deliver_challenge(conn, bytes(authkey))
        except BaseException:
            conn.close()
            raise
    return conn


def dispatch(c, id, methodname, args=(), kwds={}):
    """Sends one request on connection c and returns its result."""
    c.send((id, methodname, args, kwds))
    kind, result = c.recv()
    if kind == "#RETURN":
        return result
    raise convert_to_error(kind, result)


def convert_to_error(kind, result):
    if kind == "#ERROR":
        return result
    if kind in ("#TRACEBACK", "#UNSERIALIZABLE"):
        if not isinstance(result, str):
            raise TypeError("Result {0!r} (kind '{1}') type is {2}, not str".format(result, kind, type(result)))
        if kind == "#UNSERIALIZABLE":
            return RemoteError("Unserializable message: %s\n" % result)
        return RemoteError(result)
    return ValueError("Unrecognized message type {!r}".format(kind))


def all_methods(obj):
    """The names of obj's callable attributes."""
    # getattr with a default: gilvm's dir() of a built-in type's instance
    # can list a name (such as __dict__) the instance does not have.
    return [name for name in dir(obj) if callable(getattr(obj, name, None))]


def public_methods(obj):
    """The names of obj's callable attributes that do not start with '_'."""
    return [name for name in all_methods(obj) if name[0] != "_"]


# dict views cannot cross a process boundary as views: they come back as
# lists, as CPython's managers register them to.
_VIEW_TYPES = (type({}.keys()), type({}.values()), type({}.items()))


class Server:
    """The server process's side: the shared objects and the threads that
    serve the clients."""

    def __init__(self, registry, address, authkey=None):
        import socket
        self.registry = registry
        self.authkey = None if authkey is None else bytes(authkey)
        self.id_to_obj = {}
        self.mutex = threading.Lock()
        self.stop_event = threading.Event()
        if address is None:
            address = "\0pymp-" + os.urandom(8).hex() + "/listener"
        self.listener = socket.socket(_family(address), socket.SOCK_STREAM)
        if self.listener.family == socket.AF_INET:
            self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(address)
        self.listener.listen(64)
        self.address = self.listener.getsockname()

    def serve_forever(self):
        """Serves until a client asks for shutdown (or Ctrl-C), then
        exits the process with SystemExit(0), as CPython's."""
        process.current_process()._manager_server = self
        try:
            accepter = threading.Thread(target=self._accept_loop, daemon=True)
            accepter.start()
            try:
                while not self.stop_event.is_set():
                    self.stop_event.wait(1)
            except (KeyboardInterrupt, SystemExit):
                pass
        finally:
            self.on_stop()
            sys.exit(0)

    def _accept_loop(self):
        while not self.stop_event.is_set():
            try:
                sock, _ = self.listener.accept()
            except OSError:
                # Out of descriptors, say: try again a little later
                # rather than spin.
                self.stop_event.wait(0.05)
                continue
            conn = connection.Connection(sock.detach())
            threading.Thread(target=self._serve_client, args=(conn,), daemon=True).start()

    def _serve_client(self, conn):
        try:
            if self.authkey is not None:
                try:
                    deliver_challenge(conn, self.authkey)
                    answer_challenge(conn, self.authkey)
                except Exception:
                    return
            while not self.stop_event.is_set():
                try:
                    request = conn.recv()
                except (EOFError, OSError):
                    return
                reply = self._handle(request)
                try:
                    try:
                        conn.send(reply)
                    except Exception:
                        conn.send(("#UNSERIALIZABLE", traceback.format_exc()))
                except Exception:
                    return
        finally:
            conn.close()

    def _handle(self, request):
        methodname = None
        try:
            ident, methodname, args, kwds = request
            if ident is None:
                return self._handle_server_call(methodname, args, kwds)
            obj, exposed, gettypeid = self.id_to_obj[ident]
            if methodname not in exposed:
                fallback = self.fallback_mapping.get(methodname)
                if fallback is None:
                    raise AttributeError("method %r of %r object is not in exposed=%r" %
                                         (methodname, type(obj), exposed))
                return ("#RETURN", fallback(obj))
            function = getattr(obj, methodname)
            try:
                result = function(*args, **kwds)
            except Exception as e:
                return ("#ERROR", e)
            typeid = gettypeid and gettypeid.get(methodname)
            if typeid:
                rident, rexposed = self.create_object(typeid, (result,), {})
                return ("#PROXY", (rexposed, Token(typeid, self.address, rident)))
            if isinstance(result, _VIEW_TYPES):
                result = list(result)
            return ("#RETURN", result)
        except Exception:
            return ("#TRACEBACK", traceback.format_exc())

    fallback_mapping = {
        "__str__": str,
        "__repr__": repr,
        "#GETVALUE": lambda obj: obj,
    }

    def _handle_server_call(self, methodname, args, kwds):
        if methodname == "create":
            # A failure here is the server's (RemoteError with the
            # traceback in the caller), as in CPython.
            return ("#RETURN", self.create_object(args[0], args[1:], kwds))
        if methodname == "shutdown":
            self.stop_event.set()
            return ("#RETURN", None)
        if methodname == "get_methods":
            return ("#RETURN", tuple(self.id_to_obj[args[0].id][1]))
        if methodname in ("dummy", "incref", "decref", "accept_connection"):
            return ("#RETURN", None)
        if methodname == "debug_info":
            return ("#RETURN", "\n".join("  %s:       refcount=1\n    %s" % (ident, str(obj)[:75])
                                         for ident, (obj, _, _) in self.id_to_obj.items()))
        if methodname == "number_of_objects":
            return ("#RETURN", len(self.id_to_obj))
        extra = getattr(self, "server_call_" + methodname, None)
        if extra is not None:
            return ("#RETURN", extra(*args, **kwds))
        raise AttributeError("server has no method %r" % methodname)

    def on_stop(self):
        """Runs in the server process once it is told to stop."""

    def create_object(self, typeid, args, kwds):
        """Makes a shared object of `typeid`; returns its id and the names
        its proxies may call."""
        callable_, exposed, method_to_typeid, _ = self.registry[typeid]
        if callable_ is None:
            if kwds or len(args) != 1:
                raise ValueError("Without callable, must have one non-keyword argument")
            obj = args[0]
        else:
            obj = callable_(*args, **kwds)
        if exposed is None:
            exposed = public_methods(obj)
        if method_to_typeid is not None:
            if not isinstance(method_to_typeid, dict):
                raise TypeError("Method_to_typeid {0!r}: type {1!s}, not dict".format(method_to_typeid,
                                                                                      type(method_to_typeid)))
            exposed = list(exposed) + list(method_to_typeid)
        ident = "%x" % id(obj)
        with self.mutex:
            self.id_to_obj[ident] = (obj, set(exposed), method_to_typeid)
        return ident, tuple(exposed)


class State:
    __slots__ = ["value"]
    INITIAL = 0
    STARTED = 1
    SHUTDOWN = 2


listener_client = {"pickle": (None, _connect)}


class BaseManager:
    """Starts a server process and makes shared objects in it; each
    register()ed type id becomes a method that returns a proxy."""
    _registry = {}
    _Server = Server

    def __init__(self, address=None, authkey=None, serializer="pickle", ctx=None, *, shutdown_timeout=1.0):
        if serializer not in listener_client:
            raise ValueError("unknown serializer %r" % (serializer,))
        if authkey is None:
            authkey = process.current_process().authkey
        self._address = address
        self._authkey = bytes(authkey)
        self._state = State()
        self._state.value = State.INITIAL
        self._serializer = serializer
        if ctx is None:
            from multiprocessing.context import _default_context
            ctx = _default_context.get_context()
        self._ctx = ctx
        self._shutdown_timeout = shutdown_timeout

    def _check_initial(self):
        if self._state.value != State.INITIAL:
            if self._state.value == State.STARTED:
                raise ProcessError("Already started server")
            elif self._state.value == State.SHUTDOWN:
                raise ProcessError("Manager has shut down")
            raise ProcessError("Unknown state {!r}".format(self._state.value))

    def get_server(self):
        """A Server to run in this process: server.serve_forever()."""
        self._check_initial()
        return self._Server(self._registry, self._address, self._authkey)

    def connect(self):
        """Uses a manager server that is already running at self.address
        (started by another process, or another program)."""
        conn = _connect(self._address, self._authkey)
        try:
            dispatch(conn, None, "dummy")
        finally:
            conn.close()
        self._state.value = State.STARTED

    def start(self, initializer=None, initargs=()):
        """Forks the server process and waits until it listens."""
        self._check_initial()
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        reader, writer = connection.Pipe(duplex=False)
        self._process = self._ctx.Process(target=type(self)._run_server,
                                          args=(self._registry, self._address, self._authkey, writer, initializer,
                                                initargs))
        ident = ":".join(str(i) for i in self._process._identity)
        self._process.name = type(self).__name__ + "-" + ident
        self._process.start()
        writer.close()
        try:
            self._address = reader.recv()
        except EOFError:
            self._process.join()
            raise ProcessError("Unable to start server") from None
        finally:
            reader.close()
        self._state.value = State.STARTED
        self.shutdown = util.Finalize(self, type(self)._finalize_manager,
                                      args=(self._process, self._address, self._authkey, self._state,
                                            self._shutdown_timeout),
                                      exitpriority=0)

    @classmethod
    def _run_server(cls, registry, address, authkey, writer, initializer=None, initargs=()):
        # The server ignores Ctrl-C, as CPython's: the clients stop it.
        import signal
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if initializer is not None:
            initializer(*initargs)
        server = cls._Server(registry, address, authkey)
        writer.send(server.address)
        writer.close()
        # A parent that dies without shutting the manager down (killed)
        # must not leave the server running forever.
        parent = process.parent_process()
        if parent is not None:
            def watch_parent():
                parent.join()
                server.stop_event.set()
            threading.Thread(target=watch_parent, daemon=True).start()
        server.serve_forever()

    @staticmethod
    def _finalize_manager(process_, address, authkey, state, shutdown_timeout):
        if process_.is_alive():
            try:
                conn = _connect(address, authkey)
                try:
                    dispatch(conn, None, "shutdown")
                finally:
                    conn.close()
            except Exception:
                pass
            process_.join(timeout=shutdown_timeout)
            if process_.is_alive():
                process_.terminate()
                process_.join(timeout=shutdown_timeout)
                if process_.is_alive():
                    process_.kill()
                    process_.join()
        state.value = State.SHUTDOWN
        _forget_connections(address)

    def shutdown(self):
        """Stops the server (replaced by the finalizer once started)."""

    def _create(self, typeid, /, *args, **kwds):
        conn = _connect(self._address, self._authkey)
        try:
            ident, exposed = dispatch(conn, None, "create", (typeid,) + args, kwds)
        finally:
            conn.close()
        return Token(typeid, self._address, ident), exposed

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)

    def _debug_info(self):
        conn = _connect(self._address, self._authkey)
        try:
            return dispatch(conn, None, "debug_info")
        finally:
            conn.close()

    def _number_of_objects(self):
        conn = _connect(self._address, self._authkey)
        try:
            return dispatch(conn, None, "number_of_objects")
        finally:
            conn.close()

    def __enter__(self):
        if self._state.value == State.INITIAL:
            self.start()
        if self._state.value != State.STARTED:
            if self._state.value == State.INITIAL:
                raise ProcessError("Unable to start server")
            elif self._state.value == State.SHUTDOWN:
                raise ProcessError("Manager has shut down")
            raise ProcessError("Unknown state {!r}".format(self._state.value))
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    @property
    def address(self):
        return self._address

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None, method_to_typeid=None,
                 create_method=True):
        """Adds `typeid`: callable(*args) makes its objects in the server,
        proxytype (AutoProxy by default) stands for them in clients."""
        if "_registry" not in cls.__dict__:
            cls._registry = cls._registry.copy()
        if proxytype is None:
            proxytype = AutoProxy
        exposed = exposed or getattr(proxytype, "_exposed_", None)
        method_to_typeid = method_to_typeid or getattr(proxytype, "_method_to_typeid_", None)
        if method_to_typeid:
            for key, value in list(method_to_typeid.items()):
                assert type(key) is str, "%r is not a string" % key
                assert type(value) is str, "%r is not a string" % value
        cls._registry[typeid] = (callable, exposed, method_to_typeid, proxytype)
        if create_method:
            def make(self, /, *args, **kwds):
                token, exp = self._create(typeid, *args, **kwds)
                return proxytype(token, self._serializer, manager=self, authkey=self._authkey, exposed=exp)
            make.__name__ = typeid
            setattr(cls, typeid, make)


# One connection per (server address, process, thread), made on first use.
_connections = {}


def _forget_connections(address):
    for key in [k for k in _connections if k[0] == address]:
        conn = _connections.pop(key, None)
        if conn is not None:
            conn.close()


class BaseProxy:
    """Stands for a shared object in a server: calls go to the server."""

    def __init__(self, token, serializer, manager=None, authkey=None, exposed=None, incref=True,
                 manager_owned=False):
        self._token = token
        self._id = token.id
        self._manager = manager
        self._serializer = serializer
        self._authkey = bytes(authkey) if authkey is not None else (
            manager._authkey if manager is not None else process.current_process().authkey)
        self._exposed_ = exposed if exposed is not None else getattr(type(self), "_exposed_", None)
        self._owned_by_manager = manager_owned

    def _connection(self):
        key = (self._token.address, os.getpid(), threading.get_ident())
        conn = _connections.get(key)
        if conn is None:
            conn = _connect(self._token.address, self._authkey)
            # A CPython server expects this first on a proxy's connection.
            name = process.current_process().name
            if threading.current_thread().name != "MainThread":
                name += "|" + threading.current_thread().name
            dispatch(conn, None, "accept_connection", (name,))
            _connections[key] = conn
        return conn

    def _callmethod(self, methodname, args=(), kwds={}):
        """Calls methodname(*args, **kwds) on the shared object."""
        conn = self._connection()
        conn.send((self._id, methodname, args, kwds))
        kind, result = conn.recv()
        if kind == "#RETURN":
            return result
        if kind == "#PROXY":
            exposed, token = result
            proxytype = self._manager._registry[token.typeid][-1] if self._manager is not None else None
            if proxytype is None:
                proxytype = _registry_proxytype(token.typeid)
            token.address = self._token.address
            return proxytype(token, self._serializer, manager=self._manager, authkey=self._authkey,
                             exposed=exposed)
        raise convert_to_error(kind, result)

    def _getvalue(self):
        """A copy of the shared object."""
        return self._callmethod("#GETVALUE")

    def __reduce__(self):
        kwds = {}
        if getattr(self, "_isauto", False):
            kwds["exposed"] = self._exposed_
            return (RebuildProxy, (AutoProxy, self._token, self._serializer, kwds))
        return (RebuildProxy, (type(self), self._token, self._serializer, kwds))

    def __deepcopy__(self, memo):
        return self._getvalue()

    def __repr__(self):
        return "<%s object, typeid %r at %#x>" % (type(self).__name__, self._token.typeid, id(self))

    def __str__(self):
        try:
            return self._callmethod("__repr__")
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"


def _registry_proxytype(typeid):
    entry = SyncManager._registry.get(typeid)
    return entry[-1] if entry is not None and entry[-1] is not None else AutoProxy


def RebuildProxy(func, token, serializer, kwds):
    """Unpickles a proxy: a new proxy for the same shared object."""
    kwds.pop("incref", None)
    server = getattr(process.current_process(), "_manager_server", None)
    if server is not None and server.address == token.address:
        kwds["manager_owned"] = True
    return func(token, serializer, **kwds)


def MakeProxyType(name, exposed, _cache={}):
    """A proxy type with one forwarding method per name in `exposed`."""
    exposed = tuple(exposed)
    try:
        return _cache[(name, exposed)]
    except KeyError:
        pass
    namespace = {"__module__": __name__}
    for meth in exposed:
        namespace[meth] = _forwarder(meth)
    proxytype = type(name, (BaseProxy,), namespace)
    proxytype._exposed_ = exposed
    _cache[(name, exposed)] = proxytype
    return proxytype


def _forwarder(meth):
    def forward(self, /, *args, **kwds):
        return self._callmethod(meth, args, kwds)
    forward.__name__ = forward.__qualname__ = meth
    return forward


def AutoProxy(token, serializer, manager=None, authkey=None, exposed=None, incref=True, manager_owned=False):
    """A proxy whose methods are the shared object's public methods."""
    if authkey is None and manager is not None:
        authkey = manager._authkey
    if authkey is None:
        authkey = process.current_process().authkey
    if exposed is None:
        conn = _connect(token.address, authkey)
        try:
            exposed = dispatch(conn, None, "get_methods", (token,))
        finally:
            conn.close()
    proxytype = MakeProxyType("AutoProxy[%s]" % token.typeid, exposed)
    proxy = proxytype(token, serializer, manager=manager, authkey=authkey, manager_owned=manager_owned)
    proxy._isauto = True
    return proxy


# -- the types SyncManager shares

class Namespace:
    def __init__(self, /, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        shown = sorted("%s=%r" % (name, value) for name, value in list(self.__dict__.items())
                       if not name.startswith("_"))
        return "%s(%s)" % (self.__class__.__name__, ", ".join(shown))


class Value:
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return "%s(%r, %r)" % (type(self).__name__, self._typecode, self._value)

    value = property(get, set)


def Array(typecode, sequence, lock=True):
    return array.array(typecode, sequence)


# -- their proxies

class IteratorProxy(BaseProxy):
    _exposed_ = ("__next__", "send", "throw", "close")

    def __iter__(self):
        return self

    def __next__(self, *args):
        return self._callmethod("__next__", args)

    def send(self, *args):
        return self._callmethod("send", args)

    def throw(self, *args):
        return self._callmethod("throw", args)

    def close(self, *args):
        return self._callmethod("close", args)


class AcquirerProxy(BaseProxy):
    _exposed_ = ("acquire", "release")

    def acquire(self, blocking=True, timeout=None):
        return self._callmethod("acquire", (blocking,) if timeout is None else (blocking, timeout))

    def release(self):
        return self._callmethod("release")

    def __enter__(self):
        return self._callmethod("acquire")

    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._callmethod("release")


class ConditionProxy(AcquirerProxy):
    _exposed_ = ("acquire", "release", "wait", "notify", "notify_all")

    def wait(self, timeout=None):
        return self._callmethod("wait", (timeout,))

    def notify(self, n=1):
        return self._callmethod("notify", (n,))

    def notify_all(self):
        return self._callmethod("notify_all")

    def wait_for(self, predicate, timeout=None):
        import time
        result = predicate()
        if result:
            return result
        deadline = None if timeout is None else time.monotonic() + timeout
        waittime = None
        while not result:
            if deadline is not None:
                waittime = deadline - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class EventProxy(BaseProxy):
    _exposed_ = ("is_set", "set", "clear", "wait")

    def is_set(self):
        return self._callmethod("is_set")

    def set(self):
        return self._callmethod("set")

    def clear(self):
        return self._callmethod("clear")

    def wait(self, timeout=None):
        return self._callmethod("wait", (timeout,))


class BarrierProxy(BaseProxy):
    _exposed_ = ("__getattribute__", "wait", "abort", "reset")

    def wait(self, timeout=None):
        return self._callmethod("wait", (timeout,))

    def abort(self):
        return self._callmethod("abort")

    def reset(self):
        return self._callmethod("reset")

    @property
    def parties(self):
        return self._callmethod("__getattribute__", ("parties",))

    @property
    def n_waiting(self):
        return self._callmethod("__getattribute__", ("n_waiting",))

    @property
    def broken(self):
        return self._callmethod("__getattribute__", ("broken",))


class NamespaceProxy(BaseProxy):
    _exposed_ = ("__getattribute__", "__setattr__", "__delattr__")

    # Names starting with '_' are the proxy's own; the rest are the
    # shared Namespace's.
    def __getattr__(self, key):
        if key[0] == "_":
            return object.__getattribute__(self, key)
        return object.__getattribute__(self, "_callmethod")("__getattribute__", (key,))

    def __setattr__(self, key, value):
        if key[0] == "_":
            return object.__setattr__(self, key, value)
        return object.__getattribute__(self, "_callmethod")("__setattr__", (key, value))

    def __delattr__(self, key):
        if key[0] == "_":
            return object.__delattr__(self, key)
        return object.__getattribute__(self, "_callmethod")("__delattr__", (key,))


class ValueProxy(BaseProxy):
    _exposed_ = ("get", "set")

    def get(self):
        return self._callmethod("get")

    def set(self, value):
        return self._callmethod("set", (value,))

    value = property(get, set)

    __class_getitem__ = classmethod(types.GenericAlias)


BaseListProxy = MakeProxyType("BaseListProxy", (
    "__add__", "__contains__", "__delitem__", "__getitem__", "__len__", "__mul__", "__reversed__", "__rmul__",
    "__setitem__", "append", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort",
    "__imul__"))


class ListProxy(BaseListProxy):
    # CPython pickles the server's list_reverseiterator (with a copy of
    # the list); gilvm cannot pickle iterators, so the copy is made here.
    def __reversed__(self):
        return reversed(self._callmethod("#GETVALUE"))

    def __iadd__(self, value):
        self._callmethod("extend", (value,))
        return self

    def __imul__(self, value):
        self._callmethod("__imul__", (value,))
        return self


DictProxy = MakeProxyType("DictProxy", (
    "__contains__", "__delitem__", "__getitem__", "__iter__", "__len__", "__setitem__", "clear", "copy", "get",
    "items", "keys", "pop", "popitem", "setdefault", "update", "values"))
DictProxy._method_to_typeid_ = {"__iter__": "Iterator"}

ArrayProxy = MakeProxyType("ArrayProxy", ("__len__", "__getitem__", "__setitem__"))


class SyncManager(BaseManager):
    """A manager with the shared types of multiprocessing.Manager():
    Queue, Lock, Event, list, dict, Value, Namespace and more."""


SyncManager.register("Queue", queue.Queue)
SyncManager.register("JoinableQueue", queue.Queue)
SyncManager.register("Event", threading.Event, EventProxy)
SyncManager.register("Lock", threading.Lock, AcquirerProxy)
SyncManager.register("RLock", threading.RLock, AcquirerProxy)
SyncManager.register("Semaphore", threading.Semaphore, AcquirerProxy)
SyncManager.register("BoundedSemaphore", threading.BoundedSemaphore, AcquirerProxy)
SyncManager.register("Condition", threading.Condition, ConditionProxy)
SyncManager.register("Barrier", threading.Barrier, BarrierProxy)
SyncManager.register("list", list, ListProxy)
SyncManager.register("dict", dict, DictProxy)
SyncManager.register("Value", Value, ValueProxy)
SyncManager.register("Array", Array, ArrayProxy)
SyncManager.register("Namespace", Namespace, NamespaceProxy)
SyncManager.register("Iterator", proxytype=IteratorProxy, create_method=False)
SyncManager.register("AsyncResult", create_method=False)


class SharedMemoryServer(Server):
    """A Server that also keeps the names of the shared memory blocks its
    manager made, and unlinks those still there when it stops."""

    def __init__(self, *args, **kwargs):
        Server.__init__(self, *args, **kwargs)
        self.segment_names = []

    def server_call_track_segment(self, segment_name):
        self.segment_names.append(segment_name)

    def server_call_release_segment(self, segment_name):
        self.segment_names.remove(segment_name)
        from multiprocessing import shared_memory
        segment = shared_memory.SharedMemory(segment_name)
        segment.close()
        segment.unlink()

    def server_call_list_segments(self):
        return self.segment_names

    def on_stop(self):
        import _multiprocessing
        for name in self.segment_names:
            try:
                _multiprocessing.shm_unlink("/" + name)
            except OSError:
                pass
        self.segment_names = []


class SharedMemoryManager(BaseManager):
    """A manager whose SharedMemory() and ShareableList() blocks are
    unlinked when it shuts down (its Lock(), dict()... are SyncManager's
    only if registered: as in CPython, it starts with none)."""
    _Server = SharedMemoryServer

    def _make_tracked(self, make, name_of):
        # Connect first: a manager that cannot be reached leaves no block.
        conn = _connect(self._address, self._authkey)
        try:
            made = make()
            try:
                dispatch(conn, None, "track_segment", (name_of(made),))
            except BaseException:
                _unlink_block(name_of(made))
                raise
        finally:
            conn.close()
        return made

    def SharedMemory(self, size):
        """A new SharedMemory of `size` bytes, unlinked at shutdown."""
        from multiprocessing import shared_memory
        return self._make_tracked(lambda: shared_memory.SharedMemory(None, create=True, size=size),
                                  lambda block: block.name)

    def ShareableList(self, sequence):
        """A new ShareableList of `sequence`, unlinked at shutdown."""
        from multiprocessing import shared_memory
        return self._make_tracked(lambda: shared_memory.ShareableList(sequence), lambda items: items.shm.name)


def _unlink_block(name):
    import _multiprocessing
    _multiprocessing.shm_unlink("/" + name)
