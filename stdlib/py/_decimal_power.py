"""Powers, roots, logarithms and digit-wise operations of decimal.Decimal.

Contract: PowerMixin is a base class of Decimal; its module globals are
filled in by _decimal_number._install (Decimal, _raw, the status bits,
Context ...). exp, ln and log10 are correctly rounded (half-even) by
Ziv's method: the fixed-point approximations of _decimal_math are
recomputed with more digits until both ends of their error interval round
to the same result. Powers with integral exponents are exact before the
single final rounding whenever the exact result is of reasonable size.
"""


def _ziv(approximate, prec, start, rounding='ROUND_HALF_EVEN', sign=0,
         limit=None):
    """Round a transcendental value to prec digits.

    approximate(w) returns (v, q): value ~= v * 10**q with an error below
    4 units of v, where v has about w digits. Returns (coef, exp)."""
    w = start
    if limit is None:
        limit = prec * 8 + 400
    while True:
        v, q = approximate(w)
        lo = _round_sig(max(v - 4, 1), q, prec, rounding, sign)
        hi = _round_sig(v + 4, q, prec, rounding, sign)
        if lo == hi or w > limit:
            c, e = hi
            pad = prec - _ndigits(c)
            if pad > 0:
                c *= 10 ** pad
                e -= pad
            return c, e
        w *= 2


def _half_even(ctx):
    work = ctx.copy()
    object.__setattr__(work, '_rounding', ROUND_HALF_EVEN)
    return work


def _round_inexact(approximate, start, ctx, st, sign):
    """Correctly round an inexact transcendental value to ctx (whose
    rounding decides), redoing the rounding at the subnormal precision
    when the value lies below Emin."""
    prec = ctx._prec
    c, e = _ziv(approximate, prec, start, ctx._rounding, sign)
    adj = e + _ndigits(c) - 1
    st[0] |= _INEXACT | _ROUNDED
    if adj > ctx._Emax:
        return ctx._overflow(sign, st)
    if adj < ctx._Emin:
        # Subnormal: round once, straight to the exponent Etiny.
        etiny = ctx.Etiny()
        w = start
        while True:
            v, q = approximate(w)
            lo, _ = _round_coef(max(v - 4, 0), etiny - q, ctx._rounding, sign)
            hi, _ = _round_coef(v + 4, etiny - q, ctx._rounding, sign)
            if lo == hi or w > prec * 8 + 400:
                break
            w *= 2
        st[0] |= _SUB | _UNF
        if not hi:
            st[0] |= _CLAMPED
        return _raw(sign, hi, etiny)
    return ctx._finish(sign, c * 10 + 1, e - 1, st)


def _fixed_of(d, w):
    """d (finite) as a fixed-point int at scale w (truncated)."""
    if d._e + w >= 0:
        v = d._c * 10 ** (d._e + w)
    else:
        v = d._c // 10 ** (-d._e - w)
    return -v if d._s else v


class PowerMixin(object):
    __slots__ = ()

    # -- square root -----------------------------------------------------------
    def sqrt(self, context=None):
        ctx = _ctx(context)
        st = [0]
        result = self._sqrt(ctx, st)
        ctx._signal(st[0])
        return result

    def _sqrt(self, ctx, st):
        if self._k >= _QNAN:
            return _nan_result(self, None, st, ctx)
        if not self._c and self._k == _FINITE:
            return ctx._finish(self._s, 0, self._e // 2, st)
        if self._s:
            return _invalid(st)
        if self._k == _INF:
            return self
        prec = ctx._prec
        c, e = self._c, self._e
        ideal = e // 2
        if e & 1:
            c *= 10
            e -= 1
        shift = prec + 1 - (_ndigits(c) + 1) // 2
        if shift >= 0:
            n = c * 10 ** (2 * shift)
            rest = 0
        else:
            n, rest = divmod(c, 10 ** (-2 * shift))
        r = _math.isqrt(n)
        re = e // 2 - shift
        if r * r == n and not rest:
            while re < ideal and r % 10 == 0:
                r //= 10
                re += 1
        else:
            r = r * 10 + 1
            re -= 1
        work = ctx.copy()
        object.__setattr__(work, '_rounding', ROUND_HALF_EVEN)
        return work._finish(0, r, re, st)

    # -- exponential and logarithms ----------------------------------------------
    def exp(self, context=None):
        ctx = _ctx(context)
        st = [0]
        result = self._exp(ctx, st)
        ctx._signal(st[0])
        return result

    def _exp(self, ctx, st):
        if self._k >= _QNAN:
            return _nan_result(self, None, st, ctx)
        if self._k == _INF:
            return _raw(0, 0, 0) if self._s else self
        if not self._c:
            return _raw(0, 1, 0)
        prec = ctx._prec
        adj = self.adjusted()
        if adj >= 20:
            # Far beyond any exponent range: overflow or underflow.
            if self._s:
                return _half_even(ctx)._finish(0, 1, ctx.Etiny() - 10, st)
            return _half_even(ctx)._overflow(0, st)
        def approximate(w):
            return _dm.exp_fixed(_fixed_of(self, w), w)
        return _round_inexact(approximate, prec + 8, _half_even(ctx), st, 0)

    def _ln_checks(self, ctx, st):
        if self._k >= _QNAN:
            return _nan_result(self, None, st, ctx)
        if not self._c and self._k == _FINITE:
            return _raw(1, 0, 0, _INF)
        if self._s:
            return _invalid(st)
        if self._k == _INF:
            return self
        return None

    def ln(self, context=None):
        ctx = _ctx(context)
        st = [0]
        result = self._ln_checks(ctx, st)
        if result is None:
            result = self._log(ctx, st, False)
        ctx._signal(st[0])
        return result

    def log10(self, context=None):
        ctx = _ctx(context)
        st = [0]
        result = self._ln_checks(ctx, st)
        if result is None:
            result = self._log(ctx, st, True)
        ctx._signal(st[0])
        return result

    def _log(self, ctx, st, base10):
        c, e = self._c, self._e
        if c % 10 == 0:
            stripped = str(c).rstrip('0') if c < 10 ** 4000 else None
            if stripped is not None:
                e += _ndigits(c) - len(stripped)
                c = int(stripped)
        if c == 1:
            if not base10 and e == 0:
                return _raw(0, 0, 0)
            if base10:
                return ctx._finish(1 if e < 0 else 0, abs(e), 0, st)
        prec = ctx._prec
        # Near 1 the logarithm is tiny: start with enough digits.
        extra = 0
        if self.adjusted() in (-1, 0):
            exact = Context(prec=MAX_PREC, Emin=MIN_EMIN, Emax=MAX_EMAX)
            near = _add_exact(self, Decimal(1), exact, [0], True)
            if near._c:
                extra = max(0, -near.adjusted())
        start = prec + 8

        def approximate(w):
            # w significant digits: the scale grows by the leading zeros
            # of a logarithm near 0, while ln(10) needs only w digits.
            scale = w + extra
            v = _dm.ln_fixed(c, e, scale)
            if base10:
                _, ln10 = _dm._ln2_ln10(w + 5)
                v = v * 10 ** (w + 5) // ln10
            return abs(v), -scale
        sign = 1 if (self.adjusted() < 0) else 0
        return _round_inexact(approximate, start, _half_even(ctx), st, sign)

    def logb(self, context=None):
        ctx = _ctx(context)
        st = [0]
        if self._k >= _QNAN:
            result = _nan_result(self, None, st, ctx)
        elif self._k == _INF:
            result = _raw(0, 0, 0, _INF)
        elif not self._c:
            st[0] |= _DIVZERO
            result = _raw(1, 0, 0, _INF)
        else:
            adj = self.adjusted()
            result = ctx._finish(1 if adj < 0 else 0, abs(adj), 0, st)
        ctx._signal(st[0])
        return result

    def scaleb(self, other, context=None):
        other = _operand(other)
        ctx = _ctx(context)
        st = [0]
        result = _nan_result(self, other, st, ctx)
        if result is None:
            limit = 2 * (ctx._Emax + ctx._prec)
            if other._k != _FINITE or other._e != 0 or \
                    other._c > limit:
                result = _invalid(st)
            elif self._k == _INF:
                result = self
            else:
                shift = -other._c if other._s else other._c
                result = ctx._finish(self._s, self._c, self._e + shift, st)
        ctx._signal(st[0])
        return result

    # -- neighbours ------------------------------------------------------------------
    def _step(self, ctx, up):
        st = [0]
        if self._k >= _QNAN:
            result = _nan_result(self, None, st, ctx)
            return result, st[0]
        if self._k == _INF:
            if (self._s == 0) == up:
                return self, 0
            largest = _raw(self._s, 10 ** ctx._prec - 1, ctx.Etop())
            return largest, 0
        work = ctx.copy()
        object.__setattr__(work, '_rounding',
                           ROUND_CEILING if up else ROUND_FLOOR)
        # A value between representable numbers moves to the next one by
        # rounding alone; a representable one by adding a tiny amount.
        inexact = [0]
        rounded = work._finish(self._s, self._c, self._e, inexact)
        if inexact[0] & _INEXACT:
            return rounded, 0
        tiny = _raw(0 if up else 1, 1, ctx.Etiny() - 1)
        result = _add_exact(self, tiny, work, [0])
        return result, 0

    def next_plus(self, context=None):
        ctx = _ctx(context)
        result, status = self._step(ctx, True)
        ctx._signal(status)
        return result

    def next_minus(self, context=None):
        ctx = _ctx(context)
        result, status = self._step(ctx, False)
        ctx._signal(status)
        return result

    def next_toward(self, other, context=None):
        other = _operand(other)
        ctx = _ctx(context)
        st = [0]
        result = _nan_result(self, other, st, ctx)
        if result is None:
            r = _cmp(self, other)
            if r == 0:
                result = self.copy_sign(other)
            else:
                result, status = self._step(ctx, r < 0)
                if result._k == _INF:
                    st[0] |= _OVF | _INEXACT | _ROUNDED
                elif result.adjusted() < ctx._Emin:
                    st[0] |= _UNF | _SUB | _INEXACT | _ROUNDED
                    if not result._c:
                        st[0] |= _CLAMPED
        ctx._signal(st[0])
        return result

    # -- powers ------------------------------------------------------------------------
    def __pow__(self, other, modulo=None, context=None):
        other = _operand(other, strict=False)
        if other is NotImplemented:
            return other
        ctx = _ctx(context)
        if modulo is not None:
            modulo = _operand(modulo, strict=False)
            if modulo is NotImplemented:
                return modulo
            return self._pow_mod(other, modulo, ctx)
        return self._pow(other, ctx)

    def __rpow__(self, other, modulo=None):
        other = _operand(other, strict=False)
        if other is NotImplemented:
            return other
        return other.__pow__(self, modulo)

    def _pow_mod(self, other, modulo, ctx):
        st = [0]
        result = _nan_result(self, other, st, ctx, modulo)
        if result is None:
            ok = all(x._k == _FINITE and x._integral_value() is not None
                     for x in (self, other, modulo))
            if not ok or other._s or not modulo._c or \
                    _ndigits(modulo._integral_value()) > ctx._prec or \
                    (not self._c and not other._c):
                result = _invalid(st)
            else:
                base = abs(self._integral_value())
                exp = other._integral_value()
                mod = abs(modulo._integral_value())
                value = pow(base, exp, mod)
                sign = self._s if exp & 1 else 0
                result = _raw(sign, value, 0)
        ctx._signal(st[0])
        return result

    def _integral_value(self):
        """The int value of a finite integral Decimal, else None."""
        if self._e >= 0:
            if self._e > 10 ** 6:
                return None
            v = self._c * 10 ** self._e
        else:
            q, r = divmod(self._c, 10 ** (-self._e)) if -self._e <= \
                _ndigits(self._c) else (0, self._c)
            if r:
                return None
            v = q
        return -v if self._s else v

    def _pow(self, other, ctx):
        st = [0]
        result = self._pow_impl(other, ctx, st)
        ctx._signal(st[0])
        return result

    def _pow_impl(self, other, ctx, st):
        nan = _nan_result(self, other, st, ctx)
        if nan is not None:
            return nan
        y_int = other._integral_value() if other._k == _FINITE else None
        odd = y_int is not None and y_int & 1
        if not other._c and other._k == _FINITE:
            if not self._c and self._k == _FINITE:
                return _invalid(st)
            return _raw(0, 1, 0)
        if self._s and (self._c or self._k == _INF):
            if y_int is None and other._k == _FINITE:
                return _invalid(st)
        sign = self._s if odd else 0
        if self._k == _FINITE and not self._c:
            if self._s and other._k != _INF and y_int is None:
                sign = 0
            if other._s:
                return _raw(sign, 0, 0, _INF)
            return _raw(sign, 0, 0)
        if self._k == _INF:
            if other._s:
                return _raw(sign, 0, 0)
            return _raw(sign, 0, 0, _INF)
        if other._k == _INF:
            if self._s:
                return _invalid(st)
            r = _cmp(self, Decimal(1))
            if r == 0:
                st[0] |= _INEXACT | _ROUNDED
                return ctx._finish(0, 10 ** (ctx._prec - 1), 1 - ctx._prec, st)
            if (r < 0) != (other._s == 1):
                return _raw(0, 0, 0)
            return _raw(0, 0, 0, _INF)
        if y_int is not None:
            return self._pow_integer(y_int, sign, ctx, st)
        return self._pow_real(other, ctx, st)

    def _pow_integer(self, n, sign, ctx, st):
        # A power of +-1 is exact and left unrounded, as in CPython.
        if self._e <= 0 and self._c == 10 ** -self._e:
            if n < 0:
                return _raw(sign, 1, 0)
            shift = -self._e * n
            if shift < ctx._prec:
                return _raw(sign, 10 ** shift, -shift)
        # Certain overflow or underflow is settled without powering.
        big = (self.adjusted() >= 0) == (n > 0)
        room = len(str(ctx._Emax)) if big else len(str(-ctx.Etiny()))
        if self._c_log_bound(abs(n)) > room:
            if big:
                return ctx._overflow(sign, st)
            return ctx._finish(sign, 1, ctx.Etiny() - 1, st)
        # Binary powering in a wider half-even context, then one final
        # rounding, as CPython's C implementation does.
        work = Context(prec=ctx._prec + _ndigits(abs(n)) + 2,
                       rounding=ROUND_HALF_EVEN, Emin=ctx._Emin,
                       Emax=ctx._Emax, clamp=0, traps=[])
        base = self.copy_abs()
        if n < 0:
            object.__setattr__(work, '_prec', work._prec + 1)
            base = Decimal(1)._div_impl(base, work, st)
        n = abs(n)
        result = base
        bit = 1 << (n.bit_length() - 1)
        while bit > 1:
            bit >>= 1
            result = result._mul_impl(result, work, st)
            if n & bit:
                result = result._mul_impl(base, work, st)
            if result._k != _FINITE or (not result._c and st[0] & _CLAMPED):
                break
        if result._k == _INF:
            return ctx._finish(sign, 1, MAX_EMAX * 4, st)
        return ctx._finish(sign, result._c, result._e, st)

    def _c_log_bound(self, count):
        """About log10(count * |log10(|self|)|): the size of the result's
        exponent, used to spot certain overflow and underflow."""
        magnitude = (_math.log10(self._c) + self._e) if self._c < 10 ** 300 \
            else _ndigits(self._c) - 1 + self._e
        if abs(magnitude) < 1e-6:
            # Near 1, log10(x) ~ (x - 1) / ln(10): size it from x - 1.
            exact = Context(prec=MAX_PREC, Emin=MIN_EMIN, Emax=MAX_EMAX)
            near = _add_exact(self.copy_abs(), Decimal(1), exact, [0], True)
            if not near._c:
                return -1
            return near.adjusted() - 1 + _ndigits(count) - 1
        return _math.floor(_math.log10(abs(magnitude))) + _ndigits(count) - 1

    def _pow_real(self, other, ctx, st):
        prec = ctx._prec
        y_adj = max(0, other.adjusted()) + 2
        # The result's magnitude decides overflow before any real work.
        ln_estimate = (_math.log10(self._c) + self._e) if self._c < 10 ** 300 \
            else _ndigits(self._c) - 1 + self._e
        y_float = float(other)
        if ln_estimate * y_float > ctx._Emax + 5:
            return ctx._overflow(0, st)
        if ln_estimate * y_float < ctx.Etiny() - 5:
            return ctx._finish(0, 1, ctx.Etiny() - 10, st)

        def approximate(w):
            wl = w + y_adj + 2
            lx = _dm.ln_fixed(self._c, self._e, wl)
            prod = lx * other._c
            if other._e >= 0:
                prod *= 10 ** other._e
            else:
                prod //= 10 ** (-other._e)
            prod //= 10 ** (y_adj + 2)
            if other._s:
                prod = -prod
            return _dm.exp_fixed(prod, w)
        # Like CPython: a half-even result with 23 more digits, rounded
        # again to the context (so 4 ** 0.5 gives 2.000...).
        wide = max(_ndigits(self._c), prec) + 23
        work = Context(prec=wide, rounding=ROUND_HALF_EVEN, Emin=ctx._Emin,
                       Emax=ctx._Emax, clamp=0, traps=[])
        inner = _round_inexact(approximate, wide + 2, work, st, 0)
        if inner._k == _INF:
            return ctx._finish(0, 1, MAX_EMAX * 4, st)
        if inner._c == 10 ** (wide - 1) and inner._e == 1 - wide:
            return ctx._finish(0, 10 ** (prec - 1), 1 - prec, st)
        # Like CPython, the wide half-even result is rounded again as if
        # it were exact (a double rounding).
        return ctx._finish(0, inner._c, inner._e, st)

    # -- digit-wise operations ------------------------------------------------------
    def _logical_digits(self, ctx):
        if self._k != _FINITE or self._s or self._e != 0:
            return None
        text = _dm.coef_str(self._c)
        if any(ch not in '01' for ch in text):
            return None
        # Like CPython, only the low prec digits take part.
        return text.rjust(ctx._prec, '0')[-ctx._prec:]

    def _logical(self, other, context, combine):
        other = _operand(other)
        ctx = _ctx(context)
        st = [0]
        a = self._logical_digits(ctx)
        b = other._logical_digits(ctx)
        if a is None or b is None:
            result = _invalid(st)
        else:
            digits = ''.join(combine(x, y) for x, y in zip(a, b))
            result = _raw(0, _dm.coef_int(digits), 0)
        ctx._signal(st[0])
        return result

    def logical_and(self, other, context=None):
        return self._logical(other, context,
                             lambda x, y: '1' if x == y == '1' else '0')

    def logical_or(self, other, context=None):
        return self._logical(other, context,
                             lambda x, y: '1' if '1' in (x, y) else '0')

    def logical_xor(self, other, context=None):
        return self._logical(other, context,
                             lambda x, y: '1' if x != y else '0')

    def logical_invert(self, context=None):
        ctx = _ctx(context)
        return self._logical(_raw(0, int('1' * ctx._prec), 0), ctx,
                             lambda x, y: '1' if x != y else '0')

    def _shift_like(self, other, context, rotate):
        other = _operand(other)
        ctx = _ctx(context)
        st = [0]
        result = _nan_result(self, other, st, ctx)
        prec = ctx._prec
        if result is None:
            if other._k != _FINITE or other._e != 0 or other._c > prec:
                result = _invalid(st)
            elif self._k == _INF:
                result = self
            else:
                k = -other._c if other._s else other._c
                digits = _dm.coef_str(self._c).rjust(prec, '0')[-prec:]
                if rotate:
                    k %= prec
                    digits = digits[k:] + digits[:k]
                elif k >= 0:
                    digits = (digits + '0' * k)[-prec:]
                else:
                    digits = ('0' * -k + digits)[:prec]
                result = _raw(self._s, _dm.coef_int(digits), self._e)
        ctx._signal(st[0])
        return result

    def rotate(self, other, context=None):
        return self._shift_like(other, context, True)

    def shift(self, other, context=None):
        return self._shift_like(other, context, False)

