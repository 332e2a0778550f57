"""The piece of _codecs that pickles of bytes below protocol 3 call:
encode(obj, encoding, errors)."""


def encode(obj, encoding="utf-8", errors="strict"):
    return obj.encode(encoding, errors)


def decode(obj, encoding="utf-8", errors="strict"):
    return obj.decode(encoding, errors)
