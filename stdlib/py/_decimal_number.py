"""The Decimal number type (the decimal module's core, see decimal.py).

Contract: this module is imported by decimal.py half-way through its own
initialisation; _install() then copies decimal's names (signals, Context,
getcontext, status bits, rounding helpers) into this module's globals.
Arithmetic helpers return a Decimal and OR condition bits into `st`, a
one-element list, which the public method hands to Context._signal().
"""

import math as _math
import sys as _sys
import _decimal_math as _dm


def _install(ns):
    for key, value in ns.items():
        if not key.startswith('__') and key not in globals():
            globals()[key] = value
    power_globals = _decimal_power.__dict__
    for key, value in globals().items():
        if not key.startswith('__') and key not in power_globals:
            power_globals[key] = value
    Decimal.__module__ = 'decimal'
    # CPython's C types are named 'decimal.Decimal' in error messages
    # ("unsupported operand type(s) for +: 'decimal.Decimal' and 'float'").
    Decimal.__name__ = 'decimal.Decimal'
    ns['Context'].__name__ = 'decimal.Context'


# The numeric hash of ints, floats and Fractions (sys.hash_info's modulus
# and inf on 64-bit builds, which gilvm's sys does not carry).
_HASH_MODULUS = (1 << 61) - 1
_HASH_INF = 314159
_TEN_INVERSE = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)


def _ctx(context):
    if context is None:
        return getcontext()
    if not isinstance(context, Context):
        raise TypeError('optional argument must be a context')
    return context


def _operand(other, strict=True):
    """Convert an int operand; others give NotImplemented or TypeError."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if strict:
        raise TypeError('conversion from %s to Decimal is not supported'
                        % type(other).__name__)
    return NotImplemented


def _parse(text):
    """(sign, coefficient, exponent, kind) for a numeric string, or None."""
    s = text.strip()
    if '_' in s:
        s = s.replace('_', '')
    if not s.isascii():
        chars = []
        for ch in s:
            if ch.isdecimal() and not ch.isascii():
                import unicodedata
                chars.append(str(unicodedata.decimal(ch)))
            elif ch.isspace():
                return None
            else:
                chars.append(ch)
        s = ''.join(chars)
    if not s:
        return None
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return sign, 0, 0, _INF
    if low.startswith('nan') or low.startswith('snan'):
        kind = _SNAN if low[0] == 's' else _QNAN
        payload = low[4:] if kind == _SNAN else low[3:]
        if payload and not (payload.isdigit() and payload.isascii()):
            return None
        return sign, _dm.coef_int(payload) if payload else 0, 0, kind
    exp = 0
    epos = low.find('e')
    if epos >= 0:
        tail = low[epos + 1:]
        body = tail[1:] if tail[:1] in ('+', '-') else tail
        if not body or not body.isdigit() or not body.isascii():
            return None
        exp = int(tail)
        low = low[:epos]
    point = low.find('.')
    if point >= 0:
        intpart = low[:point]
        frac = low[point + 1:]
    else:
        intpart = low
        frac = ''
    digits = intpart + frac
    if not digits or not digits.isdigit() or not digits.isascii():
        return None
    return sign, _dm.coef_int(digits), exp - len(frac), _FINITE


def _nan_result(a, b, st, ctx, c=None):
    """NaN propagation: the first sNaN (signalling), else the first qNaN."""
    for x in (a, b, c):
        if x is not None and x._k == _SNAN:
            st[0] |= _INV
            return ctx._fix_nan(x)
    for x in (a, b, c):
        if x is not None and x._k == _QNAN:
            return ctx._fix_nan(x)
    return None


def _invalid(st):
    st[0] |= _INV
    return _raw(0, 0, 0, _QNAN)


def _cmp_abs_finite(a, b):
    """Compare |a| and |b| for finite a, b: -1, 0 or 1."""
    if not a._c or not b._c:
        return (a._c != 0) - (b._c != 0)
    adj_a = a._e + _ndigits(a._c) - 1
    adj_b = b._e + _ndigits(b._c) - 1
    if adj_a != adj_b:
        return 1 if adj_a > adj_b else -1
    ca, cb = a._c, b._c
    if a._e > b._e:
        ca *= 10 ** (a._e - b._e)
    else:
        cb *= 10 ** (b._e - a._e)
    return (ca > cb) - (ca < cb)


def _cmp(a, b):
    """Numeric comparison of two non-NaN Decimals."""
    if a._k == _INF or b._k == _INF:
        va = (-1 if a._s else 1) * (a._k == _INF)
        vb = (-1 if b._s else 1) * (b._k == _INF)
        if va == vb:
            return 0
        if va or vb:
            if va:
                return va
            return -vb
    a_zero = not a._c
    b_zero = not b._c
    if a_zero and b_zero:
        return 0
    if a_zero:
        return 1 if b._s else -1
    if b_zero:
        return -1 if a._s else 1
    if a._s != b._s:
        return -1 if a._s else 1
    r = _cmp_abs_finite(a, b)
    return -r if a._s else r


def _add_exact(a, b, ctx, st, negate_b=False):
    """Round a + b (finite values) to ctx."""
    sb = b._s ^ negate_b
    ca, ea, cb, eb = a._c, a._e, b._c, b._e
    if not ca or not cb:
        e = min(ea, eb)
        if not ca and not cb:
            if a._s == sb:
                s = a._s
            else:
                s = 1 if ctx._rounding == ROUND_FLOOR else 0
            return ctx._finish(s, 0, e, st)
        s, c, ex = (sb, cb, eb) if not ca else (a._s, ca, ea)
        floor_e = ex + _ndigits(c) - ctx._prec - 2
        if e < floor_e:
            e = min(ex, floor_e)
        return ctx._finish(s, c * 10 ** (ex - e), e, st)
    # Replace an operand far below the other's precision by a sticky digit.
    adj_a = ea + _ndigits(ca) - 1
    adj_b = eb + _ndigits(cb) - 1
    if adj_a >= adj_b:
        limit = min(ea, adj_a - ctx._prec) - 1
        if adj_b < limit:
            cb, eb = 1, limit - 1
    else:
        limit = min(eb, adj_b - ctx._prec) - 1
        if adj_a < limit:
            ca, ea = 1, limit - 1
    e = min(ea, eb)
    va = ca * 10 ** (ea - e)
    vb = cb * 10 ** (eb - e)
    if a._s:
        va = -va
    if sb:
        vb = -vb
    total = va + vb
    if total == 0:
        s = 1 if ctx._rounding == ROUND_FLOOR else 0
        return ctx._finish(s, 0, e, st)
    return ctx._finish(1 if total < 0 else 0, abs(total), e, st)


def _divide_parts(ca, ea, cb, eb, prec):
    """Quotient ca*10**ea / cb*10**eb to prec digits: (coef, exp, exact).

    An inexact quotient carries one extra sticky digit so that rounding
    it to prec digits is correct."""
    shift = prec + _ndigits(cb) - _ndigits(ca) + 1
    if shift >= 0:
        q, r = divmod(ca * 10 ** shift, cb)
    else:
        q, r = divmod(ca, cb * 10 ** (-shift))
    e = ea - eb - shift
    if r:
        return q * 10 + 1, e - 1, False
    ideal = ea - eb
    while e < ideal and q % 10 == 0 and q:
        q //= 10
        e += 1
    return q, e, True


def _integer_quotient(a, b):
    """Integer quotient and remainder coefficient of a / b, and the
    remainder's exponent (the smaller of the two)."""
    e = min(a._e, b._e)
    va = a._c * 10 ** (a._e - e)
    vb = b._c * 10 ** (b._e - e)
    q, r = divmod(va, vb)
    return q, r, e


import _decimal_power


class Decimal(_decimal_power.PowerMixin):
    """Floating-point decimal number, exactly representable in base 10."""

    __slots__ = ('_s', '_c', '_e', '_k')

    def __new__(cls, value='0', context=None):
        if context is not None and not isinstance(context, Context):
            raise TypeError('optional argument must be a context')
        if isinstance(value, Decimal):
            return _raw(value._s, value._c, value._e, value._k, cls)
        if isinstance(value, str):
            parsed = _parse(value)
            if parsed is None:
                ctx = _ctx(context)
                ctx._signal(_CONV)
                return _raw(0, 0, 0, _QNAN, cls)
            return _raw(parsed[0], parsed[1],
                        parsed[2], parsed[3], cls)
        if isinstance(value, int):
            return _raw(1 if value < 0 else 0, abs(value), 0, _FINITE, cls)
        if isinstance(value, float):
            ctx = _ctx(context)
            ctx._signal(_FLOATOP)
            d = Decimal.from_float(value)
            return _raw(d._s, d._c, d._e, d._k, cls)
        if isinstance(value, (tuple, list)):
            return cls._from_tuple(value)
        raise TypeError('conversion from %s to Decimal is not supported'
                        % type(value).__name__)

    @classmethod
    def _from_tuple(cls, value):
        if len(value) != 3:
            raise ValueError('argument must be a sequence of length 3')
        sign, digits, exp = value
        if not isinstance(sign, int) or sign not in (0, 1):
            raise ValueError('sign must be an integer with the value 0 or 1')
        if isinstance(exp, str):
            if exp not in ('F', 'n', 'N'):
                raise ValueError("string argument in the third position must "
                                 "be 'F', 'n' or 'N'")
            kind = {'F': _INF, 'n': _QNAN, 'N': _SNAN}[exp]
            exp = 0
        elif isinstance(exp, int):
            kind = _FINITE
        else:
            raise ValueError('exponent must be an integer')
        if not isinstance(digits, (tuple, list)):
            raise ValueError('coefficient must be a tuple of digits')
        coef = 0
        for digit in digits:
            if not isinstance(digit, int) or not 0 <= digit <= 9:
                raise ValueError('coefficient must be a tuple of digits')
            coef = coef * 10 + digit
        if kind == _INF:
            coef = 0
        return _raw(sign, coef, exp, kind, cls)

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            d = _raw(1 if f < 0 else 0, abs(f), 0)
        elif isinstance(f, float):
            sign = 1 if _math.copysign(1.0, f) < 0 else 0
            if _math.isnan(f):
                d = _raw(sign, 0, 0, _QNAN)
            elif _math.isinf(f):
                d = _raw(sign, 0, 0, _INF)
            else:
                n, den = abs(f).as_integer_ratio()
                k = den.bit_length() - 1
                d = _raw(sign, n * 5 ** k, -k)
        else:
            raise TypeError('argument must be int or float')
        if cls is Decimal:
            return d
        return cls(d)

    # -- text ---------------------------------------------------------------
    def __str__(self, eng=False, context=None):
        capitals = _ctx(context)._capitals if context is not None \
            else getcontext()._capitals
        sign = '-' if self._s else ''
        if self._k == _INF:
            return sign + 'Infinity'
        if self._k >= _QNAN:
            head = 'sNaN' if self._k == _SNAN else 'NaN'
            return sign + head + (_dm.coef_str(self._c) if self._c else '')
        digits = _dm.coef_str(self._c)
        e = self._e
        adj = e + len(digits) - 1
        if e <= 0 and adj >= -6:
            if e == 0:
                return sign + digits
            point = len(digits) + e
            if point > 0:
                return sign + digits[:point] + '.' + digits[point:]
            return sign + '0.' + '0' * (-point) + digits
        echar = 'E' if capitals else 'e'
        if not eng:
            lead, shown = 1, adj
        elif self._c:
            shown = adj - adj % 3
            lead = adj - shown + 1
        else:
            shown = -((-adj) // 3) * 3
            if shown < adj:
                shown += 3
            lead = 1
            frac = shown - e
            text = '0' + ('.' + '0' * frac if frac else '')
            return sign + text + (echar + '%+d' % shown if shown else '')
        if len(digits) < lead:
            digits += '0' * (lead - len(digits))
        text = digits[:lead]
        if len(digits) > lead:
            text += '.' + digits[lead:]
        if shown:
            text += echar + '%+d' % shown
        return sign + text

    def __repr__(self):
        return "Decimal('%s')" % self.__str__()

    def to_eng_string(self, context=None):
        return self.__str__(eng=True, context=context)

    def __format__(self, spec, _localeconv=None):
        ctx = getcontext()
        fmt = _parse_spec(spec)
        kind = fmt['type']
        prec = fmt['precision']
        if self._k != _FINITE:
            body = self.__str__(context=ctx)
            if body[0] == '-':
                body = body[1:]
            if kind == '%':
                body += '%'
            if fmt['zeropad']:
                fmt['fill'] = ' '
                fmt['align'] = '>'
                fmt['zeropad'] = False
            return _layout(fmt, self._s == 1, None, body)
        if kind is None:
            kind = 'G' if ctx._capitals else 'g'
        elif kind == 'n':
            kind = 'g'
        sign, c, e = self._s, self._c, self._e
        rounding = ctx._rounding
        if kind == '%':
            e += 2
        if prec is not None:
            if kind in 'eE':
                c, e = self._round_to_digits(sign, c, e, prec + 1, rounding)
                short = prec + 1 - _ndigits(c)
                if short > 0 and c:
                    c *= 10 ** short
                    e -= short
            elif kind in 'fF%':
                if e < -prec:
                    c, _ = _round_coef(c, -prec - e, rounding, sign)
                    e = -prec
                elif e > -prec and c:
                    c *= 10 ** (e + prec)
                    e = -prec
                elif e > -prec:
                    e = -prec
            else:
                c, e = self._round_to_digits(sign, c, e, max(prec, 1),
                                             rounding)
        digits = _dm.coef_str(c)
        left = e + len(digits)          # digits before the point
        if kind in 'eE':
            if not c and prec is not None:
                point = 1 - prec
            else:
                point = 1
        elif kind in 'fF%':
            point = left
        else:
            point = left if (e <= 0 and left > -6) else 1
        if point <= 0:
            intpart = '0'
            frac = '0' * (-point) + digits
        elif point >= len(digits):
            intpart = digits + '0' * (point - len(digits))
            frac = ''
        else:
            intpart = digits[:point]
            frac = digits[point:]
        shown = left - point
        intpart = intpart.lstrip('0') or '0'
        tail = ('.' + frac) if frac else ''
        if kind in 'eE' or (kind in 'gG' and shown != 0):
            echar = 'E' if kind in 'EG' else 'e'
            tail += echar + '%+d' % shown
        if kind == '%':
            tail += '%'
        negative = sign == 1
        # 'z' drops the sign of a zero; of a value rounded to zero only
        # for the 'f' and '%' types (CPython 3.11 leaves it with 'F').
        if negative and fmt['z'] and (not self._c or
                                      (not c and kind in ('f', '%'))):
            negative = False
        return _layout(fmt, negative, intpart, tail)

    @staticmethod
    def _round_to_digits(sign, c, e, digits, rounding):
        n = _ndigits(c)
        if n <= digits:
            return c, e
        c, _ = _round_coef(c, n - digits, rounding, sign)
        e += n - digits
        if _ndigits(c) > digits:
            c //= 10
            e += 1
        return c, e

    # -- conversions to Python numbers ----------------------------------------
    def __float__(self):
        if self._k == _SNAN:
            raise ValueError('cannot convert signaling NaN to float')
        if self._k == _QNAN:
            return -float('nan') if self._s else float('nan')
        return float(self.__str__())

    def _integral(self, mode):
        if self._k == _INF:
            raise OverflowError('cannot convert Infinity to integer')
        if self._k != _FINITE:
            raise ValueError('cannot convert NaN to integer')
        if self._e >= 0:
            v = self._c * 10 ** self._e
        else:
            v, _ = _round_coef(self._c, -self._e, mode, self._s)
        return -v if self._s else v

    def __int__(self):
        return self._integral(ROUND_DOWN)

    def __trunc__(self):
        return self._integral(ROUND_DOWN)

    def __floor__(self):
        return self._integral(ROUND_FLOOR)

    def __ceil__(self):
        return self._integral(ROUND_CEILING)

    def __round__(self, n=None):
        if n is None:
            return self._integral(ROUND_HALF_EVEN)
        if not isinstance(n, int):
            raise TypeError('optional arg must be an integer')
        return self.quantize(_raw(0, 1, -n))

    def __complex__(self):
        return complex(float(self))

    def as_integer_ratio(self):
        if self._k == _INF:
            raise OverflowError('cannot convert Infinity to integer ratio')
        if self._k != _FINITE:
            raise ValueError('cannot convert NaN to integer ratio')
        if self._e >= 0:
            n, d = self._c * 10 ** self._e, 1
        else:
            n, d = self._c, 10 ** (-self._e)
            g = _math.gcd(n, d)
            n //= g
            d //= g
        return (-n if self._s else n), d

    def as_tuple(self):
        if self._k == _INF:
            return DecimalTuple(self._s, (0,), 'F')
        digits = tuple(int(ch) for ch in _dm.coef_str(self._c)) \
            if (self._c or self._k == _FINITE) else ()
        exp = {_FINITE: self._e, _QNAN: 'n', _SNAN: 'N'}[self._k]
        return DecimalTuple(self._s, digits, exp)

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))

    def __deepcopy__(self, memo):
        return self.__copy__()

    def __bool__(self):
        return self._k != _FINITE or self._c != 0

    # -- hashing and comparison -------------------------------------------------
    def __hash__(self):
        if self._k == _SNAN:
            raise TypeError('Cannot hash a signaling NaN value')
        if self._k == _QNAN:
            return object.__hash__(self)
        if self._k == _INF:
            return -_HASH_INF if self._s else _HASH_INF
        if self._e >= 0:
            h = self._c * pow(10, self._e, _HASH_MODULUS) % _HASH_MODULUS
        else:
            h = self._c * pow(_TEN_INVERSE, -self._e, _HASH_MODULUS) \
                % _HASH_MODULUS
        h = -h if self._s else h
        return -2 if h == -1 else h

    def _compare_with(self, other, op):
        """Convert `other` for a rich comparison: Decimal, (num, den) or None."""
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        if isinstance(other, float):
            ctx = getcontext()
            if op in ('==', '!='):
                # Equality sets the flag but never traps.
                dict.__setitem__(ctx.flags, FloatOperation, True)
            else:
                ctx._signal(_FLOATOP)
            return Decimal.from_float(other)
        if isinstance(other, complex):
            if op in ('==', '!=') and other.imag == 0:
                dict.__setitem__(getcontext().flags, FloatOperation, True)
                return Decimal.from_float(other.real)
            return None
        num = getattr(other, 'numerator', None)
        den = getattr(other, 'denominator', None)
        if isinstance(num, int) and isinstance(den, int) and \
                not isinstance(other, (int, float)) and den > 0:
            import numbers
            if isinstance(other, numbers.Rational):
                return (num, den)
        return None

    def _rich(self, other, op):
        other = self._compare_with(other, op)
        if other is None:
            return NotImplemented
        if self._k >= _QNAN or (isinstance(other, Decimal) and other._k >= _QNAN):
            snan = self._k == _SNAN or (isinstance(other, Decimal)
                                        and other._k == _SNAN)
            if snan or op not in ('==', '!='):
                getcontext()._signal(_INV)
            return op == '!='
        if isinstance(other, tuple):
            num, den = other
            if self._k == _INF:
                r = -1 if self._s else 1
            else:
                scaled = self._scaled_by(den)
                r = _cmp(scaled, Decimal(num))
        else:
            r = _cmp(self, other)
        if op == '==':
            return r == 0
        if op == '!=':
            return r != 0
        if op == '<':
            return r < 0
        if op == '<=':
            return r <= 0
        if op == '>':
            return r > 0
        return r >= 0

    def _scaled_by(self, k):
        return _raw(self._s, self._c * k, self._e)

    def __eq__(self, other):
        return self._rich(other, '==')

    def __ne__(self, other):
        return self._rich(other, '!=')

    def __lt__(self, other):
        return self._rich(other, '<')

    def __le__(self, other):
        return self._rich(other, '<=')

    def __gt__(self, other):
        return self._rich(other, '>')

    def __ge__(self, other):
        return self._rich(other, '>=')

    def _compare_op(self, other, context, signal_all):
        other = _operand(other)
        ctx = _ctx(context)
        st = [0]
        if self._k >= _QNAN or other._k >= _QNAN:
            if signal_all:
                st[0] |= _INV
            result = _nan_result(self, other, st, ctx)
        else:
            result = Decimal(_cmp(self, other))
        ctx._signal(st[0])
        return result

    def compare(self, other, context=None):
        return self._compare_op(other, context, False)

    def compare_signal(self, other, context=None):
        return self._compare_op(other, context, True)

    def _total_key(self):
        """Sort key of the total ordering (for compare_total)."""
        if self._k == _QNAN:
            return (3, self._c)
        if self._k == _SNAN:
            return (2, self._c)
        return (0,)

    def compare_total(self, other, context=None):
        other = _operand(other)
        if self._s != other._s:
            return Decimal(-1) if self._s else Decimal(1)
        r = self._total_cmp_unsigned(other)
        return Decimal(-r if self._s else r)

    def _total_cmp_unsigned(self, other):
        rank_a = {_FINITE: 0, _INF: 1, _SNAN: 2, _QNAN: 3}[self._k]
        rank_b = {_FINITE: 0, _INF: 1, _SNAN: 2, _QNAN: 3}[other._k]
        if rank_a != rank_b:
            return 1 if rank_a > rank_b else -1
        if rank_a >= 2:
            return (self._c > other._c) - (self._c < other._c)
        if rank_a == 1:
            return 0
        r = _cmp_abs_finite(self, other)
        if r:
            return r
        return (self._e > other._e) - (self._e < other._e)

    def compare_total_mag(self, other, context=None):
        other = _operand(other)
        return Decimal(self._total_cmp_unsigned(other))

    # -- arithmetic -------------------------------------------------------------
    def _binary(self, other, context, name):
        other = _operand(other, strict=False)
        if other is NotImplemented:
            return other
        ctx = _ctx(context)
        st = [0]
        result = getattr(self, name)(other, ctx, st)
        ctx._signal(st[0])
        return result

    def _rbinary(self, other, name):
        other = _operand(other, strict=False)
        if other is NotImplemented:
            return other
        return other._binary(self, None, name)

    def _add_impl(self, other, ctx, st, negate=False):
        nan = _nan_result(self, other, st, ctx)
        if nan is not None:
            return nan
        osign = other._s ^ negate
        if self._k == _INF:
            if other._k == _INF and osign != self._s:
                return _invalid(st)
            return _raw(self._s, 0, 0, _INF)
        if other._k == _INF:
            return _raw(osign, 0, 0, _INF)
        return _add_exact(self, other, ctx, st, negate)

    def _sub_impl(self, other, ctx, st):
        return self._add_impl(other, ctx, st, True)

    def _mul_impl(self, other, ctx, st):
        nan = _nan_result(self, other, st, ctx)
        if nan is not None:
            return nan
        s = self._s ^ other._s
        if self._k == _INF or other._k == _INF:
            if not (self._k == _INF and other._k == _INF) and \
                    not (self._c if self._k == _FINITE else other._c):
                return _invalid(st)
            return _raw(s, 0, 0, _INF)
        return ctx._finish(s, self._c * other._c, self._e + other._e, st)

    def _div_impl(self, other, ctx, st):
        nan = _nan_result(self, other, st, ctx)
        if nan is not None:
            return nan
        s = self._s ^ other._s
        if self._k == _INF:
            if other._k == _INF:
                return _invalid(st)
            return _raw(s, 0, 0, _INF)
        if other._k == _INF:
            st[0] |= _CLAMPED
            return _raw(s, 0, ctx.Etiny())
        if not other._c:
            if not self._c:
                st[0] |= _DIVUNDEF
                return _raw(0, 0, 0, _QNAN)
            st[0] |= _DIVZERO
            return _raw(s, 0, 0, _INF)
        if not self._c:
            return ctx._finish(s, 0, self._e - other._e, st)
        c, e, exact = _divide_parts(self._c, self._e, other._c, other._e,
                                    ctx._prec)
        return ctx._finish(s, c, e, st)

    def _divmod_impl(self, other, ctx, st, want):
        """want: 'q' (//), 'r' (%) or 'qr' (divmod)."""
        nan = _nan_result(self, other, st, ctx)
        if nan is not None:
            return (nan, nan) if want == 'qr' else nan
        s = self._s ^ other._s
        if self._k == _INF:
            if other._k == _INF:
                r = _invalid(st)
                return (r, r) if want == 'qr' else r
            q = _raw(s, 0, 0, _INF)
            if want == 'q':
                return q
            r = _invalid(st)
            return (q, r) if want == 'qr' else r
        if other._k == _INF:
            q = _raw(s, 0, 0)
            if want == 'q':
                return q
            r = ctx._finish(self._s, self._c, self._e, st)
            return r if want == 'r' else (q, r)
        if not other._c:
            if not self._c:
                st[0] |= _DIVUNDEF
                r = _raw(0, 0, 0, _QNAN)
                return (r, r) if want == 'qr' else r
            if want == 'q':
                st[0] |= _DIVZERO
                return _raw(s, 0, 0, _INF)
            if want == 'r':
                return _invalid(st)
            st[0] |= _DIVZERO | _INV
            return (_raw(s, 0, 0, _INF), _raw(0, 0, 0, _QNAN))
        if _cmp_abs_finite(self, other) < 0:
            q_int = 0
            e = min(self._e, other._e)
            r_coef = self._c * 10 ** (self._e - e)
        else:
            adj_q = (self._e + _ndigits(self._c)) - (other._e + _ndigits(other._c))
            if adj_q > ctx._prec:
                st[0] |= _DIVIMP
                r = _raw(0, 0, 0, _QNAN)
                return (r, r) if want == 'qr' else r
            q_int, r_coef, e = _integer_quotient(self, other)
            if _ndigits(q_int) > ctx._prec:
                st[0] |= _DIVIMP
                r = _raw(0, 0, 0, _QNAN)
                return (r, r) if want == 'qr' else r
        if want == 'q':
            return ctx._finish(s, q_int, 0, st)
        r = ctx._finish(self._s, r_coef, e, st)
        if want == 'r':
            return r
        return ctx._finish(s, q_int, 0, st), r

    def _floordiv_impl(self, other, ctx, st):
        return self._divmod_impl(other, ctx, st, 'q')

    def _mod_impl(self, other, ctx, st):
        return self._divmod_impl(other, ctx, st, 'r')

    def __add__(self, other, context=None):
        return self._binary(other, context, '_add_impl')

    def __radd__(self, other):
        return self._rbinary(other, '_add_impl')

    def __sub__(self, other, context=None):
        return self._binary(other, context, '_sub_impl')

    def __rsub__(self, other):
        return self._rbinary(other, '_sub_impl')

    def __mul__(self, other, context=None):
        return self._binary(other, context, '_mul_impl')

    def __rmul__(self, other):
        return self._rbinary(other, '_mul_impl')

    def __truediv__(self, other, context=None):
        return self._binary(other, context, '_div_impl')

    def __rtruediv__(self, other):
        return self._rbinary(other, '_div_impl')

    def __floordiv__(self, other, context=None):
        return self._binary(other, context, '_floordiv_impl')

    def __rfloordiv__(self, other):
        return self._rbinary(other, '_floordiv_impl')

    def __mod__(self, other, context=None):
        return self._binary(other, context, '_mod_impl')

    def __rmod__(self, other):
        return self._rbinary(other, '_mod_impl')

    def __divmod__(self, other, context=None):
        other = _operand(other, strict=False)
        if other is NotImplemented:
            return other
        return self._divmod(other, _ctx(context))

    def __rdivmod__(self, other):
        other = _operand(other, strict=False)
        if other is NotImplemented:
            return other
        return other._divmod(self, getcontext())

    def _divmod(self, other, ctx):
        st = [0]
        result = self._divmod_impl(other, ctx, st, 'qr')
        ctx._signal(st[0])
        return result

    # Context-method spellings (Context.add etc. call these with context=).
    def _add(self, other, context=None):
        return self._binary(other, context, '_add_impl')

    def _sub(self, other, context=None):
        return self._binary(other, context, '_sub_impl')

    def _mul(self, other, context=None):
        return self._binary(other, context, '_mul_impl')

    def _div(self, other, context=None):
        return self._binary(other, context, '_div_impl')

    def _floordiv(self, other, context=None):
        return self._binary(other, context, '_floordiv_impl')

    def _mod(self, other, context=None):
        return self._binary(other, context, '_mod_impl')

    def _unary_round(self, context, sign):
        ctx = _ctx(context)
        st = [0]
        if self._k >= _QNAN:
            result = _nan_result(self, None, st, ctx)
        elif self._k == _INF:
            result = _raw(sign, 0, 0, _INF)
        else:
            if not self._c and ctx._rounding != ROUND_FLOOR:
                sign = 0
            result = ctx._finish(sign, self._c, self._e, st)
        ctx._signal(st[0])
        return result

    def __neg__(self, context=None):
        return self._unary_round(context, self._s ^ 1)

    def __pos__(self, context=None):
        return self._unary_round(context, self._s)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        return self._unary_round(context, 0)

    def _minus(self, context=None):
        return self.__neg__(context)

    def _plus(self, context=None):
        return self.__pos__(context)

    def _abs(self, context=None):
        return self.__abs__(context=context)

    def fma(self, other, third, context=None):
        other = _operand(other)
        third = _operand(third)
        ctx = _ctx(context)
        st = [0]
        nan = _nan_result(self, other, st, ctx, third)
        if nan is not None:
            result = nan
        else:
            wide = Context(prec=MAX_PREC, Emin=MIN_EMIN, Emax=MAX_EMAX)
            wide_st = [0]
            product = self._mul_impl(other, wide, wide_st)
            if wide_st[0] & _INV:
                st[0] |= _INV
                result = product
            else:
                result = product._add_impl(third, ctx, st)
        ctx._signal(st[0])
        return result

    # -- rounding to an exponent ------------------------------------------------
    def _rescale(self, exp, rounding):
        """(coefficient, inexact, dropped) of self moved to exponent exp."""
        if exp <= self._e:
            return self._c * 10 ** (self._e - exp), False, False
        c, inexact = _round_coef(self._c, exp - self._e, rounding, self._s)
        return c, inexact, True

    def quantize(self, exp, rounding=None, context=None):
        exp = _operand(exp)
        ctx = _ctx(context)
        if rounding is None:
            rounding = ctx._rounding
        elif rounding not in _ROUNDINGS:
            raise TypeError('valid values for rounding are:\n  [ROUND_CEILING,'
                            ' ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   '
                            'ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,'
                            '\n   ROUND_05UP]')
        st = [0]
        result = self._quantize(exp, rounding, ctx, st)
        ctx._signal(st[0])
        return result

    def _quantize(self, exp, rounding, ctx, st):
        nan = _nan_result(self, exp, st, ctx)
        if nan is not None:
            return nan
        if self._k == _INF or exp._k == _INF:
            if self._k == _INF and exp._k == _INF:
                return _raw(self._s, 0, 0, _INF)
            return _invalid(st)
        e = exp._e
        if not ctx.Etiny() <= e <= ctx._Emax:
            return _invalid(st)
        if not self._c:
            if ctx._clamp and e > ctx.Etop():
                st[0] |= _CLAMPED
                e = ctx.Etop()
            return _raw(self._s, 0, e)
        if self._e + _ndigits(self._c) - 1 - e >= ctx._prec and e < self._e + 1:
            return _invalid(st)
        c, inexact, dropped = self._rescale(e, rounding)
        if c and _ndigits(c) > ctx._prec:
            return _invalid(st)
        if c and e + _ndigits(c) - 1 > ctx._Emax:
            return _invalid(st)
        if dropped:
            st[0] |= _ROUNDED
            if inexact:
                st[0] |= _INEXACT
        if c and e + _ndigits(c) - 1 < ctx._Emin:
            st[0] |= _SUB
        if ctx._clamp and e > ctx.Etop():
            c *= 10 ** (e - ctx.Etop())
            e = ctx.Etop()
            st[0] |= _CLAMPED
        return _raw(self._s, c, e)

    def same_quantum(self, other, context=None):
        other = _operand(other)
        if self._k != _FINITE or other._k != _FINITE:
            return (self._k == other._k or
                    (self._k >= _QNAN and other._k >= _QNAN))
        return self._e == other._e

    def _to_integral(self, rounding, context, exact):
        ctx = _ctx(context)
        if rounding is None:
            rounding = ctx._rounding
        st = [0]
        if self._k >= _QNAN:
            result = _nan_result(self, None, st, ctx)
        elif self._k == _INF or self._e >= 0:
            result = self
        else:
            c, inexact, _ = self._rescale(0, rounding)
            result = _raw(self._s, c, 0)
            if exact and self._c:
                st[0] |= _ROUNDED | (_INEXACT if inexact else 0)
        ctx._signal(st[0])
        return result

    def to_integral_value(self, rounding=None, context=None):
        return self._to_integral(rounding, context, False)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        return self._to_integral(rounding, context, True)

    def normalize(self, context=None):
        ctx = _ctx(context)
        st = [0]
        if self._k >= _QNAN:
            result = _nan_result(self, None, st, ctx)
        elif self._k == _INF:
            result = self
        else:
            d = ctx._finish(self._s, self._c, self._e, st)
            if d._k != _FINITE:
                result = d
            elif not d._c:
                result = _raw(d._s, 0, 0)
            else:
                c, e = d._c, d._e
                top = ctx.Etop() if ctx._clamp else ctx._Emax
                while c % 10 == 0 and e < top:
                    c //= 10
                    e += 1
                result = _raw(d._s, c, e)
        ctx._signal(st[0])
        return result

    def remainder_near(self, other, context=None):
        other = _operand(other)
        ctx = _ctx(context)
        st = [0]
        result = self._remainder_near(other, ctx, st)
        ctx._signal(st[0])
        return result

    def _remainder_near(self, other, ctx, st):
        nan = _nan_result(self, other, st, ctx)
        if nan is not None:
            return nan
        if self._k == _INF:
            return _invalid(st)
        if other._k == _INF:
            return ctx._finish(self._s, self._c, self._e, st)
        if not other._c:
            if not self._c:
                st[0] |= _DIVUNDEF
                return _raw(0, 0, 0, _QNAN)
            return _invalid(st)
        if self._c and self.adjusted() - other.adjusted() > ctx._prec:
            st[0] |= _DIVIMP
            return _raw(0, 0, 0, _QNAN)
        e = min(self._e, other._e)
        va = self._c * 10 ** (self._e - e)
        vb = other._c * 10 ** (other._e - e)
        q, r = divmod(va, vb)
        if 2 * r > vb or (2 * r == vb and q & 1):
            q += 1
            r -= vb
        if _ndigits(q) > ctx._prec:
            st[0] |= _DIVIMP
            return _raw(0, 0, 0, _QNAN)
        sign = self._s
        if r < 0:
            sign ^= 1
            r = -r
        return ctx._finish(sign, r, e, st)

    # -- sign and class ------------------------------------------------------------
    def adjusted(self):
        if self._k != _FINITE:
            return 0
        return self._e + _ndigits(self._c) - 1

    def canonical(self):
        return self

    def is_canonical(self):
        return True

    def conjugate(self):
        return self

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def radix(self):
        return Decimal(10)

    def copy_abs(self):
        return _raw(0, self._c, self._e, self._k)

    def copy_negate(self):
        return _raw(self._s ^ 1, self._c, self._e, self._k)

    def copy_sign(self, other, context=None):
        other = _operand(other)
        return _raw(other._s, self._c, self._e, self._k)

    def is_finite(self):
        return self._k == _FINITE

    def is_infinite(self):
        return self._k == _INF

    def is_nan(self):
        return self._k >= _QNAN

    def is_qnan(self):
        return self._k == _QNAN

    def is_snan(self):
        return self._k == _SNAN

    def is_signed(self):
        return self._s == 1

    def is_zero(self):
        return self._k == _FINITE and not self._c

    def is_normal(self, context=None):
        ctx = _ctx(context)
        return self._k == _FINITE and self._c != 0 and \
            self.adjusted() >= ctx._Emin

    def is_subnormal(self, context=None):
        ctx = _ctx(context)
        return self._k == _FINITE and self._c != 0 and \
            self.adjusted() < ctx._Emin

    def number_class(self, context=None):
        ctx = _ctx(context)
        if self._k == _SNAN:
            return 'sNaN'
        if self._k == _QNAN:
            return 'NaN'
        sign = '-' if self._s else '+'
        if self._k == _INF:
            return sign + 'Infinity'
        if not self._c:
            return sign + 'Zero'
        if self.adjusted() < ctx._Emin:
            return sign + 'Subnormal'
        return sign + 'Normal'

    # -- max / min -----------------------------------------------------------------
    def _choose(self, other, context, want_max, by_magnitude):
        other = _operand(other)
        ctx = _ctx(context)
        st = [0]
        if self._k >= _QNAN or other._k >= _QNAN:
            if self._k == _SNAN or other._k == _SNAN or \
                    (self._k >= _QNAN and other._k >= _QNAN):
                result = _nan_result(self, other, st, ctx)
            else:
                pick = other if self._k >= _QNAN else self
                result = pick._plus_in(ctx, st)
        else:
            if by_magnitude:
                r = _cmp(self.copy_abs(), other.copy_abs())
            else:
                r = 0
            if r == 0:
                r = _cmp(self, other)
            if r == 0:
                r = self.compare_total(other)._signed_int()
            pick = self if (r > 0) == want_max else other
            if r == 0:
                pick = self
            result = pick._plus_in(ctx, st)
        ctx._signal(st[0])
        return result

    def _signed_int(self):
        return -self._c if self._s else self._c

    def _plus_in(self, ctx, st):
        if self._k != _FINITE:
            return self
        return ctx._finish(self._s, self._c, self._e, st)

    def max(self, other, context=None):
        return self._choose(other, context, True, False)

    def min(self, other, context=None):
        return self._choose(other, context, False, False)

    def max_mag(self, other, context=None):
        return self._choose(other, context, True, True)

    def min_mag(self, other, context=None):
        return self._choose(other, context, False, True)
