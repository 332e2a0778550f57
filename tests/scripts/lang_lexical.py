# Literals and lexical structure.
print(0x1F, 0o17, 0b1011, 1_000_000, 0xFF_FF, 1e3, 1.5e-3, .5, 5., 1_0.2_5)
print('single', "double", '''triple
quoted''', """also "triple" """, r'raw\n', b'bytes', rb'\x00raw', 'tab\tnew\\n')
print('\x41\u00e9\U0001F600', '\101', "\N{LATIN SMALL LETTER E WITH ACUTE}", len('\N{SNOWMAN}'))
print('implicit' ' ' "concatenation", f'mixed {1 + 1}' 'plain')
total = 1 + \
    2 + \
    3
values = [
    1,   # comment inside brackets
    2,
]
print(total, values, {
    "k": (1,
          2),
})
x = 3.14159
width, prec = 10, 3
name = "gil"
print(f"{x:{width}.{prec}f}|{x!r:>12}|{name!s:^7}|{name!a}|{x=:.2f}|{name=}")
print(f"{'nested' + f'{1 + 2}'}", f"{{braces}}", f"{3!r:>4}", f"{[1, 2][0]}", f"{ {'a': 1}['a'] }")
print(f"{1e100:.3e}", f"{-0.0:+.1f}", f"{12345:_}", f"{255:08b}", f"{'x'*3}")
print(1 if True else 2, not 1 == 2, 2 ** -1, -2 ** 2, (-2) ** 2, 10 // 3 * 3 + 10 % 3)
a = [1, 2, 3, 4, 5, 6]
print(a[::2], a[1:-1], a[-2:], a[:-4:-1], a[5:1:-2], a[100:], a[:])
a[1:3] = []
a[::2] = ["x", "y"]
print(a)
print(1 < 2 <= 2 > 1 != 0, 1 in [1] not in [[1]], None is None is not False)
