x = f"{a!r:>{w}} {b=} {{}}"
y = rb"\x00" b"a"
z = "\N{BULLET}\u00e9"
