# TLS over 127.0.0.1 with a self-signed certificate made for the run: a threaded
# echo server wrapped by a server context, clients that verify it by
# hostname and by IP address, makefile over TLS, getpeercert, unwrap,
# verification failures and a handshake timeout.
import os
import socket
import ssl
import sys
import threading

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lib_modules'))
import test_certificate

CERT, KEY = test_certificate.make_self_signed()

server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(CERT, KEY)
print(repr(server_ctx.protocol), repr(server_ctx.verify_mode), server_ctx.check_hostname)

listener = socket.create_server(('127.0.0.1', 0))
port = listener.getsockname()[1]
tls_listener = server_ctx.wrap_socket(listener, server_side=True)
print(type(tls_listener).__name__, isinstance(tls_listener, socket.socket))
server_errors = []


def handle(conn):
    with conn:
        try:
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                if data == b'unwrap\n':
                    conn.sendall(b'ok\n')
                    plain = conn.unwrap()
                    plain.sendall(b'plain: ' + plain.recv(100))
                    plain.close()
                    return
                conn.sendall(data.upper())
        except (ssl.SSLError, OSError) as e:
            server_errors.append(type(e).__name__)


def serve(count):
    threads = []
    for _ in range(count):
        try:
            conn, _ = tls_listener.accept()
        except (ssl.SSLError, OSError) as e:
            server_errors.append(type(e).__name__)
            continue
        t = threading.Thread(target=handle, args=(conn,))
        t.start()
        threads.append(t)
    for t in threads:
        t.join()


server = threading.Thread(target=serve, args=(6,))
server.start()

client_ctx = ssl.create_default_context(cafile=CERT)
print(repr(client_ctx.verify_mode), client_ctx.check_hostname, repr(client_ctx.protocol))

# 1. Verified by host name.
with socket.create_connection(('127.0.0.1', port)) as raw:
    with client_ctx.wrap_socket(raw, server_hostname='localhost') as s:
        print(s.version(), s.server_hostname, s.server_side, s.cipher() is not None)
        cert = s.getpeercert()
        print(cert['subject'], cert['issuer'] == cert['subject'])
        print(cert['subjectAltName'], cert['version'], cert['notAfter'].endswith(' GMT'))
        print(len(s.getpeercert(binary_form=True)) > 100)
        s.sendall(b'hello tls')
        print(s.recv(1024))
        f = s.makefile('rwb')
        f.write(b'line one\nline two\n')
        f.flush()
        print(f.readline(), f.readline())
        f.close()

# 2. Verified by IP address; unwrap back to plain TCP.
with socket.create_connection(('127.0.0.1', port)) as raw:
    s = client_ctx.wrap_socket(raw, server_hostname='127.0.0.1')
    s.sendall(b'unwrap\n')
    print(s.recv(100))
    plain = s.unwrap()
    print(type(plain).__name__)
    plain.sendall(b'after tls')
    print(plain.recv(100))
    plain.close()

# 3. A host name the certificate does not name.
with socket.create_connection(('127.0.0.1', port)) as raw:
    try:
        client_ctx.wrap_socket(raw, server_hostname='wrong.example')
    except ssl.SSLCertVerificationError as e:
        print(type(e).__name__, e.verify_code, e.verify_message, e.reason, e.library)
        print(isinstance(e, ValueError), isinstance(e, OSError), ssl.CertificateError is ssl.SSLCertVerificationError)

# 4. No CA: the self-signed certificate is refused.
strict = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
with socket.create_connection(('127.0.0.1', port)) as raw:
    try:
        strict.wrap_socket(raw, server_hostname='localhost')
    except ssl.SSLError as e:
        print(type(e).__name__, e.verify_code, e.verify_message)

# 5. Verification off.
lax = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
lax.check_hostname = False
lax.verify_mode = ssl.CERT_NONE
with socket.create_connection(('127.0.0.1', port)) as raw:
    with lax.wrap_socket(raw) as s:
        print('unverified', s.getpeercert(), s.recv(0) if False else s.version())

# 6. The server's certificate fetched, and PEM/DER conversions.
pem = ssl.get_server_certificate(('127.0.0.1', port), ca_certs=CERT)
with open(CERT) as f:
    print('same certificate:', ssl.PEM_cert_to_DER_cert(pem) == ssl.PEM_cert_to_DER_cert(f.read()))
der = ssl.PEM_cert_to_DER_cert(pem)
print(ssl.DER_cert_to_PEM_cert(der) == pem, pem.splitlines()[0], pem.splitlines()[-1],
      max(len(line) for line in pem.splitlines()))
for bad_pem in ['garbage', ssl.PEM_HEADER + '\nAAAA\n']:
    try:
        ssl.PEM_cert_to_DER_cert(bad_pem)
    except ValueError as e:
        print('ValueError', e)

server.join()
tls_listener.close()
print('server saw the refused handshakes fail:', len(server_errors) > 0)

# Errors without a connection.
for bad in [lambda: strict.wrap_socket(socket.socket()),
            lambda: setattr(client_ctx, 'verify_mode', ssl.CERT_NONE),
            lambda: ssl.SSLContext(99),
            lambda: server_ctx.load_cert_chain('/nonexistent.pem'),
            lambda: client_ctx.load_verify_locations()]:
    try:
        bad()
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)

# A handshake that never gets an answer times out.
silent = socket.create_server(('127.0.0.1', 0))
raw = socket.create_connection(silent.getsockname(), timeout=0.05)
try:
    client_ctx.wrap_socket(raw, server_hostname='localhost')
except TimeoutError as e:
    print('TimeoutError', type(e).__name__)
raw.close()
silent.close()
test_certificate.remove(CERT, KEY)
