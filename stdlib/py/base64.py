"""Base16, Base32, Base64, Base85 and Ascii85 encodings (CPython 3.11's base64).

Base64 and Base16 run on the native binascii module; Base32 and the
85-character encodings are written here.
"""
import binascii
import re

__all__ = ["encode", "decode", "encodebytes", "decodebytes", "b64encode", "b64decode",
           "b32encode", "b32decode", "b32hexencode", "b32hexdecode", "b16encode", "b16decode",
           "b85encode", "b85decode", "a85encode", "a85decode", "standard_b64encode",
           "standard_b64decode", "urlsafe_b64encode", "urlsafe_b64decode"]

bytes_types = (bytes, bytearray)


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters")
    if isinstance(s, bytes_types):
        return bytes(s)
    try:
        return memoryview(s).tobytes()
    except TypeError:
        raise TypeError("argument should be a bytes-like object or ASCII "
                        "string, not %r" % s.__class__.__name__) from None


# ---------------------------------------------------------------- Base64

def b64encode(s, altchars=None):
    """Base64 of bytes-like s; altchars (2 bytes) replace + and /."""
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return encoded.translate(bytes.maketrans(b"+/", altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    """Decode Base64 s. Characters outside the alphabet are skipped unless
    validate is true, which raises binascii.Error for them (strict mode)."""
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = s.translate(bytes.maketrans(altchars, b"+/"))
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


_urlsafe_encode_translation = bytes.maketrans(b"+/", b"-_")
_urlsafe_decode_translation = bytes.maketrans(b"-_", b"+/")


def urlsafe_b64encode(s):
    return b64encode(s).translate(_urlsafe_encode_translation)


def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s)
    s = s.translate(_urlsafe_decode_translation)
    return b64decode(s)


# ---------------------------------------------------------------- Base32

_B32ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_B32HEXALPHABET = b"0123456789ABCDEFGHIJKLMNOPQRSTUV"


def _b32encode(alphabet, s):
    if not isinstance(s, bytes_types):
        s = memoryview(s).tobytes()
    leftover = len(s) % 5
    if leftover:
        s = s + b"\0" * (5 - leftover)
    out = bytearray()
    for i in range(0, len(s), 5):
        word = int.from_bytes(s[i:i + 5], "big")
        for shift in range(35, -1, -5):
            out.append(alphabet[(word >> shift) & 31])
    # Characters that encode only padding bytes become "=".
    keep = {0: 8, 1: 2, 2: 4, 3: 5, 4: 7}[leftover]
    if leftover:
        out[-(8 - keep):] = b"=" * (8 - keep)
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error("Incorrect padding")
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = s.translate(bytes.maketrans(b"01", b"O" + map01))
    if casefold:
        s = s.upper()
    length = len(s)
    s = s.rstrip(b"=")
    padchars = length - len(s)
    values = {c: i for i, c in enumerate(alphabet)}
    decoded = bytearray()
    for i in range(0, len(s), 8):
        quantum = s[i:i + 8]
        acc = 0
        try:
            for c in quantum:
                acc = (acc << 5) + values[c]
        except KeyError:
            raise binascii.Error("Non-base32 digit found") from None
        acc <<= 5 * (8 - len(quantum))
        decoded += acc.to_bytes(5, "big")
    if length % 8 or padchars not in {0, 1, 3, 4, 6}:
        raise binascii.Error("Incorrect padding")
    if padchars and decoded:
        keep = (43 - 5 * padchars) // 8
        del decoded[-5 + keep:]
    return bytes(decoded)


def b32encode(s):
    return _b32encode(_B32ALPHABET, s)


def b32decode(s, casefold=False, map01=None):
    return _b32decode(_B32ALPHABET, s, casefold, map01)


def b32hexencode(s):
    return _b32encode(_B32HEXALPHABET, s)


def b32hexdecode(s, casefold=False):
    return _b32decode(_B32HEXALPHABET, s, casefold)


# ---------------------------------------------------------------- Base16

def b16encode(s):
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    if re.search(b"[^0-9A-F]", s):
        raise binascii.Error("Non-base16 digit found")
    return binascii.unhexlify(s)


# ---------------------------------------------------------------- Ascii85 and Base85

_A85START = b"<~"
_A85END = b"~>"
_B85ALPHABET = (b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                b"abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~")


def _85encode(b, chars, pad=False, foldnuls=False, foldspaces=False):
    if not isinstance(b, bytes_types):
        b = memoryview(b).tobytes()
    padding = (-len(b)) % 4
    if padding:
        b = b + b"\0" * padding
    chunks = []
    for i in range(0, len(b), 4):
        word = int.from_bytes(b[i:i + 4], "big")
        if foldnuls and not word:
            chunks.append(b"z")
        elif foldspaces and word == 0x20202020:
            chunks.append(b"y")
        else:
            digits = bytearray(5)
            for k in range(4, -1, -1):
                word, digit = divmod(word, 85)
                digits[k] = chars[digit]
            chunks.append(bytes(digits))
    if padding and not pad:
        if chunks[-1] == b"z":
            chunks[-1] = bytes([chars[0]]) * 5
        chunks[-1] = chunks[-1][:-padding]
    return b"".join(chunks)


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """Ascii85 of bytes-like b ("z" for zero words, "y" for spaces with foldspaces)."""
    result = _85encode(b, bytes(range(33, 118)), pad, True, foldspaces)
    if adobe:
        result = _A85START + result
    if wrapcol:
        wrapcol = max(2 if adobe else 1, wrapcol)
        chunks = [result[i: i + wrapcol] for i in range(0, len(result), wrapcol)]
        if adobe:
            if len(chunks[-1]) + 2 > wrapcol:
                chunks.append(b"")
        result = b"\n".join(chunks)
    if adobe:
        result += _A85END
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b" \t\n\r\v"):
    """Decode Ascii85 b."""
    b = _bytes_from_decode_data(b)
    if adobe:
        if not b.endswith(_A85END):
            raise ValueError("Ascii85 encoded byte sequences must end with {!r}".format(_A85END))
        if b.startswith(_A85START):
            b = b[2:-2]
        else:
            b = b[:-2]
    decoded = []
    curr = []
    for x in b + b"u" * 4:
        if 33 <= x <= 117:
            curr.append(x)
            if len(curr) == 5:
                acc = 0
                for x in curr:
                    acc = 85 * acc + (x - 33)
                try:
                    decoded.append(acc.to_bytes(4, "big"))
                except OverflowError:
                    raise ValueError("Ascii85 overflow") from None
                curr = []
        elif x == 122:  # z
            if curr:
                raise ValueError("z inside Ascii85 5-tuple")
            decoded.append(b"\0\0\0\0")
        elif foldspaces and x == 121:  # y
            if curr:
                raise ValueError("y inside Ascii85 5-tuple")
            decoded.append(b"\x20\x20\x20\x20")
        elif x in ignorechars:
            continue
        else:
            raise ValueError("Non-Ascii85 digit found: %c" % x)
    result = b"".join(decoded)
    padding = 4 - len(curr)
    if padding:
        result = result[:-padding]
    return result


def b85encode(b, pad=False):
    """Base85 (as in git's binary diffs) of bytes-like b."""
    return _85encode(b, _B85ALPHABET, pad)


def b85decode(b):
    """Decode Base85 b."""
    b = _bytes_from_decode_data(b)
    values = {c: i for i, c in enumerate(_B85ALPHABET)}
    padding = (-len(b)) % 5
    b = b + b"~" * padding
    out = []
    for i in range(0, len(b), 5):
        chunk = b[i:i + 5]
        acc = 0
        for j, c in enumerate(chunk):
            if c not in values:
                raise ValueError("bad base85 character at position %d" % (i + j)) from None
            acc = acc * 85 + values[c]
        try:
            out.append(acc.to_bytes(4, "big"))
        except OverflowError:
            raise ValueError("base85 overflow in hunk starting at byte %d" % i) from None
    result = b"".join(out)
    if padding:
        result = result[:-padding]
    return result


# ---------------------------------------------------------------- MIME-style lines

MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def _input_type_check(s):
    try:
        m = memoryview(s)
    except TypeError as err:
        raise TypeError("expected bytes-like object, not %s" % s.__class__.__name__) from err


def encodebytes(s):
    """Base64 in lines of at most 76 characters, each ending in a newline."""
    _input_type_check(s)
    pieces = []
    for i in range(0, len(s), MAXBINSIZE):
        chunk = s[i: i + MAXBINSIZE]
        pieces.append(binascii.b2a_base64(chunk))
    return b"".join(pieces)


def decodebytes(s):
    """Decode what encodebytes made."""
    _input_type_check(s)
    return binascii.a2b_base64(s)


def encode(input, output):
    """Base64 from binary file input to binary file output, in lines."""
    while True:
        s = input.read(MAXBINSIZE)
        if not s:
            break
        while len(s) < MAXBINSIZE:
            ns = input.read(MAXBINSIZE - len(s))
            if not ns:
                break
            s += ns
        output.write(binascii.b2a_base64(s))


def decode(input, output):
    """Decode Base64 lines from binary file input to binary file output."""
    while True:
        line = input.readline()
        if not line:
            break
        output.write(binascii.a2b_base64(line))
