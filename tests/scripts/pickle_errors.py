# What cannot be pickled, and corrupt or truncated pickles: CPython's
# exception types and messages (addresses cut out of reprs).
import pickle
import threading


def outer():
    def inner():
        pass
    return inner


class Slots:
    __slots__ = ("a",)


class NotFound:
    pass


NotFound.__qualname__ = "Elsewhere"


class BadReduce:
    def __init__(self, value):
        self.value = value

    def __reduce__(self):
        return self.value


def show(e):
    text = str(e)
    while " at 0x" in text:
        start = text.index(" at 0x")
        end = text.index(">", start)
        text = text[:start] + text[end:]
    print(" ", type(e).__module__, type(e).__name__, text)


unpicklable = [lambda: 1, outer(), (x for x in []), Slots(), NotFound(), NotFound,
               BadReduce(42), BadReduce(()), BadReduce((1, 2)), BadReduce((len, 1)), BadReduce((len, (), None, 5)),
               BadReduce((len, (), None, None, 5)), BadReduce((len,) * 7)]
for index, obj in enumerate(unpicklable):
    for protocol in (0, 2, 4):
        try:
            pickle.dumps(obj, protocol)
            print(index, protocol, "pickled")
        except Exception as e:
            print(index, protocol, end="")
            show(e)

# Protocol 0 and 1 of a lock differ in CPython for reasons of its own.
for protocol in (2, 4, 5):
    try:
        pickle.dumps(threading.Lock(), protocol)
    except TypeError as e:
        print("lock", protocol, e)

corrupt = [b"", b"\x80", b"\x80\x04", b"(", b"K", b"x", b"\x00", b"\xff", b"\x80\x05\x95\x05\x00\x00\x00\x00\x00\x00\x00K\x01.",
           b"h\x05.", b"0.", b"a.", b"N", b"cfoo_no_such_module\nbar\n.", b"cbuiltins\nnothere\n.", b"\x80\x09.",
           b"I12x\n.", b"]K\x01e.", b"t.", b"\x94.", b"I1\n", b"X\x05\x00\x00\x00ab", b"(K\x01K\x02d.",
           b"S\"abc\n.", b"S'ab'\n.", b"Vab", b"Q.", b"P1\n.", b"\x82\x05.", b"\x81.", b"N)\x81.", b"}K\x01u.",
           b"j\x00\x00\x00\x10.", b"r\xff\xff\xff\xffN.", b"p-1\n.", b"N1.", b"(1.", b"N(2.", b"\x8b\xff\xff\xff\xff.",
           b"\x8a\x05ab.", b"B\xff\xff\xff\x7f.", b"\x8e\xff\xff\xff\xff\xff\xff\xff\x7f.", b"\x95\x00\x00\x00\x00\x00\x00\x00\x00N.",
           b"F1.5x\n.", b"Fabc\n.", b"L12\n.", b"Lxx\n.", b"g5\n.", b"NNR.", b"c__builtin__\nlen\n(R.", b"N\x93.",
           b"\x8c\x01a\x8c\x01b\x93.", b"\x92.", b"(\x91.", b"\x8f(K\x01\x90.", b"\x97.", b"(K\x01\x85.", b"\x86."]
for data in corrupt:
    try:
        print(repr(data), "->", repr(pickle.loads(data)))
    except Exception as e:
        print(repr(data), end="")
        show(e)

for bad in ("x", 1, None):
    try:
        pickle.loads(bad)
    except TypeError as e:
        print("TypeError", e)
for protocol in (6, "2", 2.0):
    try:
        pickle.dumps(1, protocol)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    pickle.dump(1, object())
except TypeError as e:
    print("TypeError", e)
try:
    pickle.Unpickler(object())
except TypeError as e:
    print("TypeError", e)
print(issubclass(pickle.PicklingError, pickle.PickleError), issubclass(pickle.UnpicklingError, pickle.PickleError),
      issubclass(pickle.PickleError, Exception), pickle.PicklingError.__module__)
