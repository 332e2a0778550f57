"""Value and Array in shared memory (CPython's sharedctypes, without ctypes).

The items live in MAP_SHARED memory, so processes forked after creation
see each other's writes: an Array in a _multiprocessing.SharedBlock, a
Value in a _multiprocessing.SharedValue (native `value`), which for a fork
context is a 64-byte shared slot. Under a spawn or forkserver context the
memory is a memfd, and the objects can be pickled while such a child is
being started (as Process arguments): the child receives the descriptor
and maps the same memory.
Typecodes are array's and ctypes' one-letter codes: b B h H i I l L q Q f
d, plus 'c' (a bytes of length 1) and 'u' (a one-character str). Value()
and Array() wrap the raw object with a lock (a multiprocessing RLock by
default, get_lock()); lock=False gives the raw object."""
import _multiprocessing

__all__ = ["RawValue", "RawArray", "Value", "Array", "copy", "synchronized"]

_SIZES = {"b": 1, "B": 1, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8, "L": 8, "q": 8, "Q": 8,
          "f": 4, "d": 8, "c": 1, "u": 4}
# The storage code of the two codes array has not.
_STORAGE = {"c": "B", "u": "I"}
_CTYPE_NAMES = {"b": "c_byte", "B": "c_ubyte", "h": "c_short", "H": "c_ushort", "i": "c_int",
                "I": "c_uint", "l": "c_long", "L": "c_ulong", "q": "c_longlong", "Q": "c_ulonglong",
                "f": "c_float", "d": "c_double", "c": "c_char", "u": "c_wchar"}


def _check_typecode(typecode):
    if not isinstance(typecode, str):
        raise TypeError("gilvm's sharedctypes take a typecode string, not %s" % type(typecode).__name__)
    if typecode not in _SIZES:
        raise KeyError(typecode)
    return typecode


def _encode(typecode, value):
    if typecode == "c":
        if not isinstance(value, (bytes, bytearray)) or len(value) != 1:
            raise TypeError("one character bytes, bytearray or integer expected")
        return value[0]
    if typecode == "u":
        if not isinstance(value, str) or len(value) != 1:
            raise TypeError("unicode string expected instead of %s instance" % type(value).__name__)
        return ord(value)
    return value


def _decode(typecode, raw):
    if typecode == "c":
        return bytes([raw])
    if typecode == "u":
        return chr(raw)
    return raw


class _RawValue(_multiprocessing.SharedValue):
    """One shared item; .value reads and writes it. The item and `value`
    are native (_multiprocessing.SharedValue), which also checks the
    typecode and converts 'c' and 'u' items."""

    def __new__(cls, typecode, value=None, *, ctx=None):
        # The memory is chosen here, once: a shared slot for a fork
        # context, a memfd page (passable to a spawn child) otherwise.
        return super().__new__(cls, typecode, shareable=_for_spawning(ctx))

    def __init__(self, typecode, value=None, *, ctx=None):
        self._typecode = typecode
        if value is not None:
            self.value = value

    def __reduce__(self):
        _check_spawning("%s objects should only be shared between processes through inheritance"
                        % _CTYPE_NAMES[self._typecode])
        return _rebuild_value, (self._typecode, _block_state(self))

    def __repr__(self):
        return "%s(%r)" % (_CTYPE_NAMES[self._typecode], self.value)


class _RawArray:
    """A fixed-length shared sequence of items."""

    def __init__(self, typecode, length, *, ctx=None):
        self._typecode = _check_typecode(typecode)
        self._length = length
        self._block = _multiprocessing.SharedBlock(_SIZES[typecode] * length, _for_spawning(ctx))
        self._code = _STORAGE.get(typecode, typecode)

    def __len__(self):
        return self._length

    def _index(self, i):
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError("invalid index")
        return i

    def __getitem__(self, index):
        if isinstance(index, slice):
            code, t, load = self._code, self._typecode, self._block.load
            items = [_decode(t, load(code, 0, i)) for i in range(*index.indices(self._length))]
            if t == "c":
                return b"".join(items)
            if t == "u":
                return "".join(items)
            return items
        return _decode(self._typecode, self._block.load(self._code, 0, self._index(index.__index__())))

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            positions = range(*index.indices(self._length))
            if self._typecode == "c":
                value = [bytes([b]) if isinstance(b, int) else b for b in value]
            values = list(value)
            if len(values) != len(positions):
                raise ValueError("Can only assign sequence of same size")
            for i, v in zip(positions, values):
                self._block.store(self._code, 0, i, _encode(self._typecode, v))
            return
        self._block.store(self._code, 0, self._index(index.__index__()), _encode(self._typecode, value))

    def __iter__(self):
        for i in range(self._length):
            yield self[i]

    # ctypes' char and wchar arrays read as a string up to the first NUL.
    @property
    def value(self):
        if self._typecode not in "cu":
            raise AttributeError("'%s_Array_%d' object has no attribute 'value'"
                                 % (_CTYPE_NAMES[self._typecode], self._length))
        data = self[:]
        end = data.find(b"\0" if self._typecode == "c" else "\0")
        return data if end < 0 else data[:end]

    @value.setter
    def value(self, value):
        if len(value) > self._length:
            raise ValueError("byte string too long" if self._typecode == "c" else "string too long")
        if len(value) < self._length:
            value = value + (b"\0" if self._typecode == "c" else "\0")
        self[:len(value)] = value

    @property
    def raw(self):
        if self._typecode != "c":
            raise AttributeError("raw")
        return self[:]

    def __reduce__(self):
        _check_spawning("%s_Array_%d objects should only be shared between processes through inheritance"
                        % (_CTYPE_NAMES[self._typecode], self._length))
        return _rebuild_array, (self._typecode, self._length, _block_state(self._block))

    def __repr__(self):
        return "<%s_Array_%d object at %#x>" % (_CTYPE_NAMES[self._typecode], self._length, id(self))


def _for_spawning(ctx):
    from multiprocessing.synchronize import _for_spawning
    return _for_spawning(ctx)


def _check_spawning(message):
    from multiprocessing.context import get_spawning_popen
    if get_spawning_popen() is None:
        raise RuntimeError(message)


def _block_state(block):
    # The block's descriptor goes to the spawn child being started.
    from multiprocessing.context import get_spawning_popen
    if block.handle < 0:
        raise RuntimeError("shared memory created in a fork context cannot be passed to a spawn "
                           "child in gilvm; create it with the same context as the Process")
    popen = get_spawning_popen()
    return popen.DupFd(popen.duplicate_for_child(block.handle)), block.size


def _rebuild_block(state):
    df, size = state
    return _multiprocessing._rebuild_block(df.detach(), size)


def _rebuild_value(typecode, block_state):
    df, size = block_state
    obj = _multiprocessing._rebuild_value(_RawValue, typecode, df.detach())
    obj._typecode = typecode
    return obj


def _rebuild_array(typecode, length, block_state):
    obj = _RawArray.__new__(_RawArray)
    obj._typecode = typecode
    obj._length = length
    obj._block = _rebuild_block(block_state)
    obj._code = _STORAGE.get(typecode, typecode)
    return obj


def RawValue(typecode_or_type, *args):
    """A shared item without a lock."""
    return _RawValue(typecode_or_type, *args)


def RawArray(typecode_or_type, size_or_initializer):
    """A shared array without a lock; size_or_initializer is a length or
    the initial items."""
    return _make_array(typecode_or_type, size_or_initializer, None)


def _make_array(typecode_or_type, size_or_initializer, ctx):
    if isinstance(size_or_initializer, int):
        return _RawArray(typecode_or_type, size_or_initializer, ctx=ctx)
    items = list(size_or_initializer)
    result = _RawArray(typecode_or_type, len(items), ctx=ctx)
    result[:] = items
    return result


def _make_lock(lock, ctx):
    if lock in (True, None):
        from multiprocessing.synchronize import RLock
        return RLock(ctx=ctx)
    if not hasattr(lock, "acquire"):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return lock


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """A shared item; with a lock (the default) a Synchronized wrapper."""
    obj = _RawValue(typecode_or_type, *args, ctx=ctx)
    if lock is False:
        return obj
    return Synchronized(obj, _make_lock(lock, ctx))


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """A shared array; with a lock (the default) a SynchronizedArray wrapper."""
    obj = _make_array(typecode_or_type, size_or_initializer, ctx)
    if lock is False:
        return obj
    wrapper = SynchronizedString if typecode_or_type == "c" else SynchronizedArray
    return wrapper(obj, _make_lock(lock, ctx))


def copy(obj):
    if isinstance(obj, _RawValue):
        return RawValue(obj._typecode, obj.value)
    return RawArray(obj._typecode, obj[:])


def synchronized(obj, lock=None, ctx=None):
    if isinstance(obj, _RawValue):
        return Synchronized(obj, _make_lock(lock, ctx))
    if obj._typecode == "c":
        return SynchronizedString(obj, _make_lock(lock, ctx))
    return SynchronizedArray(obj, _make_lock(lock, ctx))


class _AcquireRelease:
    # `with` over a wrapper's acquire()/release(), which CPython's value and
    # raw properties call (not the lock's __enter__/__exit__).
    def __init__(self, wrapper):
        self._wrapper = wrapper

    def __enter__(self):
        self._wrapper.acquire()

    def __exit__(self, *args):
        self._wrapper.release()


def _guard_of(wrapper, lock):
    # What the value and raw properties enter: for multiprocessing's own
    # Lock and RLock, whose acquire/release are their SemLock's, the native
    # SemLock itself (two Python calls fewer per access); otherwise the
    # wrapper's acquire()/release().
    from multiprocessing import synchronize
    if type(lock) in (synchronize.Lock, synchronize.RLock):
        return lock._semlock
    return _AcquireRelease(wrapper)


class SynchronizedBase:
    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        self._lock = lock if lock is not None else _make_lock(True, ctx)
        self._guard = _guard_of(self, self._lock)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        _check_spawning("%s objects should only be shared between processes through inheritance"
                        % type(self).__name__)
        return synchronized, (self._obj, self._lock)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return "<%s wrapper for %s>" % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):
    @property
    def value(self):
        with self._guard:
            return self._obj.value

    @value.setter
    def value(self, value):
        with self._guard:
            self._obj.value = value


class SynchronizedArray(SynchronizedBase):
    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self._lock:
            self._obj[i] = value

    def __getslice__(self, start, stop):
        with self._lock:
            return self._obj[start:stop]

    def __setslice__(self, start, stop, values):
        with self._lock:
            self._obj[start:stop] = values


class SynchronizedString(SynchronizedArray):
    @property
    def value(self):
        with self._guard:
            return self._obj.value

    @value.setter
    def value(self, value):
        with self._guard:
            self._obj.value = value

    @property
    def raw(self):
        with self._guard:
            return self._obj.raw
