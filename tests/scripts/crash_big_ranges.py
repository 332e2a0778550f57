# Ranges whose bounds or length do not fit 64 bits, and huge slices of
# ranges, computed in big ints as CPython does.


def show(expr):
    try:
        print(expr, '->', repr(eval(expr)))
    except Exception as e:
        print(expr, '->', type(e).__name__, e)


class I:
    def __index__(self):
        return 10 ** 20


for expr in [
    'range(10**30)[::10**10][5]',
    'range(10**30)[::10**10]',
    'range(10**30)',
    'range(10**30)[-1]',
    'range(10**30)[10**30]',
    'range(10**30)[-10**30]',
    'range(10**30)[-10**30 - 1]',
    'range(5)[10**30]',
    'range(5)[-10**30]',
    'range(I())[I() - 1]',
    'range(I())',
    'len(range(10**30))',
    'len(range(10**30, 10**30 + 5))',
    'len(range(-2**62, 2**62))',
    'len(range(-2**63, 2**63, 2**62))',
    'bool(range(10**30))',
    'bool(range(10**30, 0))',
    '10**29 in range(10**30)',
    '-1 in range(10**30)',
    '10**29 + 0.0 in range(0, 10**30, 10**28)',
    'True in range(10**30)',
    '7 in range(0, 10**30, 7)',
    '8 in range(0, 10**30, 7)',
    'range(10**30).index(10**29)',
    'range(0, 10**30, 7).count(14)',
    'range(0, 10**30, 7).count(15)',
    'range(10**30).index(-5)',
    'range(3).index(True)',
    'range(3).index(1.0)',
    'range(3).index("a")',
    'range(10**30) == range(0, 10**30)',
    'range(10**30) == range(0, 10**30, 2)',
    'range(10**30, 0) == range(0)',
    'range(10**30, 10**30 + 1, 5) == range(10**30, 10**30 + 1, 7)',
    'hash(range(10**30)) == hash(range(0, 10**30, 1))',
    'hash(range(10**30, 0)) == hash(range(0))',
    'list(reversed(range(10**30, 10**30 + 3)))',
    'list(reversed(range(10**30, 0)))',
    'list(range(10**30, 10**30 + 3))',
    'list(range(2**63 - 2, 2**63 + 1))',
    'list(range(-2**63 + 1, -2**63 - 2, -1))',
    'range(10**30)[::-1][:3]',
    'range(2**63 - 1)[::-1][:2]',
    'range(10**30).start, range(10**30).stop, range(10**30).step',
    'range(10, 0, -3)[::2**64]',
    'range(10)[::2**64]',
    'range(10)[2**64::-2**64]',
    'range(-2**63, 2**63, 2**62)',
    'range(10**30)[2**70:]',
    'range(10**30)[1.5:]',
    'range(10**40)[-10**41:10**41:-10**39]',
    'range(1.5)',
    'range(0, 10, 0)',
    'range(0, 10**30, 0)',
    'next(iter(range(10**30, 10**31)))',
    'iter(range(10**30, 10**30 + 4)).__length_hint__()',
    'sum(range(10**30, 10**30 + 4))',
    '[x for x in range(10**20, 10**20 + 30, 7)]',
    'list(zip(range(2**63 - 1, 2**64, 2**62), "abc"))',
]:
    show(expr)
