# Strings, f-strings, formatting, slicing.
s = "Hello, World"
print(s[0], s[-1], s[7:], s[:5], s[::2], s[::-1], len(s))
print(s.upper(), s.lower(), s.split(", "), "-".join(["a", "b"]), s.replace("l", "L"))
print(s.startswith("Hell"), s.find("World"), s.count("l"), "  pad  ".strip(), "x".center(5, "*"))
name, value = "pi", 3.14159
print(f"{name}={value:.2f}", f"{value:10.3f}|", f"{42:05d}", f"{255:x}", f"{255:#b}", f"{1234567:,}")
print(f"{name!r}", f"{value=}", f"{'nested ' + name}", f"{{literal}}", f"{3 + 4}")
width = 8
print(f"{'right':>{width}}|{'left':<{width}}|{'mid':^{width}}|")
print("%s is %d years and %.1f%%" % ("Ann", 30, 99.5), "%r" % "q", "%5s|%-5s|" % ("a", "b"))
print("{} {}".format("a", "b"), "{1} {0}".format("a", "b"), "{x}".format(x=5), "{:>6}".format("r"))
print(repr("quote's"), repr('dq"'), repr("both'\""), repr("tab\there\n"), str(123), repr(1.5))
print("a" * 3, "abc" < "abd", "b" in "abc", ord("A"), chr(97), "é", len("é"), "ü".upper())
print("line1\nline2".splitlines(), "a,b,,c".split(","), "  a  b ".split(), "x".join("abc"))
multi = """two
lines"""
raw = r"\n stays"
print(multi, raw, len(raw))
print(str(1e16), str(1.0), str(0.1), 1 / 3, 2.5e-5, float("inf"), -0.0, 1e300 * 10)
print(int("42"), int("-7"), float("2.5"), str(True), int(3.9), int(-3.9), float(7))
b = b"bytes\x00"
print(b, len(b), b[0], list(b"ab"))
print("%-6s|%6.2f|%+d" % ("ab", 2.345, 5))
print(f"{3.14159:e}", f"{0.5:%}", f"{1e10:g}", f"{12345.678:,.2f}")
