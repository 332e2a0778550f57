"""Basic statistics of numeric data (CPython 3.11's statistics, without NormalDist).

Averages, spreads and quantiles compute exactly on the data's ratios
(ints, floats and Fractions) and return the data's own type where CPython
does (float when an int result is not whole); stdev and pstdev are
correctly rounded square roots of the exact variance. Decimal data is not
supported (gilvm has no decimal module).
"""
import math
import numbers
from bisect import bisect_left, bisect_right
from collections import Counter, namedtuple
from fractions import Fraction
from itertools import repeat

__all__ = ["StatisticsError", "correlation", "covariance", "fmean", "geometric_mean",
           "harmonic_mean", "linear_regression", "mean", "median", "median_grouped", "median_high",
           "median_low", "mode", "multimode", "pstdev", "pvariance", "quantiles", "stdev", "variance"]


class StatisticsError(ValueError):
    pass


# ---------------------------------------------------------------- exact sums

def _exact_ratio(x):
    """(numerator, denominator) of x exactly; (x, None) for inf and nan."""
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        return (x, None)
    try:
        return (x.numerator, x.denominator)
    except AttributeError:
        raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator")


def _coerce(T, S):
    """The type a mix of T and S values is reported in."""
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    if issubclass(T, Fraction) and issubclass(S, float):
        return S
    if issubclass(T, float) and issubclass(S, Fraction):
        return T
    raise TypeError("can't convert type '%s' to '%s'" % (T.__name__, S.__name__))


def _sum(data):
    """(type, exact total, count) of data; the total is a Fraction unless
    the data holds inf or nan."""
    count = 0
    T = int
    partials = {}
    for x in data:
        T = _coerce(T, type(x))
        n, d = _exact_ratio(x)
        count += 1
        partials[d] = partials.get(d, 0) + n
    if None in partials:
        total = partials[None]
    else:
        total = sum((Fraction(n, d) for d, n in partials.items()), Fraction(0))
    return (T, total, count)


def _ss(data, c=None):
    """(type, sum of squared deviations, mean used, count)."""
    if c is not None:
        T, ssd, count = _sum((x - c) * (x - c) for x in data)
        return (T, ssd, c, count)
    values = list(data)
    T = int
    for x in values:
        T = _coerce(T, type(x))
    count = len(values)
    ratios = [_exact_ratio(x) for x in values]
    if not count:
        ssd = c = Fraction(0)
    elif any(d is None for _, d in ratios):
        ssd = c = sum(n for n, d in ratios if d is None)
    else:
        sx = sum((Fraction(n, d) for n, d in ratios), Fraction(0))
        sxx = sum((Fraction(n * n, d * d) for n, d in ratios), Fraction(0))
        ssd = (count * sxx - sx * sx) / count
        c = sx / count
    return (T, ssd, c, count)


def _convert(value, T):
    """value (usually a Fraction) as type T (float instead of a non-whole int)."""
    if type(value) is T:
        return value
    if issubclass(T, int) and value.denominator != 1:
        T = float
    try:
        return T(value)
    except TypeError:
        # Decimal takes no Fraction: divide in the Decimal context, as
        # CPython's statistics does.
        if hasattr(T, 'quantize') and hasattr(value, 'denominator'):
            return T(value.numerator) / value.denominator
        raise


def _fail_negative(values, message):
    for x in values:
        if x < 0:
            raise StatisticsError(message)
        yield x


def _float_sqrt_of_frac(n, m):
    """The square root of n/m, correctly rounded to a float."""
    # Take enough bits of the root that rounding the integer quotient
    # (with the inexactness kept in the lowest bit: round to odd) gives the
    # correctly rounded double.
    width = 2 * 53 + 3
    q = (n.bit_length() - m.bit_length() - width) // 2
    if q >= 0:
        root = _isqrt_frac_round_to_odd(n, m << 2 * q) << q
        return root / 1
    root = _isqrt_frac_round_to_odd(n << -2 * q, m)
    return root / (1 << -q)


def _isqrt_frac_round_to_odd(n, m):
    a = math.isqrt(n // m)
    return a | (a * a * m != n)


# ---------------------------------------------------------------- averages

def mean(data):
    """The arithmetic mean of data."""
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    return _convert(total / n, T)


def fmean(data, weights=None):
    """The mean of data as a float (fast)."""
    if weights is None:
        try:
            n = len(data)
        except TypeError:
            data = list(data)
            n = len(data)
        total = math.fsum(data)
        if not n:
            raise StatisticsError("fmean requires at least one data point")
        return total / n
    try:
        num_weights = len(weights)
    except TypeError:
        weights = list(weights)
        num_weights = len(weights)
    try:
        data_len = len(data)
    except TypeError:
        data = list(data)
        data_len = len(data)
    if data_len != num_weights:
        raise StatisticsError("data and weights must be the same length")
    num = math.fsum(x * w for x, w in zip(data, weights))
    den = math.fsum(weights)
    if not den:
        raise StatisticsError("sum of weights must be non-zero")
    return num / den


def geometric_mean(data):
    """The geometric mean of positive data, as a float."""
    try:
        return math.exp(fmean(map(math.log, data)))
    except ValueError:
        raise StatisticsError("geometric mean requires a non-empty dataset containing positive numbers") from None


def harmonic_mean(data, weights=None):
    """The harmonic mean of non-negative data (optionally weighted)."""
    if iter(data) is data:
        data = list(data)
    errmsg = "harmonic mean does not support negative values"
    n = len(data)
    if n < 1:
        raise StatisticsError("harmonic_mean requires at least one data point")
    elif n == 1 and weights is None:
        x = data[0]
        if isinstance(x, numbers.Real):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        raise TypeError("unsupported type")
    if weights is None:
        weights = repeat(1, n)
        sum_weights = n
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != n:
            raise StatisticsError("Number of weights does not match data size")
        _, sum_weights, _ = _sum(w for w in _fail_negative(weights, errmsg))
    try:
        data = _fail_negative(data, errmsg)
        T, total, count = _sum(w / x if w else 0 for w, x in zip(weights, data))
    except ZeroDivisionError:
        return 0
    if total <= 0:
        raise StatisticsError("Weighted sum must be positive")
    return _convert(sum_weights / total, T)


def median(data):
    """The middle value of data, or the mean of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    """The lower of the two middle values when there are two."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    """The higher of the two middle values when there are two."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1.0):
    """The 50th percentile of grouped continuous data (class width interval), a float."""
    data = sorted(data)
    n = len(data)
    if not n:
        raise StatisticsError("no median for empty data")
    x = data[n // 2]
    first = bisect_left(data, x)
    past = bisect_right(data, x, lo=first)
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError("Value cannot be converted to a float")
    lower = x - interval / 2.0
    return lower + interval * (n / 2 - first) / (past - first)


def mode(data):
    """The most common value (the first seen among equally common ones)."""
    pairs = Counter(iter(data)).most_common(1)
    try:
        return pairs[0][0]
    except IndexError:
        raise StatisticsError("no mode for empty data") from None


def multimode(data):
    """Every most common value, in the order first seen."""
    counts = Counter(iter(data))
    if not counts:
        return []
    maxfreq = max(counts.values())
    return [value for value, count in counts.items() if count == maxfreq]


def quantiles(data, *, n=4, method="exclusive"):
    """The n-1 cut points dividing data into n groups of equal probability."""
    if n < 1:
        raise StatisticsError("n must be at least 1")
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError("must have at least two data points")
    result = []
    if method == "inclusive":
        m = ld - 1
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == "exclusive":
        m = ld + 1
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError(f"Unknown method: {method!r}")


# ---------------------------------------------------------------- spread

def variance(data, xbar=None):
    """The sample variance of data (n - 1 in the denominator)."""
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("variance requires at least two data points")
    return _convert(ss / (n - 1), T)


def pvariance(data, mu=None):
    """The population variance of data."""
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pvariance requires at least one data point")
    return _convert(ss / n, T)


def _sqrt_of(value, T=float):
    if isinstance(value, Fraction):
        if hasattr(T, 'quantize'):
            return _decimal_sqrt_of_frac(value.numerator, value.denominator, T)
        return _float_sqrt_of_frac(value.numerator, value.denominator)
    return math.sqrt(value)


def _decimal_sqrt_of_frac(n, m, T):
    """The square root of n/m >= 0 as a Decimal T, correctly rounded to
    the current context."""
    if not n:
        return T('0.0')
    import decimal
    prec = decimal.getcontext().prec
    # Scale by 10**(2k) so the integer root has prec + 2 or more digits;
    # a final 1 stands for any inexact remainder, so the context's one
    # rounding of the scaled root is correct.
    k = max(0, prec + 3 - (len(str(n)) - len(str(m))) // 2)
    quotient, remainder = divmod(n * 10 ** (2 * k), m)
    root = math.isqrt(quotient)
    if remainder == 0 and root * root == quotient:
        return (T(n) / T(m)).sqrt()     # exact: the ideal exponent
    sticky = 1
    digits = tuple(int(ch) for ch in str(root * 10 + sticky))
    return +T((0, digits, -k - 1))


def stdev(data, xbar=None):
    """The sample standard deviation of data."""
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("stdev requires at least two data points")
    return _sqrt_of(ss / (n - 1), T)


def pstdev(data, mu=None):
    """The population standard deviation of data."""
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pstdev requires at least one data point")
    return _sqrt_of(ss / n, T)


# ---------------------------------------------------------------- two inputs

def covariance(x, y, /):
    """The sample covariance of x and y."""
    n = len(x)
    if len(y) != n:
        raise StatisticsError("covariance requires that both inputs have same number of data points")
    if n < 2:
        raise StatisticsError("covariance requires at least two data points")
    xbar = math.fsum(x) / n
    ybar = math.fsum(y) / n
    sxy = math.fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
    return sxy / (n - 1)


def correlation(x, y, /):
    """Pearson's correlation coefficient of x and y."""
    n = len(x)
    if len(y) != n:
        raise StatisticsError("correlation requires that both inputs have same number of data points")
    if n < 2:
        raise StatisticsError("correlation requires at least two data points")
    xbar = math.fsum(x) / n
    ybar = math.fsum(y) / n
    sxy = math.fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
    sxx = math.fsum((d := xi - xbar) * d for xi in x)
    syy = math.fsum((d := yi - ybar) * d for yi in y)
    try:
        return sxy / math.sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError("at least one of the inputs is constant")


LinearRegression = namedtuple("LinearRegression", ("slope", "intercept"))


def linear_regression(x, y, /, *, proportional=False):
    """Slope and intercept of the least-squares line through (x, y)."""
    n = len(x)
    if len(y) != n:
        raise StatisticsError("linear regression requires that both inputs have same number of data points")
    if n < 2:
        raise StatisticsError("linear regression requires at least two data points")
    if proportional:
        sxy = math.fsum(xi * yi for xi, yi in zip(x, y))
        sxx = math.fsum(xi * xi for xi in x)
    else:
        xbar = math.fsum(x) / n
        ybar = math.fsum(y) / n
        sxy = math.fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
        sxx = math.fsum((d := xi - xbar) * d for xi in x)
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError("x is constant")
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)
