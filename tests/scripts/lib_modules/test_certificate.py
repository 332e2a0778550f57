# A fresh self-signed certificate for the TLS tests (ssl_echo, urllib_https),
# made by the openssl command-line tool (Debian's `openssl`, installed by the
# README's commands): CN=localhost, subjectAltName DNS:localhost and
# IP:127.0.0.1, a P-256 key, valid for a day. Nothing secret is committed and
# nothing expires in the repository.
import os
import subprocess
import tempfile


def make_self_signed():
    """Returns (cert_path, key_path) in a new temporary directory."""
    directory = tempfile.mkdtemp(prefix="gilvm-tls-")
    cert = os.path.join(directory, "cert.pem")
    key = os.path.join(directory, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", key, "-out", cert, "-days", "1",
         "-subj", "/CN=localhost/O=gilvm tests",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return cert, key


def remove(cert, key):
    os.unlink(cert)
    os.unlink(key)
    os.rmdir(os.path.dirname(cert))
