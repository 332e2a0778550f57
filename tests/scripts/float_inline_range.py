# Floats on both sides of the inline range (vm/value.hpp): zeros, subnormals,
# 2**-127..2**128, inf; arithmetic, hashing, dict keys, subclasses.
import math
xs = [0.0, -0.0, 1.5, -2.25, 1e-300, 1e300, 5e-324, float('inf'), float('-inf'), 2.0**127, 2.0**128, 2.0**-126, 2.0**-127, 2.0**-128, 0.1, 1/3]
for x in xs:
    print(repr(x), hash(x), bool(x), str(x), -x, abs(x), x == x, type(x).__name__)
print(math.copysign(1, -0.0), math.copysign(1, 0.0))
print(1.5 + 2, 2 + 1.5, 3 - 0.5, 0.5 * 4, 1 / 4.0, 7.0 // 2, 7.0 % 2, 2.0 ** 10)
try:
    1.0 / 0
except ZeroDivisionError as e: print(e)
try:
    1.0 / 0.0
except ZeroDivisionError as e: print(e)
d = {1.0: 'a', 2.5: 'b'}
print(d[1], d[2.5], 1 in d, {0.0, -0.0, 0})
print(sorted([3.5, -1.0, 2.25, 0.0]), max(1.5, 2.5), min([0.5, 0.25]))
print(sum([0.1]*10), round(2.675, 2), int(3.9), float(7), float('1.25'))
class F(float): pass
f = F(2.5)
print(type(f).__name__, f + 1, f == 2.5, isinstance(2.5, float), isinstance(f, float))
print(1e308 * 10, -1e308 * 10, (1e200*1e200) - (1e200*1e200))
print(2.0**127 * 2, 2.0**-127 / 2, 1e-38 * 1e-10)
print(f"{3.14159:.2f}", "%5.1f" % 2.25, format(1e10, 'e'))
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1.0 < 2, 2 < 1.5, 1.0 == 1, 2**62 == 2.0**62, 2**53 + 1 == 2.0**53)
x = 1.5
print(x is x, [1.5].index(1.5), (1.5).is_integer(), (2.0).is_integer(), (1.5).as_integer_ratio())
print(divmod(7.5, 2), pow(2.0, -1), (-8.0) ** (1/3) if False else 'skip')
import math
print(math.sqrt(2.0), math.floor(-1.5), math.isnan(float('nan')), math.inf > 1e308)
