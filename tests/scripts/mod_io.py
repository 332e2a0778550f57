# io.StringIO and io.BytesIO (reading, writing, seeking, capturing print).
import io, sys, contextlib
s = io.StringIO()
s.write("hello\n")
print("world", file=s)
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.read()))
r = io.StringIO("a\nb\nc")
print([line for line in r], r.closed)
r.seek(2); print(repr(r.read(1)), r.tell())
with io.StringIO("x") as c:
    print(c.read())
print(c.closed)
try:
    c.read()
except ValueError as e:
    print("ValueError:", e)
try:
    io.StringIO().write(5)
except TypeError as e:
    print("TypeError:", e)
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured", 1, 2)
print(repr(buf.getvalue()))
b = io.BytesIO(b"abc")
b.seek(0, 2); b.write(b"def"); print(b.getvalue(), b.tell())
b.seek(1); print(b.read(2), b.readline())
try:
    b.write("s")
except TypeError as e:
    print("TypeError:", e)
w = io.StringIO("0123456789")
w.seek(3); w.write("xy"); print(w.getvalue()); w.truncate(4); print(w.getvalue())
print(io.open is open, issubclass(io.UnsupportedOperation, OSError), io.StringIO("a\nb").readlines())
