# numbers (the ABCs), fractions.Fraction and statistics.
import math
import numbers
import statistics
from fractions import Fraction as F


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


print(isinstance(1, numbers.Integral), isinstance(1.5, numbers.Real), isinstance(1.5, numbers.Rational),
      isinstance(1.5, numbers.Complex), isinstance(True, numbers.Number), isinstance(F(1, 2), numbers.Rational),
      isinstance("x", numbers.Number), issubclass(numbers.Integral, numbers.Complex))

print(F(6, 4), repr(F(6, 4)), F(-3, -6), F(3, -6), F(5), F(), F("3/4"), F(" -1.25e1 "), F("7"), F(0.1), F(F(1, 3), F(2, 3)))
print(F(1, 3) + F(1, 6), F(1, 3) - 1, 2 * F(3, 4), F(3, 4) / F(3, 8), F(7, 2) // 2, F(7, 2) % 1, divmod(F(7, 2), F(2, 3)))
print(F(1, 2) + 0.25, 0.25 + F(1, 2), F(2, 3) ** 2, F(2, 3) ** -2, F(-2, 3) ** -3, F(4, 9) ** 0.5, 2 ** F(1, 2), 2 ** F(3))
print(-F(1, 2), abs(F(-1, 2)), +F(1, 2), int(F(-7, 2)), math.floor(F(-7, 2)), math.ceil(F(-7, 2)), math.trunc(F(-7, 2)), float(F(1, 3)))
print(round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(12345, 100), 1), round(F(12345, 100), -2), bool(F(0)), bool(F(1, 9)))
print(F(1, 2) == 0.5, F(1, 3) == 1 / 3, F(1, 2) < 1, F(1, 2) >= F(1, 2), F(1, 2) > 0.4, F(5) == 5, F(1, 2) < float("inf"), F(1, 2) == float("nan"))
print(hash(F(1, 2)) == hash(0.5), hash(F(5)) == hash(5), hash(F(1, 3)), sorted([F(1, 2), 0.3, 1, F(-1, 4)]))
print(F(3.141592653589793).limit_denominator(1000), F(3.141592653589793).limit_denominator(7), F(1, 3).limit_denominator(10))
print(F.from_float(0.125), F.from_float(3), F(3, 4).as_integer_ratio(), F(3, 4).numerator, F(3, 4).denominator)
show(F, 1, 0)
show(F, "x/y")
show(F, 1.5, 2)
show(F, [])
show(F, float("nan"))
show(F.from_float, "a")
show(F(1, 2).limit_denominator, 0)
show(lambda: F(7, 15) / 0)
show(lambda: F(0) ** -1)
show(lambda: F(1, 2) // 0)
show(lambda: F(1, 2) < "a")

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
ints = [1, 2, 2, 3, 4, 7, 9]
fracs = [F(1, 2), F(1, 3), F(3, 4), F(1, 3)]
for name in ["mean", "fmean", "geometric_mean", "harmonic_mean", "median", "median_low", "median_high",
             "median_grouped", "mode", "multimode", "pstdev", "pvariance", "stdev", "variance", "quantiles"]:
    f = getattr(statistics, name)
    print(name, repr(f(data)), repr(f(ints)), repr(f(fracs)))
print(statistics.mean([1, 2, 3, 4]), statistics.mean([F(1, 2), 1]), statistics.mean([1, 2.5]), statistics.mean(range(1, 11)))
print(statistics.median([1, 3, 5, 7]), statistics.median_grouped([52, 52, 53, 54], interval=2), statistics.mode(["a", "b", "b"]))
print(statistics.multimode("aabbbbccddddeeffffgg"), statistics.multimode([]), statistics.fmean([1, 2, 3], weights=[3, 2, 1]))
print(statistics.variance(ints, statistics.mean(ints)), statistics.pvariance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75], 2.5), statistics.stdev([1, 2]))
print(statistics.quantiles(range(1, 101), n=10), statistics.quantiles([1, 5, 9], n=4, method="inclusive"))
x, y = [1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(statistics.covariance(x, y), statistics.correlation(x, x), statistics.correlation(x, [9 - v for v in x]))
print(statistics.linear_regression(x, [2 * v + 1 for v in x]), statistics.linear_regression(x, [3 * v for v in x], proportional=True))
print(statistics.harmonic_mean([40, 60], weights=[5, 30]), statistics.harmonic_mean([2.5, 3, 10]), statistics.harmonic_mean([0, 5]))
print(issubclass(statistics.StatisticsError, ValueError))
for f, args in [(statistics.mean, ([],)), (statistics.median, ([],)), (statistics.mode, ([],)), (statistics.stdev, ([1],)),
                (statistics.variance, ([1],)), (statistics.pvariance, ([],)), (statistics.pstdev, ([],)),
                (statistics.quantiles, ([1],)), (statistics.quantiles, ([1, 2], )), (statistics.fmean, ([],)),
                (statistics.geometric_mean, ([1, -1],)), (statistics.harmonic_mean, ([1, -1],)),
                (statistics.correlation, ([1, 2], [3, 3])), (statistics.covariance, ([1], [2])),
                (statistics.linear_regression, ([1, 1], [1, 2])), (statistics.mean, (["a"],))]:
    show(f, *args)
show(statistics.quantiles, [1, 2, 3], n=0)
show(statistics.quantiles, [1, 2, 3], method="nope")
