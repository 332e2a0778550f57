# Built-in methods called with missing, surplus or wrong-typed arguments
# raise TypeError (they used to crash the interpreter). Each line prints the
# exception's type and message, compared with CPython's.


class C:
    pass


def show(label, thunk):
    try:
        result = thunk()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '=', repr(result))


# The reported crashes.
show("object().__setattr__(5, 1)", lambda: object().__setattr__(5, 1))
show("object.__delattr__(C(), 5)", lambda: object.__delattr__(C(), 5))
show("type.__setattr__(C, 5, 5)", lambda: type.__setattr__(C, 5, 5))
show("'a'.__delattr__(None)", lambda: 'a'.__delattr__(None))
show("{}.__getitem__()", lambda: {}.__getitem__())
show("set().__contains__()", lambda: set().__contains__())
show("range(3).index()", lambda: range(3).index())

# Attribute names must be strings, whichever entry point takes them.
show("C().__getattribute__(5)", lambda: C().__getattribute__(5))
show("object.__setattr__(C(), None, 1)", lambda: object.__setattr__(C(), None, 1))
show("getattr(C(), 5)", lambda: getattr(C(), 5))
show("setattr(C(), b'x', 1)", lambda: setattr(C(), b'x', 1))
show("delattr(C(), 2.5)", lambda: delattr(C(), 2.5))

# Unbound methods check their self argument.
show("str.upper(5)", lambda: str.upper(5))
show("str.upper()", lambda: str.upper())
show("int.__eq__('x', 5)", lambda: int.__eq__('x', 5))
show("float.__add__(1, 2.5)", lambda: float.__add__(1, 2.5))
show("list.__contains__((), 1)", lambda: list.__contains__((), 1))
show("tuple.count([], 1)", lambda: tuple.count([], 1))
show("range.__contains__('x', 'x')", lambda: range.__contains__('x', 'x'))
show("dict.__getitem__([], 1)", lambda: dict.__getitem__([], 1))
show("set.union(frozenset(), 1)", lambda: set.union(frozenset(), 1))
show("bytes.__eq__('x', b'x')", lambda: bytes.__eq__('x', b'x'))
show("list.append()", lambda: list.append())
show("object.__str__()", lambda: object.__str__())

# A subclass instance is a valid self.
class MyList(list):
    pass


show("list.__contains__(MyList([1]), 1)", lambda: list.__contains__(MyList([1]), 1))
show("int.__add__(True, 1)", lambda: int.__add__(True, 1))

# METH_O and METH_NOARGS methods count their arguments.
show("[].__getitem__()", lambda: [].__getitem__())
show("[].append()", lambda: [].append())
show("[].append(1, 2)", lambda: [].append(1, 2))
show("{}.keys(1)", lambda: {}.keys(1))
show("{}.__contains__()", lambda: {}.__contains__())
show("frozenset().__contains__(1, 2)", lambda: frozenset().__contains__(1, 2))
show("set().add()", lambda: set().add())
show("'a'.upper(1)", lambda: 'a'.upper(1))
show("(5).bit_length(1)", lambda: (5).bit_length(1))
show("range(3).count()", lambda: range(3).count())
show("[].__reversed__(1)", lambda: [].__reversed__(1))

# Slot wrappers count their arguments too.
show("(1).__eq__()", lambda: (1).__eq__())
show("(1).__add__(1, 2)", lambda: (1).__add__(1, 2))
show("[].__len__(1)", lambda: [].__len__(1))
show("'a'.__getitem__()", lambda: 'a'.__getitem__())
show("[].__setitem__(0)", lambda: [].__setitem__(0))
show("{}.__setitem__(1)", lambda: {}.__setitem__(1))
show("(1, 2).__contains__()", lambda: (1, 2).__contains__())
show("'ab'.__contains__()", lambda: 'ab'.__contains__())
show("iter([]).__next__(1)", lambda: iter([]).__next__(1))
show("(2.5).__neg__(1)", lambda: (2.5).__neg__(1))

# Wrong-typed arguments.
show("random.choices([], [])", lambda: __import__('random').choices([], []))
show("random.choices({}, {})", lambda: __import__('random').choices({}, {}))
show("(1).__eq__('x')", lambda: (1).__eq__('x'))
show("[].__add__(None)", lambda: [].__add__(None))
show("set().__or__(5)", lambda: set().__or__(5))
show("'a'.__mod__(5)", lambda: 'a'.__mod__(5))

# Keyword arguments to methods that take none.
show("{}.__getitem__(key=1)", lambda: {}.__getitem__(key=1))
show("[].append(object=1)", lambda: [].append(object=1))

# Timestamps a time_t cannot hold (found by the sanitizer build).
import time
show("time.gmtime(10**30)", lambda: time.gmtime(10**30))
show("time.localtime(-1e30)", lambda: time.localtime(-1e30))
show("time.gmtime(float('nan'))", lambda: time.gmtime(float('nan')))
show("time.gmtime(1e18)", lambda: time.gmtime(1e18))
show("time.ctime(1e300)", lambda: time.ctime(1e300))
