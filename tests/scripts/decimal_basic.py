# decimal: construction, text forms, conversions, hashing and comparisons.
import decimal
from decimal import Decimal, getcontext, InvalidOperation
from fractions import Fraction
import math

D = Decimal


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', repr(r))


print('-- from strings')
for s in ['0', '-0', '1.23e5', '1.23E+5', '-0.0001234', '1e-7', '0.000001',
          '123.4500', '  42  ', '\t-7\n', '1_000_000', '1_0.5_0', '+.5E-3',
          '1.', '.1', '5E+3', '0E-10', '0E+10', '-0E-3', '123456789012345678901234567890',
          'Infinity', 'inf', '-INF', '-Infinity', 'NaN', 'nan', '-NaN', 'NaN123',
          'NaN0012', 'sNaN', '-sNaN45', '\u0661\u0662\u0663',
          'abc', '', '.', '1e', 'e5', '1.2.3', 'infi', 'nan1e3', '- 1', '1 2',
          'sNaN1.5', '++1', '0x10']:
    show(repr(s), lambda: D(s))

print('-- other sources')
show('int', lambda: D(-12345678901234567890123))
show('float', lambda: D(1.1))
show('float -0.0', lambda: D(-0.0))
show('float inf', lambda: D(float('inf')))
show('float nan', lambda: D(float('nan')))
show('from_float', lambda: D.from_float(0.1))
show('from_float int', lambda: D.from_float(7))
show('tuple', lambda: D((1, (3, 1, 4), -2)))
show('list', lambda: D([0, [1, 0], 3]))
show('tuple inf', lambda: D((0, (0,), 'F')))
show('tuple nan', lambda: D((1, (4, 2), 'n')))
show('tuple snan', lambda: D((0, (), 'N')))
show('tuple empty', lambda: D((0, (), 0)))
show('tuple bad len', lambda: D((0, (1,))))
show('tuple bad sign', lambda: D((2, (1,), 0)))
show('tuple bad digit', lambda: D((0, (10,), 0)))
show('tuple bad exp', lambda: D((0, (1,), 'x')))
show('tuple float exp', lambda: D((0, (1,), 1.5)))
show('Decimal', lambda: D(D('3.14')))
show('object', lambda: D(object()))
show('complex', lambda: D(1j))
show('no args', lambda: D())

print('-- str, repr, eng')
for s in ['1.23E+5', '123E+7', '1E+4', '12E+4', '0E+1', '0E+2', '0E+3', '0E-7',
          '0E-8', '1E-7', '1.5E-10', '-123.456E-9', '100', '1E+2', '0.00001',
          '0.0000001', 'NaN7', '-sNaN', '-Infinity', '1234567E-3']:
    d = D(s)
    print(s, str(d), repr(d), d.to_eng_string())

print('-- as_tuple, adjusted, integer ratio')
for s in ['1.25', '-0', '120E-2', 'NaN', '-sNaN12', 'Infinity', '0.75', '5E+3']:
    d = D(s)
    print(s, d.as_tuple(), d.adjusted())
    show(' ratio', lambda: d.as_integer_ratio())
t = D('-3.14').as_tuple()
print(t.sign, t.digits, t.exponent, type(t).__name__)

print('-- conversions')
for s in ['3.7', '-3.7', '2.5', '-2.5', '3.5', '1E+20', '0.0001', 'NaN', 'sNaN',
          'Infinity', '-Infinity']:
    d = D(s)
    for name, f in [('int', int), ('float', float), ('round', round),
                    ('floor', math.floor), ('ceil', math.ceil),
                    ('trunc', math.trunc), ('complex', complex)]:
        show('%s(%s)' % (name, s), lambda: f(d))
show('round 2', lambda: round(D('2.675'), 2))
show('round -1', lambda: round(D('1234.5'), -1))
show('round 0', lambda: round(D('2.5'), 0))
show('round inf 1', lambda: round(D('inf'), 1))
show('bool 0', lambda: bool(D('0.000')))
show('bool nan', lambda: bool(D('NaN')))
show('bool 1', lambda: bool(D('1E-100')))
show('index', lambda: [1, 2][D(1)])

print('-- hashing')
for x, y in [(D('1.5'), 1.5), (D('2'), 2), (D('-2'), -2), (D('0.25'), Fraction(1, 4)),
             (D('100E-2'), 1), (D('1E+30'), 10 ** 30), (D('-0'), 0),
             (D('Infinity'), float('inf')), (D('-Infinity'), float('-inf')),
             (D('0.1'), Fraction(1, 10)), (D('-1'), -1)]:
    print(repr(x), hash(x) == hash(y))
show('hash snan', lambda: hash(D('sNaN')))
print('hash nan id-based', hash(D('NaN')) != hash(D('NaN')) or True)
print('set', sorted({D('1.0'), D('1.00'), D(1), D('2')}))
print('dict', {D('0.5'): 'half'}[Fraction(1, 2)])

print('-- comparisons')
pairs = [(D('1.0'), D('1')), (D('1.1'), D('1.2')), (D('-0'), D('0')), (D('2'), 2),
         (D('2.5'), 2), (D('0.1'), 0.1), (D('0.5'), 0.5), (D('1.5'), 1.25),
         (D('0.75'), Fraction(3, 4)), (D('0.7'), Fraction(2, 3)),
         (D('Infinity'), 10 ** 100), (D('-Infinity'), D('-1E+999')),
         (D('NaN'), D('NaN')), (D('NaN'), 1), (D('1'), D('sNaN')),
         (D('1'), 'x'), (D('3'), 3 + 0j), (D('3'), 3 + 1j)]
for a, b in pairs:
    for op, f in [('==', lambda: a == b), ('!=', lambda: a != b), ('<', lambda: a < b),
                  ('<=', lambda: a <= b), ('>', lambda: a > b), ('>=', lambda: a >= b)]:
        show('%r %s %r' % (a, op, b), f)
print(sorted([D('3'), D('-1.5'), D('2.25'), D('0'), D('-0.001')]))
print(max(D('1.0'), D('1.00')), min(D('2'), D('-3')))
print(getcontext().flags[decimal.FloatOperation])
getcontext().clear_flags()

print('-- unary')
for s in ['-1.50', '0', '-0', '1.234567890123456789012345678901', 'NaN', '-Infinity']:
    d = D(s)
    print(s, repr(-d), repr(+d), repr(abs(d)), repr(d.copy_abs()),
          repr(d.copy_negate()), d.is_signed())
print('-- numbers')
import numbers
print(isinstance(D(1), numbers.Number), isinstance(D(1), numbers.Real),
      isinstance(D(1), numbers.Rational))
print(Fraction(D('1.1')), Fraction(D('-0.125')), Fraction.from_decimal(D('2.5')))
print(repr(D('1.5').real), repr(D('1.5').imag), repr(D('2').conjugate()))
print(D.__module__, D.__qualname__, decimal.Context.__qualname__)

print('-- long coefficients (no int digit limit)')
big = D('7' * 5000 + 'E-4990')
print(len(str(big)), str(big)[:12], str(big)[-12:], big.adjusted(), len(big.as_tuple().digits))
print(len(format(big, 'f')), repr(+big))
print(D('1' + '0' * 6000) == 10 ** 6000, hash(D('1' + '0' * 6000)) == hash(10 ** 6000))

print('-- instances carry no attribute dict')
try:
    D('1.5').foo = 1
except AttributeError as e:
    print('AttributeError', e)


class Sub(D):
    pass


s = Sub('2.5')
s.note = 'ok'
print(s.note, repr(s), hasattr(D('1'), '__dict__'), type(s + 1) is D)
