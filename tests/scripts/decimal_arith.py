# decimal: arithmetic, rounding modes and the number methods.
import decimal
from decimal import Decimal, Context, getcontext, localcontext

D = Decimal
ROUNDINGS = [decimal.ROUND_CEILING, decimal.ROUND_DOWN, decimal.ROUND_FLOOR,
             decimal.ROUND_HALF_DOWN, decimal.ROUND_HALF_EVEN,
             decimal.ROUND_HALF_UP, decimal.ROUND_UP, decimal.ROUND_05UP]


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', repr(r))


def flags(ctx):
    return [s.__name__ for s in (decimal.Clamped, decimal.InvalidOperation,
                                 decimal.DivisionByZero, decimal.Inexact,
                                 decimal.Overflow, decimal.Rounded,
                                 decimal.Subnormal, decimal.Underflow,
                                 decimal.FloatOperation) if ctx.flags[s]]


print('-- operators')
a, b = D('12.345'), D('-3.2')
for name, f in [('+', lambda: a + b), ('-', lambda: a - b), ('*', lambda: a * b),
                ('/', lambda: a / b), ('//', lambda: a // b), ('%', lambda: a % b),
                ('divmod', lambda: divmod(a, b)), ('**', lambda: a ** 3),
                ('int+', lambda: 5 + a), ('+int', lambda: a + 5), ('int-', lambda: 1 - a),
                ('int*', lambda: 3 * a), ('int/', lambda: 1 / a), ('int//', lambda: 100 // a),
                ('int%', lambda: 100 % a), ('rdivmod', lambda: divmod(100, a)),
                ('int**', lambda: 2 ** D('10')), ('neg//', lambda: D(-7) // 2),
                ('neg%', lambda: D(-7) % 2), ('pow mod', lambda: pow(D(3), D(100), D(7))),
                ('pow mod neg', lambda: pow(D(-3), 3, 7)),
                ('pow mod frac', lambda: pow(D('3.5'), 2, 7)),
                ('+float', lambda: a + 1.5), ('float*', lambda: 1.5 * a),
                ('**float', lambda: a ** 0.5), ('+str', lambda: a + '1'),
                ('/0', lambda: a / 0), ('0/0', lambda: D(0) / 0), ('//0', lambda: a // 0),
                ('%0', lambda: a % 0), ('0%0', lambda: D(0) % 0),
                ('divmod0', lambda: divmod(a, 0)), ('inf-inf', lambda: D('inf') - D('inf')),
                ('inf*0', lambda: D('inf') * 0), ('snan+1', lambda: D('sNaN') + 1),
                ('nan+1', lambda: D('NaN5') + 1), ('1/3', lambda: D(1) / 3),
                ('2/3', lambda: D(2) / 3), ('exact /', lambda: D('1.00') / D('0.25')),
                ('ideal exp', lambda: D('100') / D('10')), ('zero /', lambda: D('0.00') / D('1E5')),
                ('big //', lambda: D('1E+40') // 3), ('big %', lambda: D('1E+40') % 3),
                ('x//inf', lambda: D(5) // D('-inf')), ('x%inf', lambda: D(5) % D('inf')),
                ('inf//x', lambda: D('inf') // 3), ('-0+0', lambda: D('-0') + D('0')),
                ('-0+-0', lambda: D('-0') + D('-0')), ('1-1', lambda: D(1) - 1),
                ('sum', lambda: sum([D('0.1')] * 10)), ('tiny+big', lambda: D('1E+50') + D('1E-50'))]:
    show(name, f)

print('-- rounding modes')
values = ['2.5', '-2.5', '1.45', '-1.45', '1.55', '0.05', '-0.05', '1.01', '7.9999',
          '12345.678', '-0.000049999', '99.5', '0.15', '10.05']
for mode in ROUNDINGS:
    ctx = Context(prec=2, rounding=mode)
    print(mode, [str(ctx.plus(D(v))) for v in values])
    print(' quantize', [str(D(v).quantize(D('0.1'), rounding=mode)) for v in values])
    print(' integral', [str(D(v).to_integral_value(rounding=mode)) for v in values])
    with localcontext() as c:
        c.prec = 5
        c.rounding = mode
        print(' arith', D(1) / 7, D(-1) / 7, D(2) ** D('0.5'), D('1.23456') * D('9.87654'),
              D('99999') + D('0.5'), D('-1') - D('0.000001'))

print('-- quantize and friends')
show('quantize', lambda: D('1.41421356').quantize(D('1.000')))
show('quantize up', lambda: D('7.325').quantize(D('.01'), rounding=decimal.ROUND_DOWN))
show('quantize exp', lambda: D('123.456').quantize(D('1E+2')))
show('quantize too big', lambda: D('123456789').quantize(D('0.000000000000000000001')))
show('quantize inf', lambda: D('inf').quantize(D('1')))
show('quantize inf inf', lambda: D('-inf').quantize(D('inf')))
show('quantize bad rounding', lambda: D(1).quantize(D(1), rounding='up'))
show('quantize int', lambda: D('3.7').quantize(1))
show('round', lambda: round(D('2.675'), 2))
show('to_integral_exact', lambda: D('2.5').to_integral_exact())
show('to_integral', lambda: D('-2.5').to_integral(rounding=decimal.ROUND_HALF_UP))
show('to_integral_value big', lambda: D('1E+5').to_integral_value())
for s in ['120.00', '0.000', '-1E+2', '1.2300E+4', '100', 'sNaN', '-inf']:
    show('normalize ' + s, lambda: D(s).normalize())
show('same_quantum', lambda: (D('1.1').same_quantum(D('2.2')), D('1').same_quantum(D('1.0')),
                              D('inf').same_quantum(D('-inf')), D('nan').same_quantum(1)))
show('adjusted', lambda: [D(s).adjusted() for s in ['123', '0.001', '1E+7', '0', 'inf']])

print('-- powers, roots and logarithms')
for x, y in [('2', '10'), ('2', '-2'), ('1.0', '-2'), ('10', '-2'), ('3', '-1'),
             ('4', '0.5'), ('2', '0.5'), ('1', '0.5'), ('1.5', '2.5'), ('-2', '3'),
             ('-2', '0.5'), ('0', '0'), ('0', '-1'), ('-0', '-3'), ('-0', '3'),
             ('0.00', '2'), ('inf', '-2'), ('-inf', '3'), ('1', 'inf'), ('0.5', 'inf'),
             ('2', '-inf'), ('1.1', '1000'), ('9', '1E+30'), ('2', '-1E+30'),
             ('123.456', '7'), ('1.0000001', '1234567'), ('10', '1E+7'), ('7', '-30')]:
    show('%s ** %s' % (x, y), lambda: D(x) ** D(y))
for s in ['2', '100', '0.0001', '1.21', '0', '-0', '-4', 'inf', '1E+7', '10', '0.1',
          '12345678901234567890', '1E-1000000']:
    d = D(s)
    show('sqrt ' + s, lambda: d.sqrt())
    show('exp ' + s, lambda: d.exp())
    show('ln ' + s, lambda: d.ln())
    show('log10 ' + s, lambda: d.log10())
    show('logb ' + s, lambda: d.logb())
for s in ['-1', '-100', '300', '2302585.1', '-2302600', '0.5', '1E-30', '-1E-30']:
    show('exp ' + s, lambda: D(s).exp())
for s in ['1.0000000001', '0.9999999999', '1E+999999', '2.718281828459045235360287471']:
    show('ln ' + s, lambda: D(s).ln())
    show('log10 ' + s, lambda: D(s).log10())

print('-- other methods')
x, y = D('7.5'), D('-2.25')
for name, f in [('compare', lambda: x.compare(y)), ('compare eq', lambda: D('1.0').compare(D(1))),
                ('compare nan', lambda: x.compare(D('nan'))),
                ('compare_signal', lambda: x.compare_signal(D('nan'))),
                ('compare_total', lambda: D('1.0').compare_total(D('1.00'))),
                ('compare_total neg', lambda: D('-1.0').compare_total(D('-1.00'))),
                ('compare_total nan', lambda: D('NaN').compare_total(D('inf'))),
                ('compare_total snan', lambda: D('sNaN').compare_total(D('NaN'))),
                ('compare_total_mag', lambda: D('-3').compare_total_mag(D('2'))),
                ('copy_sign', lambda: x.copy_sign(y)), ('copy_sign int', lambda: x.copy_sign(-1)),
                ('fma', lambda: D(2).fma(3, 5)), ('fma exact', lambda: D('1.1111111111111111111111111111').fma(D('9'), D('-10'))),
                ('max', lambda: x.max(y)), ('min', lambda: x.min(y)),
                ('max nan', lambda: D('nan').max(D(3))), ('max snan', lambda: D('snan').max(D(3))),
                ('max equal', lambda: D('1.0').max(D('1.00'))), ('min signed zero', lambda: D('0').min(D('-0'))),
                ('max_mag', lambda: D('-10').max_mag(D('3'))), ('min_mag', lambda: D('-10').min_mag(D('3'))),
                ('next_plus', lambda: D(1).next_plus()), ('next_minus', lambda: D(1).next_minus()),
                ('next_plus -inf', lambda: D('-inf').next_plus()),
                ('next_minus 0', lambda: D(0).next_minus()),
                ('next_toward', lambda: D(1).next_toward(D(2))),
                ('next_toward down', lambda: D(1).next_toward(D(0))),
                ('next_toward eq', lambda: D('-0').next_toward(D('0'))),
                ('remainder_near', lambda: D(18).remainder_near(D(10))),
                ('remainder_near 2', lambda: D(25).remainder_near(D(10))),
                ('remainder_near 3', lambda: D(35).remainder_near(D(10))),
                ('remainder_near neg', lambda: D('-10').remainder_near(D('3'))),
                ('scaleb', lambda: D('7.5').scaleb(3)), ('scaleb neg', lambda: D('7.5').scaleb(-5)),
                ('scaleb bad', lambda: D('7.5').scaleb(D('1.5'))),
                ('logb 0', lambda: D(0).logb()),
                ('rotate', lambda: D('123456789').rotate(2)), ('shift', lambda: D('123456789').shift(-3)),
                ('logical_and', lambda: D('1101').logical_and(D('1011'))),
                ('logical_or', lambda: D('1101').logical_or(D('1011'))),
                ('logical_xor', lambda: D('1101').logical_xor(D('1011'))),
                ('logical_invert', lambda: D('1101').logical_invert()),
                ('logical bad', lambda: D('12').logical_and(D('1'))),
                ('radix', lambda: D(5).radix()), ('canonical', lambda: D('2.50').canonical()),
                ('is_canonical', lambda: D(1).is_canonical()),
                ('compare float', lambda: x.compare(1.5))]:
    show(name, f)
for s in ['1', '-0', '0', '1E-999999', '1E-1000005', 'inf', '-inf', 'nan', '-snan', '-1.5']:
    d = D(s)
    print(s, d.number_class(), d.is_finite(), d.is_infinite(), d.is_nan(), d.is_qnan(),
          d.is_snan(), d.is_signed(), d.is_zero(), d.is_normal(), d.is_subnormal())
print(getcontext())
