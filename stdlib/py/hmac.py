"""HMAC (keyed hashing for message authentication, RFC 2104) over any
hashlib digest, with CPython 3.11's names and messages."""

import _hashlib
import hashlib as _hashlib_module
import warnings as _warnings
from _hashlib import compare_digest

trans_5C = bytes((x ^ 0x5C) for x in range(256))
trans_36 = bytes((x ^ 0x36) for x in range(256))

# The size of the digests this module's functions make; None: it varies.
digest_size = None


def _constructor(digestmod):
    if callable(digestmod):
        return digestmod
    if isinstance(digestmod, str):
        return lambda data=b'': _hashlib_module.new(digestmod, data)
    return lambda data=b'': digestmod.new(data)


class HMAC:
    """An HMAC object, as made by hmac.new()."""

    blocksize = 64  # kept for old code that reads it

    __slots__ = ("_inner", "_outer", "_digest_size", "block_size")

    def __init__(self, key, msg=None, digestmod=''):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("key: expected bytes or bytearray, but got %r" % type(key).__name__)
        if not digestmod:
            raise TypeError("Missing required parameter 'digestmod'.")
        make = _constructor(digestmod)
        self._inner = make()
        self._outer = make()
        self._digest_size = self._inner.digest_size
        block_size = getattr(self._inner, 'block_size', None)
        if block_size is None:
            _warnings.warn('No block_size attribute on given digest object; Assuming %d.' % self.blocksize,
                           RuntimeWarning, 2)
            block_size = self.blocksize
        elif block_size < 16:
            _warnings.warn('block_size of %d seems too small; using our default of %d.' % (block_size, self.blocksize),
                           RuntimeWarning, 2)
            block_size = self.blocksize
        self.block_size = block_size
        if len(key) > block_size:
            key = make(key).digest()
        key = bytes(key) + bytes(block_size - len(key))
        self._outer.update(key.translate(trans_5C))
        self._inner.update(key.translate(trans_36))
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return "hmac-" + self._inner.name

    @property
    def digest_size(self):
        return self._digest_size

    def update(self, msg):
        """Feed data from msg into this hashing object."""
        self._inner.update(msg)

    def copy(self):
        """Return a separate copy of this hashing object."""
        other = self.__class__.__new__(self.__class__)
        other._inner = self._inner.copy()
        other._outer = self._outer.copy()
        other._digest_size = self._digest_size
        other.block_size = self.block_size
        return other

    def _current(self):
        outer = self._outer.copy()
        outer.update(self._inner.digest())
        return outer

    def digest(self):
        """Return the hash value of this hashing object, as bytes."""
        return self._current().digest()

    def hexdigest(self):
        """Like digest(), but as a string of hexadecimal digits."""
        return self._current().hexdigest()


def new(key, msg=None, digestmod=''):
    """Create a new hashing object and return it."""
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    """The HMAC of msg under key, in one call."""
    make = _constructor(digest)
    inner = make()
    outer = make()
    block_size = getattr(inner, 'block_size', 64)
    if len(key) > block_size:
        key = make(key).digest()
    key = bytes(key) + bytes(block_size - len(key))
    inner.update(key.translate(trans_36))
    outer.update(key.translate(trans_5C))
    inner.update(msg)
    outer.update(inner.digest())
    return outer.digest()
