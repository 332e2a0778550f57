# CPython 3.11's limit on decimal conversions of huge ints, and
# sys.set_int_max_str_digits / get_int_max_str_digits.
import sys


def show(f):
    try:
        r = f()
        print("ok", r if len(str(r)) < 80 else len(str(r)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


big = 10 ** 4300          # 4301 digits
fits = 10 ** 4299         # 4300 digits
print(sys.get_int_max_str_digits())
show(lambda: len(str(fits)))
show(lambda: len(str(-fits)))
show(lambda: str(big))
show(lambda: repr(-big))
show(lambda: f"{big}")
show(lambda: f"{big:,}")
show(lambda: "%d" % big)
show(lambda: "%x" % big == hex(big)[2:])
show(lambda: len(hex(big)))
show(lambda: len(bin(big)))
show(lambda: len(format(big, "x")))
show(lambda: int("1" * 4300) % 7)
show(lambda: int("1" * 4301))
show(lambda: int("-" + "1" * 4301))
show(lambda: int("1" * 4301, 16) % 7)
show(lambda: int("1" * 4301, 36) % 7)
show(lambda: len(str(2 ** 100000)))

for value in [100, -1, 639, 1.5, "x"]:
    show(lambda: sys.set_int_max_str_digits(value))
show(lambda: sys.set_int_max_str_digits())
sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits())
show(lambda: str(10 ** 640))
show(lambda: len(str(10 ** 639)))
sys.set_int_max_str_digits(maxdigits=0)
print(sys.get_int_max_str_digits())
show(lambda: len(str(big)))
show(lambda: int("1" * 5000) % 7)
sys.set_int_max_str_digits(4300)
show(lambda: str(big))
