"""TLS over sockets, CPython's ssl module on OpenSSL (the native _ssl,
stdlib/ssl/): SSLContext, create_default_context, SSLSocket (a
socket.socket subclass) and the SSLError family.

Covered: client and server sockets over blocking or timed-out sockets,
certificate chains and CA files, hostname checking, SNI, getpeercert,
version, cipher, unwrap, makefile. Not covered: SSLObject/MemoryBIO,
sessions, ALPN/NPN, password-protected keys, post-handshake auth,
keylog files; Purpose is a plain class, not the ASN.1-object enum."""

import _ssl
from _ssl import (SSLError, SSLZeroReturnError, SSLWantReadError, SSLWantWriteError,
                  SSLSyscallError, SSLEOFError, SSLCertVerificationError,
                  OPENSSL_VERSION, OPENSSL_VERSION_NUMBER, HAS_SNI, HAS_TLSv1_3)
from _ssl import *  # noqa: F401,F403  (the constants)
import socket as _socket_module
from socket import socket, SOCK_STREAM, create_connection, AF_INET
from enum import IntEnum as _IntEnum

CertificateError = SSLCertVerificationError


class VerifyMode(_IntEnum):
    CERT_NONE = 0
    CERT_OPTIONAL = 1
    CERT_REQUIRED = 2


class _SSLMethod(_IntEnum):
    PROTOCOL_TLS = 2
    PROTOCOL_TLS_CLIENT = 16
    PROTOCOL_TLS_SERVER = 17


PROTOCOL_SSLv23 = _SSLMethod.PROTOCOL_TLS
globals().update(VerifyMode.__members__)
globals().update(_SSLMethod.__members__)


class TLSVersion(_IntEnum):
    MINIMUM_SUPPORTED = -2
    SSLv3 = 0x0300
    TLSv1 = 0x0301
    TLSv1_1 = 0x0302
    TLSv1_2 = 0x0303
    TLSv1_3 = 0x0304
    MAXIMUM_SUPPORTED = -1


class _Purpose:
    def __init__(self, name, oid):
        self.name = name
        self.oid = oid

    def __repr__(self):
        return "<Purpose.%s>" % self.name


class Purpose:
    """Which side a default context authenticates."""
    SERVER_AUTH = _Purpose("SERVER_AUTH", "1.3.6.1.5.5.7.3.1")
    CLIENT_AUTH = _Purpose("CLIENT_AUTH", "1.3.6.1.5.5.7.3.2")


class SSLContext(_ssl._SSLContext):
    """Settings shared by TLS connections: protocol, certificates, CAs,
    verification."""

    sslsocket_class = None  # set below

    @property
    def verify_mode(self):
        return VerifyMode(self._verify_mode)

    @verify_mode.setter
    def verify_mode(self, value):
        self._verify_mode = value

    @property
    def protocol(self):
        return _SSLMethod(super().protocol)

    def wrap_socket(self, sock, server_side=False, do_handshake_on_connect=True,
                    suppress_ragged_eofs=True, server_hostname=None, session=None):
        return self.sslsocket_class._create(
            sock=sock, server_side=server_side,
            do_handshake_on_connect=do_handshake_on_connect,
            suppress_ragged_eofs=suppress_ragged_eofs,
            server_hostname=server_hostname, context=self, session=session)

    def load_default_certs(self, purpose=Purpose.SERVER_AUTH):
        if not isinstance(purpose, _Purpose):
            raise TypeError(purpose)
        self.set_default_verify_paths()


def create_default_context(purpose=Purpose.SERVER_AUTH, *, cafile=None, capath=None, cadata=None):
    """A context with secure defaults: for SERVER_AUTH (a client) it
    verifies the server's certificate and host name."""
    if not isinstance(purpose, _Purpose):
        raise TypeError(purpose)
    if purpose is Purpose.SERVER_AUTH:
        context = SSLContext(PROTOCOL_TLS_CLIENT)
    else:
        context = SSLContext(PROTOCOL_TLS_SERVER)
    if cafile or capath or cadata:
        context.load_verify_locations(cafile, capath, cadata)
    elif context.verify_mode != CERT_NONE:
        context.load_default_certs(purpose)
    return context


class SSLSocket(socket):
    """A socket.socket whose data goes through TLS. Made by
    SSLContext.wrap_socket, never directly."""

    _sslobj = None
    _context = None

    @classmethod
    def _create(cls, sock, server_side=False, do_handshake_on_connect=True,
                suppress_ragged_eofs=True, server_hostname=None, context=None, session=None):
        if sock.getsockopt(_socket_module.SOL_SOCKET, _socket_module.SO_TYPE) != SOCK_STREAM:
            raise NotImplementedError("only stream sockets are supported")
        if server_side:
            if server_hostname:
                raise ValueError("server_hostname can only be specified in server mode")
            if session is not None:
                raise ValueError("session can only be specified in client mode")
        if context.check_hostname and not server_hostname and not server_side:
            raise ValueError("check_hostname requires server_hostname")
        timeout = sock.gettimeout()
        self = cls(sock.family, sock.type, sock.proto, sock.fileno())
        sock.detach()
        self.settimeout(timeout)
        self._context = context
        self.server_side = server_side
        self.server_hostname = server_hostname
        self.do_handshake_on_connect = do_handshake_on_connect
        self.suppress_ragged_eofs = suppress_ragged_eofs
        try:
            self.getpeername()
            connected = True
        except OSError:
            connected = False
        self._connected = connected
        if connected:
            try:
                self._sslobj = context._wrap_socket(self, server_side, server_hostname)
                if do_handshake_on_connect:
                    if timeout == 0.0:
                        raise ValueError("do_handshake_on_connect should not be specified for non-blocking sockets")
                    self.do_handshake()
            except:
                self.close()
                raise
        return self

    @property
    def context(self):
        return self._context

    def _check_ssl(self, what):
        if self._sslobj is None:
            raise ValueError("%s on closed or unwrapped SSL socket." % what)

    def read(self, len=1024, buffer=None):
        self._check_ssl("Read")
        try:
            if buffer is not None:
                return self._sslobj.read(len, buffer)
            return self._sslobj.read(len)
        except SSLError as x:
            if x.args[0] == SSL_ERROR_EOF and self.suppress_ragged_eofs:
                return 0 if buffer is not None else b''
            raise

    def write(self, data):
        self._check_ssl("Write")
        return self._sslobj.write(data)

    def getpeercert(self, binary_form=False):
        self._check_connected()
        self._check_ssl("Read")
        return self._sslobj.getpeercert(binary_form)

    def cipher(self):
        return None if self._sslobj is None else self._sslobj.cipher()

    def version(self):
        return None if self._sslobj is None else self._sslobj.version()

    def selected_alpn_protocol(self):
        return None

    def pending(self):
        return 0 if self._sslobj is None else self._sslobj.pending()

    def _check_connected(self):
        if not self._connected:
            self.getpeername()  # raises OSError(ENOTCONN), as CPython's

    def send(self, data, flags=0):
        if self._sslobj is not None:
            if flags != 0:
                raise ValueError("non-zero flags not allowed in calls to send() on %s" % self.__class__)
            return self._sslobj.write(data)
        return super().send(data, flags)

    def sendall(self, data, flags=0):
        if self._sslobj is not None:
            if flags != 0:
                raise ValueError("non-zero flags not allowed in calls to sendall() on %s" % self.__class__)
            data = bytes(data)
            count = 0
            while count < len(data):
                count += self.send(data[count:])
            return None
        return super().sendall(data, flags)

    def sendto(self, data, flags_or_addr, addr=None):
        if self._sslobj is not None:
            raise ValueError("sendto not allowed on instances of %s" % self.__class__)
        if addr is None:
            return super().sendto(data, flags_or_addr)
        return super().sendto(data, flags_or_addr, addr)

    def recv(self, buflen=1024, flags=0):
        if self._sslobj is not None:
            if flags != 0:
                raise ValueError("non-zero flags not allowed in calls to recv() on %s" % self.__class__)
            return self.read(buflen)
        return super().recv(buflen, flags)

    def recv_into(self, buffer, nbytes=None, flags=0):
        if nbytes is None or nbytes == 0:
            nbytes = len(buffer)
        if self._sslobj is not None:
            if flags != 0:
                raise ValueError("non-zero flags not allowed in calls to recv_into() on %s" % self.__class__)
            return self.read(nbytes, buffer)
        return super().recv_into(buffer, nbytes, flags)

    def recvfrom(self, buflen=1024, flags=0):
        if self._sslobj is not None:
            raise ValueError("recvfrom not allowed on instances of %s" % self.__class__)
        return super().recvfrom(buflen, flags)

    def recvfrom_into(self, buffer, nbytes=None, flags=0):
        if self._sslobj is not None:
            raise ValueError("recvfrom_into not allowed on instances of %s" % self.__class__)
        return super().recvfrom_into(buffer, nbytes or 0, flags)

    def shutdown(self, how):
        self._sslobj = None
        super().shutdown(how)

    def unwrap(self):
        """Ends TLS (close_notify both ways) and returns the plain socket."""
        if self._sslobj is None:
            raise ValueError("No SSL wrapper around " + str(self))
        sslobj = self._sslobj
        self._sslobj = None
        return sslobj.shutdown()

    def _real_close(self):
        self._sslobj = None
        super()._real_close()

    def do_handshake(self, block=False):
        self._check_connected()
        timeout = self.gettimeout()
        try:
            if timeout == 0.0 and block:
                self.settimeout(None)
            self._sslobj.do_handshake()
        finally:
            self.settimeout(timeout)

    def _real_connect(self, addr, connect_ex):
        if self.server_side:
            raise ValueError("can't connect in server-side mode")
        if self._connected or self._sslobj is not None:
            raise ValueError("attempt to connect already-connected SSLSocket!")
        self._sslobj = self._context._wrap_socket(self, False, self.server_hostname)
        try:
            if connect_ex:
                rc = super().connect_ex(addr)
            else:
                rc = None
                super().connect(addr)
            if not rc:
                self._connected = True
                if self.do_handshake_on_connect:
                    self.do_handshake()
            return rc
        except (OSError, ValueError):
            self._sslobj = None
            raise

    def connect(self, addr):
        self._real_connect(addr, False)

    def connect_ex(self, addr):
        return self._real_connect(addr, True)

    def accept(self):
        newsock, addr = super().accept()
        newsock = self._context.wrap_socket(
            newsock, do_handshake_on_connect=self.do_handshake_on_connect,
            suppress_ragged_eofs=self.suppress_ragged_eofs, server_side=True)
        return newsock, addr

    def dup(self):
        raise NotImplementedError("Can't dup() %s instances" % self.__class__.__name__)


SSLContext.sslsocket_class = SSLSocket


def get_server_certificate(addr, ssl_version=PROTOCOL_TLS_CLIENT, ca_certs=None, timeout=_socket_module._GLOBAL_DEFAULT_TIMEOUT):
    """The server's certificate as PEM text (not verified unless ca_certs)."""
    host, port = addr
    if ca_certs is not None:
        context = create_default_context(cafile=ca_certs)
        context.check_hostname = False
    else:
        context = SSLContext(ssl_version)
        context.check_hostname = False
        context.verify_mode = CERT_NONE
    with create_connection(addr, timeout=timeout) as sock:
        with context.wrap_socket(sock, server_hostname=host) as sslsock:
            der = sslsock.getpeercert(True)
    return DER_cert_to_PEM_cert(der)


PEM_HEADER = "-----BEGIN CERTIFICATE-----"
PEM_FOOTER = "-----END CERTIFICATE-----"


def DER_cert_to_PEM_cert(der_cert_bytes):
    import base64
    text = base64.standard_b64encode(der_cert_bytes).decode('ASCII')
    lines = [text[i:i + 64] for i in range(0, len(text), 64)]
    return PEM_HEADER + "\n" + "\n".join(lines) + "\n" + PEM_FOOTER + "\n"


def PEM_cert_to_DER_cert(pem_cert_string):
    import base64
    if not pem_cert_string.startswith(PEM_HEADER):
        raise ValueError("Invalid PEM encoding; must start with %s" % PEM_HEADER)
    if not pem_cert_string.strip().endswith(PEM_FOOTER):
        raise ValueError("Invalid PEM encoding; must end with %s" % PEM_FOOTER)
    body = pem_cert_string.strip()[len(PEM_HEADER):-len(PEM_FOOTER)]
    return base64.decodebytes(body.encode('ASCII', 'strict'))
