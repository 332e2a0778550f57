s = "Hello, World"
print(s.lower(), s.split(", "), s[::-1], s.find("o"), s.replace("l", "L", 2))
print("%s=%d %.2f %r" % ("x", 3, 2.5, "q"), "{:>8}|{:<4}|{:^6}".format("a", "b", "c"))
print(f"{3.14159:.3f} {255:#x} {'pad':*^9} {1234567:,}")
b = "héllo".encode()
print(b, b.decode(), bytes([65, 66]), b"ab" * 3, "-".join(map(str, range(4))))
print(" x ".strip(), "a,b,,c".split(","), "abc".startswith(("x", "a")), ord("é"), chr(9731))
