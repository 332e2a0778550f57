# open() with encodings other than UTF-8: reading, writing, BOMs, error
# handlers, newline translation, tell/seek and chunk boundaries.
import os
import tempfile

folder = tempfile.mkdtemp()
path = os.path.join(folder, "t.txt")
text = "h\u00e9llo\nw\u00f6rld \u20ac\n"


def raw():
    with open(path, "rb") as f:
        return f.read()


for enc in ("latin-1", "cp1252", "iso8859-15", "utf-16", "utf-16-be", "utf-32", "utf-8-sig", "koi8-u", "mac-roman"):
    try:
        with open(path, "w", encoding=enc) as f:
            print(enc, f.write(text), f.encoding)
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError", e.reason, e.start)
        continue
    data = raw()
    print(len(data), data[:6])
    with open(path, encoding=enc) as f:
        print(repr(f.readline()), repr(f.read()))
    with open(path, encoding=enc) as f:
        print([line for line in f])

# A BOM is written once, not again when appending.
with open(path, "w", encoding="utf-16") as f:
    f.write("ab")
    f.write("cd")
with open(path, "a", encoding="utf-16") as f:
    f.write("ef")
print(raw())
with open(path, encoding="utf-16") as f:
    print(repr(f.read()))

# A big-endian BOM decides the byte order of the rest.
with open(path, "wb") as f:
    f.write(b"\xfe\xff" + "x\u00e9y".encode("utf-16-be"))
with open(path, encoding="utf-16") as f:
    print(repr(f.read()))

# Sequences that straddle the read chunks.
long_text = ("\u00e9\u20ac\U0001f600" * 7000) + "\n" + "end\n"
for enc in ("utf-16", "utf-32-le", "utf-8"):
    with open(path, "w", encoding=enc) as f:
        f.write(long_text)
    with open(path, encoding=enc) as f:
        got = f.read()
    print(enc, got == long_text, len(got))

# Error handlers.
with open(path, "wb") as f:
    f.write(b"ok \xff\xfe bad\n")
for errors in ("replace", "ignore", "backslashreplace", "surrogateescape"):
    with open(path, encoding="utf-8", errors=errors) as f:
        print(errors, ascii(f.read()))
try:
    with open(path, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
try:
    with open(path, encoding="ascii") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
with open(path, "w", encoding="ascii", errors="xmlcharrefreplace") as f:
    f.write("caf\u00e9 \u20ac")
print(raw())
with open(path, encoding="utf-8", errors="surrogateescape") as f:
    smuggled = f.read()
with open(path + "2", "w", encoding="utf-8", errors="surrogateescape") as f:
    f.write(smuggled)
print(open(path + "2", "rb").read() == raw())

# Newlines and positions.
with open(path, "w", encoding="utf-16-le", newline="\r\n") as f:
    f.write("one\ntwo\n")
print(raw())
with open(path, encoding="utf-16-le") as f:
    first = f.readline()
    where = f.tell()
    rest = f.read()
    f.seek(where)
    print(repr(first), where, repr(rest), repr(f.read()))
    f.seek(0)
    print(repr(f.read(3)), f.tell())
with open(path, "w", encoding="cp1252") as f:
    f.write("\u20ac1\n\u20ac2\n")
with open(path, encoding="cp1252") as f:
    f.readline()
    print(f.tell(), repr(f.readline()), f.tell())
with open(path, "r+", encoding="latin-1") as f:
    f.seek(0, 2)
    f.write("\u00ff")
print(raw())
try:
    open(path, encoding="no-such-codec")
except LookupError as e:
    print("LookupError", e)
p = os.path.join(tempfile.mkdtemp(), "c.txt")
with open(p, "wb") as f:
    f.write(b"one\r\ntwo\r\nthree\rfour\n")
with open(p) as f:
    print(repr(f.readline()), f.tell(), repr(f.readline()), f.tell(), repr(f.read(2)), f.tell())
    f.seek(5)
    print(repr(f.read()))
