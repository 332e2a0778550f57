"""Decimal fixed- and floating-point arithmetic, written for gilvm.

Contract: a Decimal holds a sign (_s: 0 or 1), a coefficient (_c: a
non-negative int, or a NaN's payload), an exponent (_e) and a kind (_k:
0 finite, 1 infinity, 2 quiet NaN, 3 signalling NaN). Values are never
mutated after construction. Every operation collects the conditions it
raises as bits in a local status word and hands them to
Context._signal() once at the end, which sets the flags and raises the
first trapped signal with the list of trapped conditions, as CPython's C
implementation does. Context._finish() applies precision, rounding,
exponent limits and clamping to an unrounded result.
"""

import math as _math
import sys as _sys
import collections as _collections
import _decimal_math as _dm
from _decimal_format import parse_spec as _parse_spec, layout as _layout

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR,
              ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


# Condition bits, in the order CPython lists trapped conditions.
_INV, _CONV, _DIVIMP, _DIVUNDEF, _INVCTX = 1, 2, 4, 8, 16
_FLOATOP, _DIVZERO, _OVF, _UNF, _SUB = 32, 64, 128, 256, 512
_INEXACT, _ROUNDED, _CLAMPED = 1024, 2048, 4096
_CONDITIONS = ((_INV, InvalidOperation), (_CONV, ConversionSyntax),
               (_DIVIMP, DivisionImpossible), (_DIVUNDEF, DivisionUndefined),
               (_INVCTX, InvalidContext), (_FLOATOP, FloatOperation),
               (_DIVZERO, DivisionByZero), (_OVF, Overflow),
               (_UNF, Underflow), (_SUB, Subnormal), (_INEXACT, Inexact),
               (_ROUNDED, Rounded), (_CLAMPED, Clamped))
_INVALID_GROUP = _INV | _CONV | _DIVIMP | _DIVUNDEF | _INVCTX
# The signals that have flags and traps, in CPython's dict order.
_SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow,
            Underflow, Subnormal, Inexact, Rounded, Clamped)
_SIGNAL_BITS = {InvalidOperation: _INVALID_GROUP, FloatOperation: _FLOATOP,
                DivisionByZero: _DIVZERO, Overflow: _OVF, Underflow: _UNF,
                Subnormal: _SUB, Inexact: _INEXACT, Rounded: _ROUNDED,
                Clamped: _CLAMPED}
# Context repr order: libmpdec's status-bit positions. InvalidOperation
# stands at the lowest position among the invalid-operation conditions
# that set it (a flag or trap set by hand counts as ConversionSyntax's).
_REPR_POSITION = {Clamped: 0, DivisionByZero: 2, Inexact: 6,
                  FloatOperation: 10, Overflow: 11, Rounded: 12,
                  Subnormal: 13, Underflow: 14}
_INVALID_POSITION = ((_CONV, 1), (_DIVIMP, 3), (_DIVUNDEF, 4), (_INVCTX, 7),
                     (_INV, 8))


def _repr_signals(signals, invalid_bits):
    shown = []
    for sig in _SIGNALS:
        if signals[sig]:
            if sig is InvalidOperation:
                position = 1
                for bit, pos in _INVALID_POSITION:
                    if invalid_bits & bit:
                        position = pos
                        break
            else:
                position = _REPR_POSITION[sig]
            shown.append((position, sig.__name__))
    shown.sort()
    return ', '.join(name for _, name in shown)

DecimalTuple = _collections.namedtuple('DecimalTuple', 'sign digits exponent',
                                       module='decimal')

_ndigits = _dm.ndigits
_FINITE, _INF, _QNAN, _SNAN = 0, 1, 2, 3


def _raw(s, c, e, k=_FINITE, cls=None):
    d = object.__new__(Decimal if cls is None else cls)
    d._s = s
    d._c = c
    d._e = e
    d._k = k
    return d


def _round_coef(c, drop, mode, sign):
    """Drop `drop` low digits of c using rounding `mode`.

    Returns (new coefficient, remainder nonzero)."""
    if drop <= 0:
        return c, False
    if drop > _ndigits(c) + 1:
        # Everything goes, and it is less than half a unit.
        if not c:
            return 0, False
        q, cmp_half = 0, -1
    else:
        p = 10 ** drop
        q, r = divmod(c, p)
        if not r:
            return q, False
        cmp_half = (2 * r > p) - (2 * r < p)
    if mode == ROUND_DOWN:
        up = False
    elif mode == ROUND_UP:
        up = True
    elif mode == ROUND_CEILING:
        up = sign == 0
    elif mode == ROUND_FLOOR:
        up = sign == 1
    elif mode == ROUND_HALF_UP:
        up = cmp_half >= 0
    elif mode == ROUND_HALF_DOWN:
        up = cmp_half > 0
    elif mode == ROUND_HALF_EVEN:
        up = cmp_half > 0 or (cmp_half == 0 and q & 1)
    else:
        up = q % 5 == 0
    return (q + 1 if up else q), True


def _round_sig(v, q, prec, mode=ROUND_HALF_EVEN, sign=0):
    """Round v * 10**q (v > 0) to prec significant digits: (coef, exp)."""
    n = _ndigits(v)
    if n <= prec:
        return v, q
    drop = n - prec
    c, _ = _round_coef(v, drop, mode, sign)
    q += drop
    if c == 10 ** prec:
        c //= 10
        q += 1
    return c, q


_SIGNAL_KEY_ERROR = ('valid values for signals are:\n  [InvalidOperation, '
                     'FloatOperation, DivisionByZero,\n   Overflow, Underflow, '
                     'Subnormal, Inexact, Rounded,\n   Clamped]')


class _SignalDict(dict):
    def __getitem__(self, key):
        try:
            return dict.__getitem__(self, key)
        except (KeyError, TypeError):
            raise KeyError(_SIGNAL_KEY_ERROR) from None

    def __repr__(self):
        return '{' + ', '.join('%r:%r' % (k, v) for k, v in self.items()) + '}'

    def copy(self):
        return _SignalDict(self)

    def __setitem__(self, key, value):
        if key not in self:
            raise KeyError(_SIGNAL_KEY_ERROR)
        dict.__setitem__(self, key, bool(value))


def _signal_dict(value, name):
    result = _SignalDict((sig, False) for sig in _SIGNALS)
    if value is None:
        return result
    if isinstance(value, dict):
        if len(value) != len(_SIGNALS) or any(k not in result for k in value):
            raise KeyError('invalid signal dict')
        for k, v in value.items():
            dict.__setitem__(result, k, bool(v))
        return result
    for sig in value:
        if sig not in result:
            raise KeyError(_SIGNAL_KEY_ERROR)
        dict.__setitem__(result, sig, True)
    return result


def _ranged_int_attribute(name, low, high, message):
    """A Context attribute that holds an int in [low, high] (in '_' + name),
    refusing anything else with CPython's TypeError or ValueError."""
    stored = '_' + name

    def read(self):
        return getattr(self, stored)

    def write(self, value):
        if not isinstance(value, int):
            raise TypeError('an integer is required')
        if not low <= value <= high:
            raise ValueError(message)
        # Kept as a plain int (clamp = True reads back 1, as in CPython).
        object.__setattr__(self, stored, int(value))

    return property(read, write)


class Context(object):
    """Arithmetic settings: precision, rounding, exponent limits, flags, traps."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None, **unknown):
        for key in unknown:
            raise TypeError("'%s' is an invalid keyword argument for this "
                            "function" % key)
        base = DefaultContext if 'DefaultContext' in globals() else None
        object.__setattr__(self, '_prec', 28)
        object.__setattr__(self, '_rounding', ROUND_HALF_EVEN)
        object.__setattr__(self, '_Emin', -999999)
        object.__setattr__(self, '_Emax', 999999)
        object.__setattr__(self, '_capitals', 1)
        object.__setattr__(self, '_clamp', 0)
        if base is not None:
            for name in ('_prec', '_rounding', '_Emin', '_Emax', '_capitals',
                         '_clamp'):
                object.__setattr__(self, name, getattr(base, name))
        if prec is not None:
            self.prec = prec
        if rounding is not None:
            self.rounding = rounding
        if Emin is not None:
            self.Emin = Emin
        if Emax is not None:
            self.Emax = Emax
        if capitals is not None:
            self.capitals = capitals
        if clamp is not None:
            self.clamp = clamp
        if traps is None and base is not None:
            traps = base.traps
        object.__setattr__(self, 'traps', _signal_dict(traps, 'traps'))
        object.__setattr__(self, 'flags', _signal_dict(flags, 'flags'))
        object.__setattr__(self, '_invalid_bits', 0)

    # -- attributes with CPython's validation ------------------------------
    prec = _ranged_int_attribute('prec', 1, MAX_PREC, 'valid range for prec is [1, MAX_PREC]')

    @property
    def rounding(self):
        return self._rounding

    @rounding.setter
    def rounding(self, value):
        if value not in _ROUNDINGS or not isinstance(value, str):
            raise TypeError('valid values for rounding are:\n  [ROUND_CEILING, '
                            'ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   '
                            'ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,'
                            '\n   ROUND_05UP]')
        object.__setattr__(self, '_rounding', value)

    Emin = _ranged_int_attribute('Emin', MIN_EMIN, 0, 'valid range for Emin is [MIN_EMIN, 0]')

    Emax = _ranged_int_attribute('Emax', 0, MAX_EMAX, 'valid range for Emax is [0, MAX_EMAX]')

    capitals = _ranged_int_attribute('capitals', 0, 1, 'valid values for capitals are 0 or 1')

    clamp = _ranged_int_attribute('clamp', 0, 1, 'valid values for clamp are 0 or 1')

    def __setattr__(self, name, value):
        if name in ('flags', 'traps'):
            object.__setattr__(self, name, _signal_dict(value, name))
            if name == 'flags':
                object.__setattr__(self, '_invalid_bits', 0)
        elif name in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp'):
            object.__setattr__(self, name, value)
        else:
            raise AttributeError("'decimal.Context' object has no attribute '%s'"
                                 % name)

    def __delattr__(self, name):
        raise AttributeError('context attributes cannot be deleted')

    def __repr__(self):
        flags = _repr_signals(self.flags, self._invalid_bits)
        traps = _repr_signals(self.traps, 0)
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, '
                'clamp=%d, flags=[%s], traps=[%s])'
                % (self._prec, self._rounding, self._Emin, self._Emax,
                   self._capitals, self._clamp, flags, traps))

    def __reduce__(self):
        flags = [s for s in _SIGNALS if self.flags[s]]
        traps = [s for s in _SIGNALS if self.traps[s]]
        return (self.__class__, (self._prec, self._rounding, self._Emin,
                                 self._Emax, self._capitals, self._clamp,
                                 flags, traps))

    def copy(self):
        result = Context(self._prec, self._rounding, self._Emin, self._Emax,
                         self._capitals, self._clamp, self.flags.copy(),
                         self.traps.copy())
        object.__setattr__(result, '_invalid_bits', self._invalid_bits)
        return result

    __copy__ = copy

    def clear_flags(self):
        object.__setattr__(self, '_invalid_bits', 0)
        for s in _SIGNALS:
            dict.__setitem__(self.flags, s, False)

    def clear_traps(self):
        for s in _SIGNALS:
            dict.__setitem__(self.traps, s, False)

    def Etiny(self):
        return self._Emin - self._prec + 1

    def Etop(self):
        return self._Emax - self._prec + 1

    def radix(self):
        return Decimal(10)

    # -- signalling ---------------------------------------------------------
    def _signal(self, status):
        """Set the flags for `status` and raise its first trapped signal."""
        if not status:
            return
        flags = self.flags
        if status & _INVALID_GROUP:
            object.__setattr__(self, '_invalid_bits',
                               self._invalid_bits | (status & _INVALID_GROUP))
        trapped = 0
        for sig in _SIGNALS:
            bits = _SIGNAL_BITS[sig]
            if status & bits:
                dict.__setitem__(flags, sig, True)
                if self.traps[sig]:
                    trapped |= status & bits
        if trapped:
            for sig in _SIGNALS:
                if trapped & _SIGNAL_BITS[sig]:
                    raise sig([cls for bit, cls in _CONDITIONS if trapped & bit])

    def _finish(self, s, c, e, st, cls=None):
        """Round the exact value (-1)**s * c * 10**e to this context.

        `st` is a one-element list accumulating status bits."""
        prec = self._prec
        emax = self._Emax
        etiny = self._Emin - prec + 1
        if not c:
            top = emax - prec + 1 if self._clamp else emax
            if e > top:
                e = top
                st[0] |= _CLAMPED
            elif e < etiny:
                e = etiny
                st[0] |= _CLAMPED
            return _raw(s, 0, e, _FINITE, cls)
        n = _ndigits(c)
        adj = e + n - 1
        if adj > emax:
            return self._overflow(s, st, cls)
        subnormal = adj < self._Emin
        low = max(adj - prec + 1, etiny)
        if e < low:
            drop = low - e
            c, inexact = _round_coef(c, drop, self._rounding, s)
            e = low
            if _ndigits(c) > prec:
                c //= 10
                e += 1
            st[0] |= _ROUNDED
            if inexact:
                st[0] |= _INEXACT
                if subnormal:
                    st[0] |= _UNF | _SUB
                    if not c:
                        st[0] |= _CLAMPED
            elif subnormal:
                st[0] |= _SUB
            if c and e + _ndigits(c) - 1 > emax:
                return self._overflow(s, st, cls)
        elif subnormal:
            st[0] |= _SUB
        if self._clamp and c:
            top = emax - prec + 1
            if e > top:
                c *= 10 ** (e - top)
                e = top
                st[0] |= _CLAMPED
        return _raw(s, c, e, _FINITE, cls)

    def _overflow(self, s, st, cls=None):
        st[0] |= _OVF | _INEXACT | _ROUNDED
        mode = self._rounding
        to_inf = (mode in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN,
                           ROUND_UP)
                  or (mode == ROUND_CEILING and s == 0)
                  or (mode == ROUND_FLOOR and s == 1))
        if to_inf:
            return _raw(s, 0, 0, _INF, cls)
        return _raw(s, 10 ** self._prec - 1, self._Emax - self._prec + 1,
                    _FINITE, cls)

    def _fix_nan(self, d):
        """A NaN result: quiet, with its payload cut to prec - clamp digits."""
        limit = self._prec - self._clamp
        c = d._c
        if c and _ndigits(c) > limit:
            c = c % 10 ** limit if limit > 0 else 0
        return _raw(d._s, c, 0, _QNAN)

    # -- conversions ----------------------------------------------------------
    def create_decimal(self, num='0'):
        # Unlike the constructor, no surrounding whitespace or underscores.
        if isinstance(num, str) and (num != num.strip() or '_' in num):
            self._signal(_CONV)
            return _raw(0, 0, 0, _QNAN)
        d = Decimal(num, self)          # signals FloatOperation for floats
        if d._k >= _QNAN:
            if d._c and _ndigits(d._c) > self._prec - self._clamp:
                self._signal(_CONV)
                return _raw(0, 0, 0, _QNAN)
            return d
        if d._k == _INF:
            return d
        st = [0]
        result = self._finish(d._s, d._c, d._e, st)
        self._signal(st[0])
        return result

    def create_decimal_from_float(self, f):
        d = Decimal.from_float(f)
        return self.create_decimal(d)

    def _conv(self, x):
        if isinstance(x, Decimal):
            return x
        if isinstance(x, int):
            return Decimal(x)
        raise TypeError('conversion from %s to Decimal is not supported'
                        % type(x).__name__)

    def to_sci_string(self, a):
        return self._conv(a).__str__(context=self)

    def to_eng_string(self, a):
        return self._conv(a).to_eng_string(context=self)

    def copy_decimal(self, a):
        return Decimal(self._conv(a))

    def power(self, a, b, modulo=None):
        a = self._conv(a)
        if modulo is None:
            return a._pow(self._conv(b), self)
        return a.__pow__(self._conv(b), self._conv(modulo), context=self)

    def divmod(self, a, b):
        return self._conv(a)._divmod(self._conv(b), self)

    def is_normal(self, a):
        return self._conv(a).is_normal(context=self)

    def is_subnormal(self, a):
        return self._conv(a).is_subnormal(context=self)

    def __eq__(self, other):
        return self is other

    __hash__ = object.__hash__


def _context_unary(method):
    def op(self, a):
        return getattr(self._conv(a), method)(context=self)
    op.__name__ = method
    return op


def _context_binary(method):
    def op(self, a, b):
        return getattr(self._conv(a), method)(self._conv(b), context=self)
    op.__name__ = method
    return op


def _context_plain(method):
    def op(self, a):
        return getattr(self._conv(a), method)()
    op.__name__ = method
    return op


for _name, _method in (('abs', '_abs'), ('plus', '_plus'), ('minus', '_minus'),
                       ('exp', 'exp'), ('ln', 'ln'), ('log10', 'log10'),
                       ('logb', 'logb'), ('next_minus', 'next_minus'),
                       ('next_plus', 'next_plus'), ('normalize', 'normalize'),
                       ('number_class', 'number_class'), ('sqrt', 'sqrt'),
                       ('to_integral', 'to_integral'),
                       ('to_integral_exact', 'to_integral_exact'),
                       ('to_integral_value', 'to_integral_value'),
                       ('logical_invert', 'logical_invert')):
    setattr(Context, _name, _context_unary(_method))
for _name, _method in (('add', '_add'), ('subtract', '_sub'),
                       ('multiply', '_mul'), ('divide', '_div'),
                       ('divide_int', '_floordiv'), ('remainder', '_mod'),
                       ('compare', 'compare'), ('compare_signal', 'compare_signal'),
                       ('max', 'max'), ('min', 'min'), ('max_mag', 'max_mag'),
                       ('min_mag', 'min_mag'), ('next_toward', 'next_toward'),
                       ('quantize', 'quantize'),
                       ('remainder_near', 'remainder_near'),
                       ('scaleb', 'scaleb'), ('rotate', 'rotate'),
                       ('shift', 'shift'), ('logical_and', 'logical_and'),
                       ('logical_or', 'logical_or'),
                       ('logical_xor', 'logical_xor'),
                       ('same_quantum', 'same_quantum'),
                       ('compare_total', 'compare_total'),
                       ('compare_total_mag', 'compare_total_mag'),
                       ('copy_sign', 'copy_sign')):
    setattr(Context, _name, _context_binary(_method))
for _name in ('canonical', 'copy_abs', 'copy_negate', 'is_canonical',
              'is_finite', 'is_infinite', 'is_nan', 'is_qnan', 'is_signed',
              'is_snan', 'is_zero'):
    setattr(Context, _name, _context_plain(_name))


def _context_fma(self, a, b, c):
    return self._conv(a).fma(self._conv(b), self._conv(c), context=self)


Context.fma = _context_fma
del _name, _method


# -- the current context, per thread -------------------------------------------
from threading import local as _thread_local

_local = _thread_local()


def getcontext():
    ctx = getattr(_local, 'context', None)
    if ctx is None:
        ctx = DefaultContext.copy()
        _local.context = ctx
    return ctx


def setcontext(context):
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    if context is DefaultContext or context is BasicContext \
            or context is ExtendedContext:
        context = context.copy()
        context.clear_flags()
    _local.context = context


class _ContextManager(object):
    def __init__(self, new_context):
        self.new_context = new_context

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError('optional argument must be a context')
    ctx = ctx.copy()
    for key, value in kwargs.items():
        if key not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals',
                       'clamp', 'flags', 'traps'):
            raise TypeError("'%s' is an invalid keyword argument for this "
                            "function" % key)
        setattr(ctx, key, value)
    return _ContextManager(ctx)


from _decimal_number import Decimal, _install as _install_number
_install_number(globals())
del _install_number

DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999,
                         Emax=999999, capitals=1, clamp=0,
                         traps=[DivisionByZero, Overflow, InvalidOperation])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation,
                              Clamped, Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])

import numbers as _numbers
_numbers.Number.register(Decimal)
