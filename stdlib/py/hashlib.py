"""Secure hashes and message digests: the OpenSSL algorithms of _hashlib
and the BLAKE2 pair of _blake2 under one set of names, as CPython 3.11's
hashlib presents them."""

import _hashlib
from _blake2 import blake2b, blake2s

algorithms_guaranteed = set((
    'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b', 'blake2s',
    'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256'))
algorithms_available = set(_hashlib.openssl_md_meth_names) | {'blake2b', 'blake2s'}

__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b', 'blake2s',
           'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256',
           'new', 'algorithms_guaranteed', 'algorithms_available', 'pbkdf2_hmac', 'file_digest')

md5 = _hashlib.openssl_md5
sha1 = _hashlib.openssl_sha1
sha224 = _hashlib.openssl_sha224
sha256 = _hashlib.openssl_sha256
sha384 = _hashlib.openssl_sha384
sha512 = _hashlib.openssl_sha512
sha3_224 = _hashlib.openssl_sha3_224
sha3_256 = _hashlib.openssl_sha3_256
sha3_384 = _hashlib.openssl_sha3_384
sha3_512 = _hashlib.openssl_sha3_512
shake_128 = _hashlib.openssl_shake_128
shake_256 = _hashlib.openssl_shake_256
pbkdf2_hmac = _hashlib.pbkdf2_hmac
scrypt = _hashlib.scrypt

_BLAKE2 = {'blake2b': blake2b, 'blake2s': blake2s}


def new(name, data=b'', **kwargs):
    """new(name, data=b'') - Return a new hashing object using the named
    algorithm, optionally initialized with data (a bytes-like object)."""
    maker = _BLAKE2.get(name)
    if maker is not None:
        return maker(data, **kwargs)
    try:
        return _hashlib.new(name, data, **kwargs)
    except ValueError:
        raise ValueError('unsupported hash type ' + name) from None


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """Hash the contents of a binary file object opened for reading with
    the named digest (or a callable returning a hash object)."""
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()
    if hasattr(fileobj, 'getbuffer'):
        digestobj.update(fileobj.getbuffer())
        return digestobj
    if not (hasattr(fileobj, 'readinto') and hasattr(fileobj, 'readable') and fileobj.readable()):
        raise ValueError(f"'{fileobj!r}' is not a file-like object in binary reading mode.")
    while True:
        chunk = fileobj.read(_bufsize)
        if not chunk:
            break
        digestobj.update(chunk)
    return digestobj
