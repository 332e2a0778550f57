"""The io module: the in-memory streams StringIO and BytesIO and
UnsupportedOperation come from the built-in _io module (stdlib/io_module.cpp);
io.open is the built-in open."""

import builtins as _builtins
from _io import StringIO, BytesIO, UnsupportedOperation

open = _builtins.open
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
