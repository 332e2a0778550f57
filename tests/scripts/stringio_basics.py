# io.StringIO: construction, writing, reading, seeking, truncating, closing,
# iteration, newline modes and the errors CPython raises (with its texts).
import io


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


S = io.StringIO
print(S.__name__, S.__module__, repr(S), io.UnsupportedOperation.__mro__[1:3])

# Construction.
print(repr(S().getvalue()), repr(S("abc").getvalue()), repr(S(None).getvalue()), S("abc").tell())
print(repr(S(initial_value="x", newline=None).getvalue()))
attempt("int initial", lambda: S(5))
attempt("int newline", lambda: S("a", 5))
attempt("bad newline", lambda: S("a", "x"))
attempt("bad both", lambda: S(5, "x"))
attempt("three args", lambda: S("a", "\n", 3))
attempt("bad keyword", lambda: S(foo=1))

# Writing returns the length in code points; positions are code points.
s = S()
print(s.write("hello"), s.write(" wörld ✓"), s.write(""), s.tell(), repr(s.getvalue()))
print(s.seek(6), s.write("W"), repr(s.getvalue()), s.tell())
print(s.seek(0, 2), s.write("!"), repr(s.getvalue()))
print(s.seek(20), s.write("z"), repr(s.getvalue()), s.tell(), len(s.getvalue()))
s.seek(3)
print(s.write("ääääää"), repr(s.getvalue()))
s.seek(0)
print(s.write("日本"), repr(s.getvalue()))
attempt("write int", lambda: S().write(1))
attempt("write none", lambda: S().write(None))
attempt("write bytes", lambda: S().write(b"x"))
attempt("write no arg", lambda: S().write())
attempt("write keyword", lambda: S().write(s="a"))
w = S()
w.writelines(["a\n", "b", "ç\n"])
w.writelines(iter(["x", "y"]))
print(repr(w.getvalue()))
attempt("writelines int item", lambda: S().writelines([1]))
attempt("writelines int", lambda: S().writelines(1))

# Reading.
r = S("líne 1\nline 2\n\nlast")
print(repr(r.read(3)), repr(r.read(0)), r.tell(), repr(r.readline()), repr(r.readline(2)), repr(r.readline()))
print(repr(r.readline()), repr(r.readline()), repr(r.readline()), repr(r.read()), r.tell())
r.seek(0)
print(repr(r.read(None)), repr(r.read(-1)), repr(r.readline(None)))
r.seek(0)
print(r.readlines())
r.seek(0)
print(r.readlines(None), r.readlines())
for hint in (-1, 0, 1, 7, 8, 9, 100):
    r.seek(0)
    print(hint, r.readlines(hint))
r.seek(100)
print(repr(r.read()), repr(r.readline()), r.tell())
attempt("read float", lambda: S().read(1.0))
attempt("read keyword", lambda: S().read(size=1))
attempt("read two", lambda: S().read(1, 2))
attempt("readline float", lambda: S().readline(1.0))
attempt("readlines float", lambda: S().readlines(1.0))
attempt("readlines keyword", lambda: S().readlines(hint=1))

# Iteration.
print([line for line in S("α\nβ\nγ")], list(S("")), list(S("no newline")))
it = S("a\nb")
print(iter(it) is it, next(it), next(it))
attempt("exhausted", lambda: next(it))

# Seeking.
k = S("0123456789")
print(k.seek(3), k.tell(), k.seek(0, 1), k.seek(0, 2), k.seek(0, 0), k.seek(True))
attempt("seek float", lambda: S().seek(1.0))
attempt("seek float whence", lambda: S().seek(0, 1.0))
attempt("seek whence 3", lambda: S().seek(0, 3))
attempt("seek whence -1", lambda: S().seek(0, -1))
attempt("seek negative", lambda: S().seek(-1))
attempt("seek cur nonzero", lambda: S().seek(1, 1))
attempt("seek end nonzero", lambda: S().seek(-1, 2))
attempt("seek no args", lambda: S().seek())
attempt("seek three args", lambda: S().seek(1, 2, 3))
attempt("seek keyword", lambda: S().seek(pos=1))

# Truncating keeps the position.
t = S("héllo wörld")
print(t.seek(5), t.truncate(), repr(t.getvalue()), t.tell())
print(t.truncate(2), repr(t.getvalue()), t.tell(), t.write("X"), repr(t.getvalue()))
print(t.truncate(100), repr(t.getvalue()), t.truncate(None), repr(t.getvalue()))
t.seek(0)
print(t.truncate(0), repr(t.getvalue()), t.write("new"), repr(t.getvalue()))
attempt("truncate negative", lambda: S().truncate(-1))
attempt("truncate float", lambda: S().truncate(1.0))
attempt("truncate keyword", lambda: S().truncate(pos=1))
u = S("abc")
u.seek(10)
print(u.truncate(), repr(u.getvalue()), u.tell())

# Newline modes.
for nl in ["\n", None, "", "\r", "\r\n"]:
    n = S(newline=nl)
    n.write("a\nb\r\nc\rd")
    n.write("e\r")
    n.write("\nf")
    n.seek(0)
    print(repr(nl), repr(n.getvalue()), n.readlines(), repr(n.newlines))
print(repr(S("x\r\ny", newline=None).getvalue()), repr(S("x\ny", newline="\r\n").getvalue()))
print(S("a\r\nb", newline=None).newlines, S("a\rb\nc\r\n", newline="").newlines, S("a", newline="").newlines)
print(S("1\r2\n3\r\n4", newline="").readline(2), repr(S("ab\r\ncd", newline="").readline(3)))

# Attributes and small methods.
a = S("x")
print(a.readable(), a.writable(), a.seekable(), a.isatty(), a.flush(), a.closed, a.line_buffering)
print(a.encoding, a.errors, a.newlines)
attempt("fileno", lambda: a.fileno())
attempt("detach", lambda: a.detach())
attempt("getvalue arg", lambda: a.getvalue(1))
attempt("tell arg", lambda: a.tell(1))
a.extra = 5
print(a.extra)

# Context manager and closing.
with S("ctx") as c:
    print(c.read(), c.closed)
print(c.closed, c.close(), c.closed)
for name in ["getvalue", "read", "readline", "readlines", "tell", "truncate", "flush", "isatty",
             "readable", "writable", "seekable", "__iter__", "__next__", "__enter__", "fileno"]:
    attempt("closed " + name, getattr(c, name))
attempt("closed write", lambda: c.write("a"))
attempt("closed write int", lambda: c.write(1))
attempt("closed seek", lambda: c.seek(0))
attempt("closed seek bad whence", lambda: c.seek(0, 5))
attempt("closed writelines", lambda: c.writelines([]))
attempt("closed line_buffering", lambda: c.line_buffering)
attempt("closed newlines", lambda: c.newlines)
attempt("closed iteration", lambda: list(c))
try:
    with c:
        pass
except ValueError as e:
    print("with closed:", e)


# Subclasses: __init__ through super(), overridden write and readline.
class Upper(io.StringIO):
    def __init__(self, text, tag):
        super().__init__(text)
        self.tag = tag

    def write(self, s):
        return super().write(s.upper())


up = Upper("start ", "T")
up.seek(0, 2)
print(up.write("abc"), repr(up.getvalue()), up.tag, isinstance(up, io.StringIO))
up.writelines(["x", "y"])
print(repr(up.getvalue()))


class Lines(io.StringIO):
    def readline(self, size=-1):
        line = super().readline(size)
        return line.strip() + "|" if line else line


print(list(Lines("a \nb \n")), Lines("q\n").readlines())


class Plain(io.StringIO):
    pass


p = Plain("plain\ntext")
print(p.readlines(), type(p).__name__)

# print() and a large number of writes.
big = S()
for i in range(20000):
    print(i, "ü" if i % 1000 == 0 else "u", file=big)
v = big.getvalue()
print(len(v), v[:12].splitlines(), v[-8:].splitlines(), big.tell())

# Sizes beyond what a buffer can hold.
far = S()
far.seek(2**62)
attempt("write far", lambda: far.write("a"))
attempt("seek beyond ssize_t", lambda: S().seek(2**70))
