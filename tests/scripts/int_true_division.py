# int / int is correctly rounded to the nearest float, as CPython's
# long_true_divide (big operands, subnormal results, overflow).
import random
random.seed(11)
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
for a, b in [(0, -5), (-0, 5), (10**400, 10**399), (1, 10**400), (3, 2**1075), (1, 2**1075), (2**1100, 2**47),
             (2**53 + 1, 1), (2**53 + 1, 3), (-(2**60) - 1, 7), (2**1024 - 2**970, 1), (2**1024 - 2**969, 1),
             (10**30, 7), (-(10**30), 7), (1, 3 * 2**1070), (5, 2**1076), (3, 2**1076), (2**64, 2**64 + 1)]:
    show(lambda: a / b)
show(lambda: 10**400 / 1)
show(lambda: 2**1024 / 1)
for _ in range(600):
    bits_a = random.randint(0, 1200)
    bits_b = random.randint(0, 1200)
    a = random.getrandbits(bits_a) if bits_a else 0
    b = random.getrandbits(bits_b) or 1
    if random.random() < 0.5:
        a = -a
    try:
        print(repr(a / b))
    except OverflowError as e:
        print("OverflowError")
