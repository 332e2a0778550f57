# bytes.decode and str() with error handlers, and the codec aliases HTTP
# code uses (iso-8859-1, us-ascii, latin_1, UTF8, ...).
samples = [b"plain", b"\xc3\xbc ok", b"\xff", b"a\xffb\xfec", b"\xe2\x82", b"\xe2\x82\xac\xe2", b"\xc3(",
           b"\xed\xa0\x80", b"\xf0\x9f\x98", b"\x80\x80", b"caf\xe9"]
for data in samples:
    for errors in ["replace", "ignore", "backslashreplace"]:
        print(data, errors, repr(data.decode("utf-8", errors)), repr(bytearray(data).decode(errors=errors)))
    try:
        print(repr(data.decode()))
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
    try:
        print(repr(data.decode("ascii")))
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
    print(repr(data.decode("ascii", "replace")), repr(data.decode("ascii", "ignore")), repr(data.decode("latin-1")))
    print([hex(ord(c)) for c in data.decode("utf-8", "surrogateescape")])
for name in ["iso-8859-1", "ISO-8859-1", "iso8859-1", "latin_1", "Latin-1", "L1", "us-ascii", "US-ASCII", "UTF8",
             "utf_8", "U8", "utf-8"]:
    print(name, repr(b"x\xe9".decode(name, "replace")), repr(str(b"\xe9y", name, "ignore")), "é".encode(name, "replace"))
print(str(b"a\xffb", "utf-8", "replace"), str(b"a\xffb", errors="ignore"), str(b"\xe9", encoding="iso-8859-1"))
for bad in [lambda: b"x".decode("nope"), lambda: "x".encode("nope"), lambda: b"\xff".decode("utf-8", "bogus")]:
    try:
        bad()
    except LookupError as e:
        print("LookupError:", e)
print(b"fine".decode("utf-8", "bogus"))
