# *, // and % on ints, which the interpreter computes inline for small ints:
# signs, zero, the 63-bit boundary where results become big ints, in-place
# forms, and ZeroDivisionError.
import random

vals = [0, 1, -1, 2, -2, 7, -7, 3, -3, 2**31, -2**31 - 5, 2**61, -2**61, 2**62 - 1, -2**62, 10**18, -10**18]
rng = random.Random(3)
vals += [rng.randrange(-2**62, 2**62) for _ in range(12)]
products, quotients, remainders = [], [], []
for a in vals:
    for b in vals:
        products.append(a * b)
        if b:
            quotients.append(a // b)
            remainders.append(a % b)
print(hash(tuple(products)), hash(tuple(quotients)), hash(tuple(remainders)))
print(products[:20])
print([(a // b, a % b) for a in (7, -7, 0) for b in (2, -2, 7, -7)])

def inplace(x, y):
    p = x
    p *= y
    q = x
    q //= y
    r = x
    r %= y
    return p, q, r
print(inplace(17, 5), inplace(-17, 5), inplace(17, -5), inplace(2**62 - 1, 2), inplace(-2**62, -1))
for op in ("//", "%"):
    try:
        eval("5 %s 0" % op)
    except ZeroDivisionError as e:
        print(op, e)
print(3 * True, True // 1, 7 % True, 2 * 2.5, 7 // 2.0, -7 % 2.0)
