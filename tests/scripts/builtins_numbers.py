# abs, round, divmod, pow, hex, bin, oct, chr, ord.

def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(abs(-5), abs(3), abs(-2.5), abs(0.0), abs(-0.0), abs(True), abs(-2**100))
check(lambda: abs("x"))
check(lambda: abs())
check(lambda: abs(1, 2))

class A:
    def __abs__(self):
        return "abs!"
print(abs(A()))

print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.4999), round(-0.4))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(123.456, -1), round(125.0, -1), round(135.0, -1), round(-125.0, -1))
print(round(1234.5678, 0), round(-0.0, 1), round(1e300, -300), round(1.5e-300, 300))
print(round(5, 2), round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(15, -1), round(25, -1), round(2**70 + 5, -1), round(True), round(7, None))
print(round(3.14159, 3), round(3.14159, ndigits=1), round(number=2.5))
print(round(float("inf"), 2), round(0.1, 400), round(12345.0, -400))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(5, -1)).__name__)
check(lambda: round(float("inf")))
check(lambda: round(float("nan")))
check(lambda: round(1.7e308, -308))
check(lambda: round("a"))
check(lambda: round(1.5, "a"))
check(lambda: round(1.5, 1.0))
check(lambda: round())
check(lambda: round(1, 2, 3))
check(lambda: round(1, number=2))
check(lambda: round(1, foo=2))

class R:
    def __round__(self, n=None):
        return ("round", n)
print(round(R()), round(R(), 3))

print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(0, 5))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, 0.5), divmod(1, -0.3), divmod(0.0, -1))
print(divmod(2**100, 3), divmod(-2**100, 7), divmod(True, 2))
check(lambda: divmod(1, 0))
check(lambda: divmod(1.0, 0))
check(lambda: divmod(2**100, 0))
check(lambda: divmod("a", 1))
check(lambda: divmod(1))
check(lambda: divmod(1, 2, 3))

class D:
    def __divmod__(self, other):
        return ("divmod", other)
    def __rdivmod__(self, other):
        return ("rdivmod", other)
print(divmod(D(), 3), divmod(3, D()))

print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(0, 0))
print(pow(2, 10, 1000), pow(3, 200, 7), pow(2, 3, -5), pow(-2, 3, 5), pow(3, -1, 7))
print(pow(38, -1, 97), pow(2**100, 2**50, 10**9 + 7), pow(base=2, exp=5), pow(2, 5, mod=3))
print(pow(5, 0, 1), pow(2, 3, None))
check(lambda: pow(2, 3, 0))
check(lambda: pow(2, -1, 4))
check(lambda: pow(2.0, 3, 5))
check(lambda: pow(2, 3.0, 5))
check(lambda: pow("a", 2))
check(lambda: pow("a", 2, 3))
check(lambda: pow(0, -1))
check(lambda: pow())
check(lambda: pow(1))
check(lambda: pow(1, 2, 3, 4))

print(hex(255), hex(-255), hex(0), hex(2**70), hex(-2**64), hex(True))
print(bin(5), bin(-5), bin(0), bin(2**65 + 1))
print(oct(8), oct(-8), oct(0), oct(2**64))

class I:
    def __index__(self):
        return 42
print(hex(I()), bin(I()), oct(I()), chr(I()))
check(lambda: hex(1.5))
check(lambda: bin("1"))
check(lambda: oct(None))
check(lambda: hex())
check(lambda: hex(1, 2))
check(lambda: hex(x=1))

print(chr(65), chr(0x263A), chr(0x1F600), repr(chr(0)), chr(0x10FFFF) == "\U0010ffff")
print(ord("A"), ord("\u263a"), ord("\U0001F600"), ord(b"a"))
check(lambda: chr(-1))
check(lambda: chr(0x110000))
check(lambda: chr(2**70))
check(lambda: chr(1.5))
check(lambda: chr("a"))
check(lambda: ord("ab"))
check(lambda: ord(""))
check(lambda: ord(b"ab"))
check(lambda: ord(5))
check(lambda: ord())
