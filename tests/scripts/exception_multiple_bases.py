# Classes deriving from two built-in exception classes (decimal's
# FloatOperation is both an ArithmeticError and a TypeError).


class MixedError(ArithmeticError, TypeError):
    pass


class LookupValueError(LookupError, ValueError):
    pass


class OsTypeError(OSError, TypeError):
    pass


class ZeroLookup(ZeroDivisionError, KeyError):
    pass


for cls in (MixedError, LookupValueError, OsTypeError, ZeroLookup):
    print(cls.__name__, [b.__name__ for b in cls.__mro__])
try:
    raise MixedError('both')
except TypeError as e:
    print('caught as TypeError', repr(e), isinstance(e, ArithmeticError), e.args)
try:
    raise ZeroLookup('k')
except LookupError as e:
    print('caught as LookupError', str(e), isinstance(e, ZeroDivisionError))
e = OsTypeError(2, 'No such file')
print(e.errno, e.strerror, isinstance(e, TypeError))
try:
    class Bad(int, ValueError):
        pass
except TypeError as e:
    print('int and ValueError:', e)
