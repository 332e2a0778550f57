# Indexing, slicing and searching long non-ASCII strings (whose byte offsets
# come from an offset table) agree with CPython at every position.
pieces = ["a", "é", "€", "𝄞", "bc", "ü"]
for n in (1, 31, 32, 33, 127, 128, 129, 200, 1000):
    s = "".join(pieces[(i * 7 + n) % len(pieces)] for i in range(n))
    chars = [s[i] for i in range(len(s))]
    assert "".join(chars) == s and len(chars) == len(s)
    neg = [s[-i] for i in range(1, len(s) + 1)]
    assert "".join(reversed(neg)) == s
    checks = []
    for (a, b, c) in [(0, None, 1), (3, 50, 1), (-40, -1, 1), (5, None, 3), (None, None, -1),
                      (100, 2, -7), (n // 2, n // 2 + 40, 2), (-1, None, -5), (10, 5, 1)]:
        t = s[a:b:c]
        checks.append((len(t), t[:3], t[-3:]))
    found = [s.find("€", k) for k in (0, n // 3, n // 2)] + [s.rfind("ü"), s.index(s[-1]), s.count("é")]
    print(n, len(s), len(s.encode()), s[:5], s[-5:], checks[:4], found, s[n // 2:n // 2 + 4])
    print(s.split("€")[-1][:6], s.partition("𝄞")[2][:4], s[::-1][:6], s.startswith(s[:10]), s.endswith(s[-10:]))

mixed = "x" * 100 + "ω" + "y" * 100
print(mixed[100], mixed[99:102], mixed.find("y"), mixed.index("ω"), len(mixed[50:150]), mixed[-1], mixed[150:160])

# One pass over a long non-ASCII string by index (quadratic before the table).
long_text = "αβγδε" * 8000
total = 0
for i in range(len(long_text)):
    if long_text[i] == "γ":
        total += 1
print(total, long_text[-3:], long_text[20000:20004])
