# bytes and bytearray: center, ljust, rjust, zfill, expandtabs, title, istitle.
def show(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

for kind in (bytes, bytearray):
    b = kind(b"abc")
    for w in [-1, 0, 3, 4, 5, 6, 7, 10]:
        show(f"{kind.__name__} center {w}", lambda: b.center(w))
        show(f"{kind.__name__} center {w} *", lambda: b.center(w, b"*"))
        show(f"{kind.__name__} ljust {w}", lambda: b.ljust(w, bytearray(b"-")))
        show(f"{kind.__name__} rjust {w}", lambda: b.rjust(w, b"."))
    show("center even", lambda: kind(b"ab").center(5, b"*"))
    show("center odd", lambda: kind(b"abc").center(6, b"*"))
    show("center bad fill", lambda: b.center(10, b"ab"))
    show("center str fill", lambda: b.center(10, "a"))
    show("center int fill", lambda: b.center(10, 42))
    show("center float", lambda: b.center(2.5))
    show("center none", lambda: b.center())
    show("center many", lambda: b.center(1, b"x", 2))
    show("center kw", lambda: b.center(width=5))
    show("ljust bad", lambda: b.ljust(5, b""))
    show("rjust bad", lambda: b.rjust(5, None))
    for s in [b"42", b"-42", b"+42", b"", b"-", b"abc", b"--1"]:
        for w in [0, 1, 3, 5]:
            show(f"zfill {s!r} {w}", lambda: kind(s).zfill(w))
    show("zfill none", lambda: b.zfill())
    show("zfill str", lambda: b.zfill("3"))
    t = kind(b"a\tbc\tdef\tg\nh\ti\r\tj\t")
    show("expandtabs", lambda: t.expandtabs())
    show("expandtabs 4", lambda: t.expandtabs(4))
    show("expandtabs kw", lambda: t.expandtabs(tabsize=2))
    show("expandtabs 0", lambda: t.expandtabs(0))
    show("expandtabs -1", lambda: t.expandtabs(-1))
    show("expandtabs bad kw", lambda: t.expandtabs(size=2))
    show("expandtabs float", lambda: t.expandtabs(2.0))
    for s in [b"hello world", b"HELLO wORLD", b"they're bill's", b"a1b2 c3d", b"", b"123", b"\xe9t\xe9 ABC", b"_x_y"]:
        show(f"title {s!r}", lambda: kind(s).title())
    for s in [b"Hello World", b"Hello world", b"HELLO", b"H", b"h", b"", b"123", b"A1b", b"Ab Cd", b"AB", b"1A", b"A_B",
              b"They'Re"]:
        show(f"istitle {s!r}", lambda: kind(s).istitle())
    show("title arg", lambda: b.title(1))
x = b"same"
print(x.center(2) is x, x.ljust(4) is x, x.rjust(1) is x, x.zfill(3) is x)
y = bytearray(b"same")
print(y.center(2) is y, y.zfill(3) is y)
class B(bytes):
    pass
print(type(B(b"ab").center(6)).__name__, type(B(b"ab").center(1)).__name__, type(B(b"ab").title()).__name__)
