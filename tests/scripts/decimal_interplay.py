# decimal with fractions, statistics, math and the numeric tower.
import math
import numbers
import statistics
from decimal import Decimal as D, localcontext
from fractions import Fraction

data = [D('1.5'), D('2.5'), D('3.1'), D('0.25')]
for name in ['mean', 'median', 'median_low', 'median_high', 'mode', 'variance',
             'pvariance', 'stdev', 'pstdev', 'fmean', 'harmonic_mean']:
    print(name, repr(getattr(statistics, name)(data)))
print(repr(statistics.stdev([D(1), D(3), D(5)])), repr(statistics.pstdev([D(2), D(2)])))
print(repr(statistics.pstdev([D(1), D(5)])), repr(statistics.variance([D('0.1'), D('0.3')])))
with localcontext(prec=10):
    print(repr(statistics.stdev(data)), repr(statistics.mean([D(1), D(2), D(2)])))
print(Fraction(D('3.75')), Fraction(D('-1E-3')), Fraction(1, 4) == D('0.25'),
      D('0.25') == Fraction(1, 4), Fraction(1, 3) < D('0.34'), D('0.3') < Fraction(1, 3))
print(math.floor(D('-2.5')), math.ceil(D('-2.5')), math.trunc(D('-2.5')), round(D('-2.5')),
      math.isclose(float(D('0.1')), 0.1), math.fsum([D('0.1'), D('0.2')]))
print(isinstance(D(1), numbers.Number), isinstance(D(1), numbers.Complex),
      issubclass(D, numbers.Real))
print(sorted([D('1.5'), 1, 2.5, Fraction(7, 4), D('-0.5')]))
print({D('2'): 'two'}[2], {2.5: 'x'}[D('2.5')], len({D('1'), 1, 1.0, Fraction(1)}))
print(sum(D(i) / 10 for i in range(10)), max([D('1'), D('1.0')]), min(3, D('2.9')))
