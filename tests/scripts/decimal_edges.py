# decimal: edge cases of conversions, errors, extreme exponents and powers.
import decimal
from decimal import *
D = Decimal
def show(label, f):
    try: r = f()
    except Exception as e: print(label, '->', type(e).__name__, e)
    else: print(label, '->', repr(r))
c = getcontext()
for label, f in [
  ('prec str', lambda: setattr(c, 'prec', 'x')),
  ('prec float', lambda: setattr(c, 'prec', 1.5)),
  ('round str', lambda: round(D('1.5'), 'x')),
  ('quantize str', lambda: D(1).quantize('1')),
  ('ctx kw', lambda: Context(prec=3, foo=1)),
  ('flags dict', lambda: Context(flags={InvalidOperation: True})),
  ('D ctx bad', lambda: D('1', 5)),
  ('D kw', lambda: D(value='2.5')),
  ('from_float str', lambda: D.from_float('1.5')),
  ('sqrt ctx bad', lambda: D(2).sqrt(context=5)),
  ('exp kw', lambda: D(1).exp(context=Context(prec=5))),
  ('compare_total nan', lambda: D('-nan').compare_total(D('-snan'))),
  ('hash -1', lambda: hash(D(-1))),
  ('int huge exp', lambda: int(D('1E+50'))),
  ('float huge', lambda: float(D('1E+400'))),
  ('float tiny', lambda: float(D('-1E-400'))),
  ('float snan', lambda: float(D('snan'))),
  ('float -nan', lambda: str(float(D('-nan')))),
  ('ratio', lambda: D('-2.50').as_integer_ratio()),
  ('pos rounds', lambda: +D('1.23456789012345678901234567890123')),
  ('neg zero', lambda: -D('0')),
  ('abs negzero', lambda: abs(D('-0'))),
  ('radd float', lambda: 1.5 + D(1)),
  ('eq list', lambda: D(1) == [1]),
  ('lt None', lambda: D(1) < None),
  ('copy_sign float', lambda: D(1).copy_sign(1.5)),
  ('localcontext kw type', lambda: localcontext(prec='a')),
  ('localcontext flags', lambda: localcontext(flags=[Inexact]).__enter__().flags[Inexact]),
  ('setcontext returns', lambda: setcontext(Context())),
  ('ctx eq', lambda: Context() == Context()),
  ('ctx copy flags', lambda: Context(flags=[Rounded]).copy().flags[Rounded]),
  ('tuple digits list', lambda: D((0, [1, 2], -1))),
  ('tuple neg digit', lambda: D((0, (-1,), 0))),
  ('tuple sign bool', lambda: D((True, (1,), 0))),
  ('from_float sub', lambda: D.from_float(float('-inf'))),
  ('create_decimal ws', lambda: Context(traps=[]).create_decimal(' 1 ')),
  ('create_decimal round', lambda: Context(prec=3).create_decimal('1.23456')),
  ('create_decimal int', lambda: Context(prec=3).create_decimal(123456)),
  ('str huge', lambda: len(str(D(10) ** 5000))),
  ('repr subnormal', lambda: Context(Emin=-5, prec=3, traps=[]).divide(D(1), D('1E+7'))),
  ('DecimalTuple', lambda: decimal.DecimalTuple(0, (1,), 2)),
  ('dir has', lambda: [n for n in ['Decimal','Context','DecimalTuple','localcontext','getcontext','setcontext','BasicContext','ExtendedContext','DefaultContext','ROUND_UP','MAX_PREC'] if not hasattr(decimal, n)]),
  ('__all__', lambda: len(decimal.__all__) if hasattr(decimal, '__all__') else None),
  ('version', lambda: decimal.__version__),
  ('D from D subclass ctx', lambda: D(D('1.2345'), Context(prec=2))),
  ('bool snan', lambda: bool(D('snan'))),
  ('round nan', lambda: round(D('nan'))),
  ('round nan 2', lambda: round(D('nan'), 2)),
  ('floor nan', lambda: __import__('math').floor(D('nan'))),
  ('trunc -inf', lambda: __import__('math').trunc(D('-inf'))),
  ('divmod float', lambda: divmod(D(2), 1.5)),
  ('statistics mean', lambda: __import__('statistics').mean([D('1.5'), D('2.5'), D('3.1')])),
  ('fsum', lambda: __import__('math').fsum([D('0.1'), D('0.2')])),
  ('sorted mixed', lambda: sorted([D('1.5'), 1, 2.5, __import__('fractions').Fraction(7, 4)])),
]:
    show(label, f)

M = Context(prec=30, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])
for label, f in [
  ('ln huge', lambda: M.ln(D('1E+999999999999999999'))),
  ('log10 huge', lambda: M.log10(D('2E+999999999999999999'))),
  ('exp big', lambda: M.exp(D('1E+10'))),
  ('exp -big', lambda: M.exp(D('-1E+10'))),
  ('exp 2e6', lambda: getcontext().exp(D('2302585.09'))),
  ('sqrt long', lambda: D('1' * 80).sqrt()),
  ('sqrt tiny', lambda: D('1E-1000001').sqrt()),
  ('powmod big', lambda: pow(D(12345678901), D(98765), D(1000000007))),
  ('powmod exp', lambda: pow(D('1E+2'), 2, 7)),
  ('powmod neg exp', lambda: pow(D(2), -1, 7)),
  ('powmod zero mod', lambda: pow(D(2), 1, 0)),
  ('power big int', lambda: D(2) ** 1000),
  ('power neg big', lambda: D('-1.5') ** 333),
  ('power frac neg base', lambda: D(-8) ** D('0.333')),
  ('power tiny', lambda: D('0.999999') ** 1000000),
  ('pow ctx', lambda: Context(prec=5).power(D('1.1'), D('2.5'))),
  ('pow huge y', lambda: D('1.000001') ** D('1E+9')),
  ('ln 1-eps', lambda: D('0.99999999999999999999999999999999999999').ln()),
  ('log10 near1', lambda: D('1.0000000000000000000000000000000000001').log10()),
  ('exp tiny neg', lambda: D('-1E-40').exp()),
  ('next_plus max', lambda: Context(prec=3, Emax=9).next_plus(D('9.99E+9'))),
  ('next_minus min', lambda: Context(prec=3, Emin=-9).next_minus(D('1E-11'))),
  ('next_toward ovf', lambda: Context(prec=3, Emax=9, traps=[]).next_toward(D('9.99E+9'), D('inf'))),
  ('scaleb inf', lambda: D('inf').scaleb(3)),
  ('scaleb big', lambda: D(1).scaleb(10**7)),
  ('rotate neg', lambda: D('123').rotate(-1)),
  ('shift big', lambda: D('123').shift(30)),
  ('to_eng neg exp', lambda: D('-1.2345E-11').to_eng_string()),
  ('quantize nan', lambda: D('nan').quantize(D('snan'))),
  ('compare_total snan neg', lambda: D('-snan2').compare_total(D('-snan1'))),
  ('divmod neg', lambda: divmod(D('-7.5'), D('2'))),
  ('mod sign', lambda: (D('-7') % D('-3'), D('7') % D('-3'))),
  ('floordiv big', lambda: D('1E+30') // D('1E-30')),
  ('fma inf', lambda: D('inf').fma(0, 1)),
  ('fma nan', lambda: D(1).fma(D('nan'), D('snan'))),
  ('logical invert', lambda: Context(prec=5).logical_invert(D('101'))),
  ('ctx sqrt neg zero', lambda: D('-0.00').sqrt()),
  ('normalize clamp', lambda: Context(prec=3, Emax=5, clamp=1).normalize(D('1E+5'))),
  ('create_decimal clamp', lambda: Context(prec=3, Emax=5, clamp=1).create_decimal('1E+5')),
]:
    show(label, f)

L = Context(prec=5, traps=[])
for label, f in [
  ('logical long', lambda: L.logical_and(D('1111111111'), D('101'))),
  ('logical invert long', lambda: L.logical_invert(D('001110111001'))),
  ('logical xor long', lambda: L.logical_xor(D('0011101000'), D('101011000010'))),
  ('logical neg', lambda: L.logical_or(D('-101'), D('1'))),
  ('logical exp', lambda: L.logical_or(D('1E+1'), D('1'))),
  ('rotate long', lambda: L.rotate(D('123456789'), 2)),
  ('shift long', lambda: L.shift(D('123456789'), -2)),
  ('rotate bad', lambda: L.rotate(D('12'), 6)),
]:
    show(label, f)

for s in ['1.' + '0' * 300 + '1', '0.' + '9' * 300, '1.0000000000000000000000000000000000000000001',
          '0.5', '1.99', '0.51', '0.49', '2.01', '1E-5', '123.456', '0.99', '1.01']:
    show('ln/log10 %d digits' % len(s), lambda: (D(s).ln(), D(s).log10()))

big = Context(traps=[])
for label, f in [
  ('remainder_near impossible', lambda: big.remainder_near(D('1E+999999'), D('1E-999999'))),
  ('power near 1 huge y', lambda: big.power(D('1.0000000000000000001'), D('1E+9999'))),
  ('power below 1 huge y', lambda: big.power(D('0.9999999999999999999'), D('1E+9999'))),
  ('power near 1 big int', lambda: big.power(D('1.0000000000000000000000000000000000000000000000001'), D('100000000000000000000'))),
]:
    show(label, f)
print(big)

cl = Context(prec=77, Emax=20, Emin=-20, clamp=1, traps=[])
show('quantize zero clamped', lambda: (cl.quantize(D('-0'), D('5E0')), cl.flags[Clamped]))
show('quantize nonzero clamped', lambda: cl.quantize(D('12'), D('1E+1')))
show('wide sqrt', lambda: cl.sqrt(D(2)))
show('wide exp', lambda: cl.exp(D('-45.5')))
