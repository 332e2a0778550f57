# decimal: a seeded randomized cross-check of arithmetic and rounding in
# many contexts. A small linear congruential generator makes the operands,
# so the cases do not depend on the random module.
import decimal
from decimal import Decimal, Context

state = [20261205]


def rand(n):
    state[0] = (state[0] * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (state[0] >> 33) % n


def choice(seq):
    return seq[rand(len(seq))]


ROUNDINGS = [decimal.ROUND_UP, decimal.ROUND_DOWN, decimal.ROUND_CEILING,
             decimal.ROUND_FLOOR, decimal.ROUND_HALF_UP, decimal.ROUND_HALF_DOWN,
             decimal.ROUND_HALF_EVEN, decimal.ROUND_05UP]
SIGNALS = [decimal.Clamped, decimal.InvalidOperation, decimal.DivisionByZero,
           decimal.Inexact, decimal.Overflow, decimal.Rounded, decimal.Subnormal,
           decimal.Underflow]


def number():
    r = rand(100)
    if r < 3:
        return choice(['Inf', '-Inf', 'NaN', '-NaN7', 'sNaN', '0', '-0', '0E-5', '1'])
    sign = choice(['', '-'])
    nd = choice([1, 1, 2, 3, 5, 8, 12, 20, 30])
    digits = ''.join(str(rand(10)) for _ in range(nd))
    if rand(5) == 0:
        digits = '5' + '0' * rand(5)
    elif rand(5) == 0:
        digits = '9' * nd
    exp = choice([0, 0, -1, -2, -5, 1, 3, -10, -30, 10, 25, rand(200) - 100])
    return '%s%sE%d' % (sign, digits, exp)


BINARY = ['add', 'subtract', 'multiply', 'divide', 'divide_int', 'remainder',
          'power', 'compare', 'max', 'min', 'quantize', 'remainder_near',
          'next_toward', 'compare_total', 'scaleb', 'divmod', 'max_mag']
UNARY = ['plus', 'minus', 'abs', 'sqrt', 'exp', 'ln', 'log10', 'logb', 'normalize',
         'next_plus', 'next_minus', 'to_integral_value', 'to_integral_exact',
         'number_class', 'to_eng_string']
for i in range(700):
    op = choice(BINARY + UNARY + ['fma'])
    prec = choice([1, 2, 3, 5, 9, 16, 28, 40])
    emax = choice([999999, 99, 20, 50])
    emin = -emax if rand(5) else -choice([5, 30, 99])
    ctx = Context(prec=prec, rounding=choice(ROUNDINGS), Emin=emin, Emax=emax,
                  clamp=choice([0, 0, 1]), traps=[])
    count = 3 if op == 'fma' else 2 if op in BINARY else 1
    args = [number() for _ in range(count)]
    if op == 'scaleb':
        args[1] = str(rand(201) - 100)
    if op == 'power' and rand(5) < 3:
        args[1] = str(rand(41) - 20)
    if op == 'exp' and rand(10) < 7:
        args[0] = '%s%d.%d' % (choice(['', '-']), rand(300), rand(1000))
    if op in ('ln', 'log10'):
        args[0] = args[0].lstrip('-')
    values = [Decimal(a) for a in args]
    try:
        result = repr(getattr(ctx, op)(*values))
    except Exception as e:
        result = type(e).__name__
    print(i, op, args, prec, ctx.rounding[6:], emin, emax, ctx.clamp, result,
          ''.join(s.__name__[:3] for s in SIGNALS if ctx.flags[s]))
