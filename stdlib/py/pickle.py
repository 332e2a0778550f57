"""Serializing Python objects to bytes and back (CPython's pickle API).

The encoder and decoder are native (the _pickle module, stdlib/pickle/);
this module holds the public classes. Pickler and Unpickler are Python
classes so that subclasses can override persistent_id, reducer_override,
dispatch_table, find_class and persistent_load: each dump() or load()
hands the hooks it finds on the instance to the native core."""

import _pickle
import copyreg
from copyreg import dispatch_table
from _pickle import (PickleError, PicklingError, UnpicklingError, PicklerMemoProxy,
                     dump, dumps, load, loads)

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler", "Unpickler",
           "dump", "dumps", "load", "loads", "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4
format_version = "4.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]


class Pickler:
    """Pickler(file, protocol=None, *, fix_imports=True, buffer_callback=None):
    writes pickles to a file; dump() may be called several times, and
    objects already written are referenced through the memo."""

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        self._protocol = _pickle._check_protocol(protocol)
        try:
            self._write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute") from None
        self.fix_imports = fix_imports
        self.bin = self._protocol >= 1
        self.fast = 0
        self._memo = PicklerMemoProxy()

    @property
    def memo(self):
        return self._memo

    @memo.setter
    def memo(self, value):
        if isinstance(value, PicklerMemoProxy):
            self._memo = value
        elif isinstance(value, dict):
            # Only an empty memo can be rebuilt here: its objects' identities
            # are what the native memo indexes.
            if value:
                raise ValueError("memo must be a PicklerMemoProxy or an empty dict")
            self._memo = PicklerMemoProxy()
        else:
            raise TypeError("'memo' attribute must be a PicklerMemoProxy object or dict, not "
                            + type(value).__name__)

    def clear_memo(self):
        self._memo.clear()

    def dump(self, obj):
        """Writes the pickle of obj to the file."""
        if not hasattr(self, "_memo"):
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()" % type(self).__name__)
        self._write(_pickle._encode(obj, self._protocol, self.fix_imports, self._memo,
                                    getattr(self, "persistent_id", None),
                                    getattr(self, "reducer_override", None),
                                    getattr(self, "dispatch_table", None)))


class Unpickler:
    """Unpickler(file, *, fix_imports=True, encoding='ASCII', errors='strict',
    buffers=()): reads pickles from a file, one per load()."""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
        if not (hasattr(file, "read") and hasattr(file, "readline")):
            raise TypeError("file must have 'read' and 'readline' attributes")
        self._file = file
        self.fix_imports = fix_imports
        self.encoding = encoding
        self.errors = errors
        self._buffers = buffers
        self.proto = 0
        self.memo = {}

    def load(self):
        """Reads one pickle from the file and returns its object."""
        if not hasattr(self, "_file"):
            raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()" % type(self).__name__)
        self.proto = 0
        find_class = None if type(self).find_class is Unpickler.find_class else self.find_class
        return _pickle._decode(self._file, self.fix_imports, self.encoding, self.errors, find_class,
                               getattr(self, "persistent_load", None), self._buffers, self,
                               self.memo)

    def find_class(self, module, name):
        """The object `name` of module `module` (imported if needed)."""
        return _pickle._find_class(module, name, self.proto, self.fix_imports)


# CPython also exposes its pure-Python classes under these names.
_Pickler = Pickler
_Unpickler = Unpickler
_dump = dump
_dumps = dumps
_load = load
_loads = loads
