"""Fixed-point helpers for decimal's transcendental functions.

Contract: every function works on plain Python ints. A "fixed-point value
at scale w" is an int V standing for V / 10**w. ln_fixed and exp_fixed
return approximations whose error is below 2 units in the last place of
the returned scale; decimal.py wraps them in a loop that raises the
working precision until the rounding of the lower and upper error bounds
agree, which makes the final result correctly rounded.
"""

_constant_cache = {}


def ndigits(c):
    """Number of decimal digits of c >= 0 (0 counts as one digit)."""
    if c < 1 << 60:
        return len(str(c)) if c else 1
    # From the bit length, without converting a possibly huge int to text.
    k = int(c.bit_length() * 0.30102999566398120)
    return k + 1 if c >= 10 ** k else k


def _atanh_inverse_series(z, scale):
    # Sum of z**(2k+1)/(2k+1) for a fixed-point z (at `scale`) below 1/2
    # in size; an odd function, summed for |z| so the terms reach 0.
    if z < 0:
        return -_atanh_inverse_series(-z, scale)
    total = z
    term = z
    z2 = z * z // scale
    k = 3
    while term:
        term = term * z2 // scale
        total += term // k
        k += 2
    return total


def _ln2_ln10(w):
    """ln(2) and ln(10) at scale w + 5 guard digits (then cut to w)."""
    cached = _constant_cache.get(w)
    if cached is not None:
        return cached
    work = w + 5
    scale = 10 ** work
    ln2 = 2 * _atanh_inverse_series(scale // 3, scale)
    ln_five_quarters = 2 * _atanh_inverse_series(scale // 9, scale)
    ln10 = 3 * ln2 + ln_five_quarters
    cut = 10 ** 5
    result = (ln2 // cut, ln10 // cut)
    if len(_constant_cache) > 64:
        _constant_cache.clear()
    _constant_cache[w] = result
    return result


def ln_fixed(c, e, w):
    """ln(c * 10**e) for c > 0, as a fixed-point value at scale w."""
    n = ndigits(c)
    k = e + n - 1                      # x = m * 10**k with 1 <= m < 10
    if k in (-1, 0):
        # Between 1/2 and 2 the series applies to x itself, and no
        # constant (costly at a large scale) is needed.
        work = w + 8
        scale = 10 ** work
        x = c * 10 ** (work + e) if work + e >= 0 else c // 10 ** (-work - e)
        if scale <= 2 * x < 4 * scale:
            z = (x - scale) * scale // (x + scale)
            return 2 * _atanh_inverse_series(z, scale) // 10 ** 8
    guard = 8 + len(str(abs(k)))
    work = w + guard
    scale = 10 ** work
    # m as fixed point at scale `work`.
    shift = work - (n - 1)
    if shift >= 0:
        m = c * 10 ** shift
    else:
        m = c // 10 ** (-shift)
    j = 0
    while m >= 2 * scale:
        m //= 2
        j += 1
    z = (m - scale) * scale // (m + scale)
    ln_m = 2 * _atanh_inverse_series(z, scale)
    ln2, ln10 = _ln2_ln10(work)
    total = ln_m + j * ln2 + k * ln10
    return total // 10 ** guard


def exp_fixed(x, w):
    """exp(X / 10**w) for a fixed-point X at scale w.

    Returns (v, q) with exp(X / 10**w) ~= v * 10**q, v carrying about w
    significant digits."""
    guard = 12
    work = w + guard
    scale = 10 ** work
    xs = x * 10 ** guard
    extra = len(str(abs(x) // 10 ** w + 1))
    ln2, ln10 = _ln2_ln10(work + extra)
    ln10_w = ln10 // 10 ** extra
    # exp(x) = 10**n * exp(r) with |r| <= ln(10)/2.
    n = (2 * xs + ln10_w) // (2 * ln10_w)
    r = (xs * 10 ** extra - n * ln10) // 10 ** extra
    # Halve r until it is small, sum the Taylor series, square back up.
    halvings = 0
    while abs(r) * 1000 > scale:
        r //= 2
        halvings += 1
    total = scale
    term = scale
    i = 1
    while term:
        term = term * r // (scale * i)
        total += term
        i += 1
    for _ in range(halvings):
        total = total * total // scale
    return total // 10 ** guard, n - w


# Python ints refuse decimal conversions beyond sys.get_int_max_str_digits()
# digits; Decimal coefficients have no such limit, so long ones are
# converted in halves.
_SHORT = 4000
_SHORT_LIMIT = 10 ** _SHORT


def coef_str(c):
    if c < _SHORT_LIMIT:
        return str(c)
    half = ndigits(c) // 2
    high, low = divmod(c, 10 ** half)
    return coef_str(high) + coef_str(low).rjust(half, '0')


def coef_int(digits):
    if len(digits) <= _SHORT:
        return int(digits)
    half = len(digits) // 2
    return coef_int(digits[:-half]) * 10 ** half + coef_int(digits[-half:])
