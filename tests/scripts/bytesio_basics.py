# io.BytesIO: construction, writing, reading, seeking, truncating, closing,
# iteration and the errors CPython raises (with its texts).
import io


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


B = io.BytesIO
print(B.__name__, B.__module__, repr(B))
print(B().getvalue(), B(b"abc").getvalue(), B(None).getvalue(), B(initial_bytes=b"x").getvalue(), B(b"abc").tell())
attempt("str initial", lambda: B("a"))
attempt("int initial", lambda: B(5))
attempt("two args", lambda: B(b"x", 1))
attempt("bad keyword", lambda: B(data=b"x"))

b = B()
print(b.write(b"hello"), b.write(b" world"), b.write(b""), b.tell(), b.getvalue())
print(b.seek(6), b.write(b"W"), b.getvalue(), b.tell())
print(b.seek(20), b.write(b"z"), b.getvalue(), b.tell())
print(b.seek(-3, 1), b.write(b"\xff\x00"), b.getvalue())
print(b.seek(-100, 1), b.seek(-100, 2), b.seek(5, 2), b.seek(2), b.seek(0, 1))
attempt("write str", lambda: B().write("a"))
attempt("write int", lambda: B().write(1))
attempt("write no arg", lambda: B().write())
w = B()
w.writelines([b"a\n", b"b", b"c\n"])
print(w.getvalue())
attempt("writelines str", lambda: B().writelines(["a"]))
attempt("writelines int", lambda: B().writelines(5))

r = B(b"line 1\nline 2\n\nlast")
print(r.read(3), r.read(0), r.tell(), r.readline(), r.readline(2), r.readline(), r.read1(2), r.read1())
r.seek(0)
print(r.read(None), r.read(-1), r.readline(None))
r.seek(0)
print(r.readlines())
for hint in (None, -1, 0, 1, 7, 8, 100):
    r.seek(0)
    print(hint, r.readlines(hint))
r.seek(100)
print(r.read(), r.readline(), r.tell())
attempt("read float", lambda: B().read(1.0))
attempt("read keyword", lambda: B().read(size=1))
attempt("readline str", lambda: B().readline("a"))
attempt("readlines str", lambda: B().readlines("a"))
attempt("readlines float", lambda: B().readlines(1.0))

print(list(B(b"a\nb\nc")), list(B(b"")))
attempt("seek negative", lambda: B().seek(-1))
attempt("seek whence 3", lambda: B().seek(0, 3))
attempt("seek float", lambda: B().seek(1.0))
attempt("seek no args", lambda: B().seek())
attempt("seek keyword", lambda: B().seek(pos=1))

t = B(b"0123456789")
print(t.seek(5), t.truncate(), t.getvalue(), t.tell(), t.truncate(2), t.getvalue(), t.tell())
print(t.write(b"X"), t.getvalue(), t.truncate(100), t.truncate(None), t.getvalue())
attempt("truncate negative", lambda: B().truncate(-1))
attempt("truncate float", lambda: B().truncate(1.0))

a = B(b"x")
print(a.readable(), a.writable(), a.seekable(), a.isatty(), a.flush(), a.closed)
attempt("fileno", lambda: a.fileno())
attempt("getvalue arg", lambda: a.getvalue(1))

with B(b"ctx") as c:
    print(c.read(), c.closed)
print(c.closed, c.close(), c.closed, iter(c) is c)
for name in ["getvalue", "read", "read1", "readline", "readlines", "tell", "truncate", "flush",
             "isatty", "readable", "writable", "seekable", "__next__", "__enter__", "fileno"]:
    attempt("closed " + name, getattr(c, name))
attempt("closed write", lambda: c.write(b"a"))
attempt("closed write str", lambda: c.write("a"))
attempt("closed seek", lambda: c.seek(0))
attempt("closed seek bad whence", lambda: c.seek(0, 7))
attempt("closed writelines", lambda: c.writelines([b"a"]))
attempt("closed iteration", lambda: list(c))


class Tagged(io.BytesIO):
    def __init__(self, data, tag):
        super().__init__(data)
        self.tag = tag


g = Tagged(b"12\n34", "t")
print(g.readlines(), g.tag, isinstance(g, io.BytesIO))
