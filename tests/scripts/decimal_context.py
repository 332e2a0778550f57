# decimal: contexts, signals, traps and flags, threads, pickling and copying.
import copy
import pickle
import threading
import decimal
from decimal import (Decimal, Context, getcontext, setcontext, localcontext,
                     BasicContext, ExtendedContext, DefaultContext)

D = Decimal


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', repr(r))


print('-- constants and hierarchy')
print(decimal.MAX_PREC, decimal.MAX_EMAX, decimal.MIN_EMIN, decimal.MIN_ETINY,
      decimal.HAVE_THREADS, decimal.HAVE_CONTEXTVAR)
for name in ['DecimalException', 'Clamped', 'InvalidOperation', 'ConversionSyntax',
             'DivisionByZero', 'DivisionImpossible', 'DivisionUndefined', 'Inexact',
             'Rounded', 'Subnormal', 'Overflow', 'Underflow', 'FloatOperation']:
    cls = getattr(decimal, name)
    print(name, [b.__name__ for b in cls.__mro__[1:] if b is not object])
print(decimal.ROUND_HALF_EVEN, decimal.ROUND_05UP)

print('-- context reprs')
print(repr(getcontext()))
print(repr(BasicContext))
print(repr(ExtendedContext))
print(repr(DefaultContext))
c = Context(prec=5, rounding=decimal.ROUND_DOWN, Emin=-9, Emax=9, capitals=0, clamp=1,
            flags=[decimal.Inexact], traps=[decimal.Clamped, decimal.InvalidOperation])
print(repr(c))
print(c.Etiny(), c.Etop(), c.prec, c.rounding, c.Emin, c.Emax, c.capitals, c.clamp)
print(Context())
for kwargs in [dict(prec=0), dict(prec='5'), dict(Emin=1), dict(Emax=-1),
               dict(rounding='UP'), dict(capitals=2), dict(clamp=-1),
               dict(traps=[ValueError])]:
    show('Context(%s)' % kwargs, lambda: Context(**kwargs))
show('setattr bad', lambda: setattr(c, 'prec', -1))
show('setattr unknown', lambda: setattr(c, 'precision', 3))

print('-- signals and traps')
ctx = Context(prec=5, Emin=-9, Emax=9, traps=[])
for label, f in [('inexact', lambda: ctx.divide(D(1), D(3))),
                 ('overflow', lambda: ctx.multiply(D('9E9'), D(100))),
                 ('underflow', lambda: ctx.divide(D('1E-9'), D(3))),
                 ('subnormal exact', lambda: ctx.divide(D('1E-9'), D(10))),
                 ('clamped zero', lambda: ctx.multiply(D('0E-9'), D('0E-9'))),
                 ('div zero', lambda: ctx.divide(D(1), D(0))),
                 ('div undefined', lambda: ctx.divide(D(0), D(0))),
                 ('div impossible', lambda: ctx.divide_int(D('1E+9'), D('0.00001'))),
                 ('invalid', lambda: ctx.sqrt(D(-1))),
                 ('syntax', lambda: ctx.create_decimal('1.2.3')),
                 ('float op', lambda: ctx.create_decimal(0.5)),
                 ('rounded', lambda: ctx.plus(D('1.00000'))),
                 ('round down ovf', lambda: Context(prec=3, Emax=5, rounding=decimal.ROUND_DOWN, traps=[]).multiply(D(999), D(10000)))]:
    ctx.clear_flags()
    show(label, f)
    print('   ', ctx)
traps_ctx = Context(prec=5, Emin=-9, Emax=9)
for label, f in [('trap div', lambda: traps_ctx.divide(D(1), D(0))),
                 ('trap undefined', lambda: traps_ctx.divide(D(0), D(0))),
                 ('trap overflow', lambda: traps_ctx.power(D(10), D(20))),
                 ('trap syntax', lambda: traps_ctx.create_decimal('x')),
                 ('trap syntax ws', lambda: traps_ctx.create_decimal(' 1')),
                 ('divmod both', lambda: traps_ctx.divmod(D(5), D(0)))]:
    show(label, f)
traps_ctx.traps[decimal.Inexact] = True
traps_ctx.traps[decimal.Rounded] = True
show('trap inexact', lambda: traps_ctx.divide(D(1), D(3)))
show('trap rounded only', lambda: traps_ctx.plus(D('1.00000')))
traps_ctx.traps[decimal.FloatOperation] = True
show('trap float ctor', lambda: traps_ctx.create_decimal(1.5))
show('trap float from_float', lambda: traps_ctx.create_decimal_from_float(1.5))
try:
    traps_ctx.divide(D(1), D(0))
except ZeroDivisionError as e:
    print('DivisionByZero is ZeroDivisionError', isinstance(e, decimal.DecimalException),
          isinstance(e, ArithmeticError))
try:
    Decimal('bad')
except decimal.InvalidOperation as e:
    print('args', e.args, type(e.args[0][0]).__name__)
show('flags dict', lambda: Context(traps=[]).flags)
show('flags key', lambda: Context().flags[ValueError])

print('-- context methods')
cm = Context(prec=6, rounding=decimal.ROUND_HALF_UP)
for label, f in [('add', lambda: cm.add(1, D('0.0000004'))), ('subtract', lambda: cm.subtract(1, 2)),
                 ('multiply', lambda: cm.multiply(D('1.23456'), 7)), ('divide', lambda: cm.divide(2, 3)),
                 ('divide_int', lambda: cm.divide_int(17, 5)), ('remainder', lambda: cm.remainder(17, 5)),
                 ('divmod', lambda: cm.divmod(17, 5)), ('power', lambda: cm.power(2, 30)),
                 ('power mod', lambda: cm.power(2, 30, 1000)), ('sqrt', lambda: cm.sqrt(2)),
                 ('exp', lambda: cm.exp(1)), ('ln', lambda: cm.ln(10)), ('log10', lambda: cm.log10(2)),
                 ('quantize', lambda: cm.quantize(D('3.14159'), D('0.01'))),
                 ('abs', lambda: cm.abs(D('-1.2345678'))), ('minus', lambda: cm.minus(5)),
                 ('plus', lambda: cm.plus(D('1.2345678'))), ('fma', lambda: cm.fma(2, 3, 4)),
                 ('compare', lambda: cm.compare(1, 2)), ('max', lambda: cm.max(1, 2)),
                 ('min', lambda: cm.min(1, 2)), ('next_plus', lambda: cm.next_plus(1)),
                 ('to_sci_string', lambda: cm.to_sci_string(D('1E+7'))),
                 ('to_eng_string', lambda: cm.to_eng_string(D('1E+7'))),
                 ('copy_decimal', lambda: cm.copy_decimal(5)), ('is_zero', lambda: cm.is_zero(0)),
                 ('number_class', lambda: cm.number_class(D('-inf'))),
                 ('create_decimal', lambda: cm.create_decimal('3.14159265')),
                 ('create_decimal nan', lambda: cm.create_decimal('NaN123456789')),
                 ('create_from_float', lambda: cm.create_decimal_from_float(0.1)),
                 ('radix', lambda: cm.radix()), ('float arg', lambda: cm.add(1.5, 2)),
                 ('str arg', lambda: cm.add('1', 2)), ('logb', lambda: cm.logb(250))]:
    show(label, f)
d = cm.copy()
d.prec = 3
print(cm.prec, d.prec, copy.copy(cm).prec)
cm.clear_traps()
print(cm)

print('-- getcontext, setcontext, localcontext')
getcontext().prec = 10
print(D(1) / 7)
with localcontext() as lc:
    lc.prec = 3
    print('inside', D(1) / 7, getcontext() is lc)
print('after', D(1) / 7)
with localcontext(prec=4, rounding=decimal.ROUND_UP) as lc:
    print('kwargs', D(1) / 7, lc.prec)
with localcontext(Context(prec=2)):
    print('given', D(1) / 7)
show('bad kwarg', lambda: localcontext(precision=3))
show('bad kwarg value', lambda: localcontext(prec=-3))
show('setcontext bad', lambda: setcontext(5))
saved = getcontext()
setcontext(ExtendedContext)
print('extended', D(1) / 0, D(0) / 0, getcontext() is ExtendedContext)
setcontext(saved)
getcontext().prec = 28

results = {}


def worker(n):
    ctx = getcontext()
    results[n] = (ctx.prec, D(1) / 3)
    ctx.prec = n
    results[n] = results[n] + (D(1) / 3, getcontext().prec)


getcontext().prec = 12
threads = [threading.Thread(target=worker, args=(n,)) for n in (3, 5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('threads', results[3], results[5], getcontext().prec)
getcontext().prec = 28

print('-- pickling and copying')
for value in [D('3.14'), D('-0'), D('NaN12'), D('-sNaN'), D('Infinity'), D('1.23E+400')]:
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(value, proto))
        assert repr(back) == repr(value) and type(back) is Decimal, (value, proto)
    print(repr(value), repr(copy.copy(value)), repr(copy.deepcopy(value)), value.__reduce__())
pc = Context(prec=7, rounding=decimal.ROUND_FLOOR, flags=[decimal.Inexact], traps=[decimal.Overflow])
back = pickle.loads(pickle.dumps(pc))
print(back)
print(copy.deepcopy(pc))


class MyDecimal(Decimal):
    def double(self):
        return self * 2


m = MyDecimal('1.5')
print(type(m).__name__, m.double(), repr(m), type(MyDecimal.from_float(0.5)).__name__,
      isinstance(m + 1, MyDecimal))
print(repr(pickle.loads(pickle.dumps(m))), type(pickle.loads(pickle.dumps(m))).__name__)

print('-- FloatOperation with comparisons')
with localcontext(Context(traps=[])) as fc:
    print(D(3) == 3.0, fc.flags[decimal.FloatOperation])
    fc.clear_flags()
    print(D(3) == 3 + 0j, fc.flags[decimal.FloatOperation])
    fc.clear_flags()
    print(D(3) != 3 + 1j, fc.flags[decimal.FloatOperation])
    print(D(3) < 3.5, fc.flags[decimal.FloatOperation])
    fc.traps[decimal.FloatOperation] = True
    print(D(3) == 3.0, D(3) != 2.5)
    show('trapped <', lambda: D(3) < 3.5)
    show('trapped ctor', lambda: D(0.5))
    show('from_float untrapped', lambda: D.from_float(0.5))

# Range-checked int attributes keep plain ints (a bool reads back as 0 or 1).
bools = decimal.Context()
bools.clamp = True
bools.capitals = False
print(bools.clamp, bools.capitals, type(bools.clamp).__name__)
