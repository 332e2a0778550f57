print(2 ** 100, -7 // 2, -7 % 2, divmod(17, -5), 1 / 3, 0.1 + 0.2)
print(int("ff", 16), float("1e-3"), round(2.675, 2), abs(-3), pow(3, 4, 5))
print(10 ** 20 // 7, (1 << 70) >> 3, ~5, 5 & 3, 5 | 3, 5 ^ 3, True + True)
import math
print(math.sqrt(2), math.gcd(12, 18), math.floor(-2.5), math.inf > 10 ** 300, math.isnan(float("nan")))
print(hex(255), oct(8), bin(5), int.from_bytes(b"\x01\x00", "big"), (1024).to_bytes(2, "little"))
