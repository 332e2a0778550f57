# Int results too large to hold: MemoryError as in CPython, not a GMP abort.
import math


def show(label, f):
    try:
        r = f()
        print(label, r if abs(r) < 10 ** 20 else 'big, %d bits' % r.bit_length())
    except Exception as e:
        print(label, type(e).__name__, e)


show('1 << 2**40', lambda: 1 << 2 ** 40)
show('1 << 2**63', lambda: 1 << 2 ** 63)
show('1 << 2**64', lambda: 1 << 2 ** 64)
show('-7 << 2**62', lambda: -7 << 2 ** 62)
show('(2**100) << 2**50', lambda: (2 ** 100) << 2 ** 50)
show('0 << 2**70', lambda: 0 << 2 ** 70)
show('1 >> 2**70', lambda: 1 >> 2 ** 70)
show('-1 >> 2**70', lambda: -1 >> 2 ** 70)
show('(2**100) >> 2**40', lambda: (2 ** 100) >> 2 ** 40)
show('1 << -1', lambda: 1 << -1)
show('(-1) ** 10**30', lambda: (-1) ** 10 ** 30)
show('1 ** 10**30', lambda: 1 ** 10 ** 30)
show('0 ** 10**30', lambda: 0 ** 10 ** 30)
show('2 ** -(10**30)', lambda: 2 ** -(10 ** 30))
show('2 ** 1000', lambda: 2 ** 1000)
show('3 ** 10**5', lambda: 3 ** 10 ** 5)
show('(2**64) * (2**64)', lambda: (2 ** 64) * (2 ** 64))
show('1 << 10**6', lambda: 1 << 10 ** 6)
show('factorial(10**20)', lambda: math.factorial(10 ** 20))
show('factorial(2**63)', lambda: math.factorial(2 ** 63))
show('factorial(-1)', lambda: math.factorial(-1))
show('factorial(20000)', lambda: math.factorial(20000))
x = 1
for _ in range(3):
    try:
        x = x << 2 ** 62
    except MemoryError:
        x += 1
print(x)
