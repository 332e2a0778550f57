# Errors instead of crashes: recursion through comparisons and reprs of deep
# structures, absurd sizes, lists changed while they sort; SyntaxError's
# attributes and str().
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
l = [3, 1, 2]
show(lambda: l.sort(key=lambda x: l.append(x) or x))
print(l)
l = [3, 1, 2]
seen = []
show(lambda: l.sort(key=lambda x: seen.append(len(l)) or -x))
print(l, seen)
l = [3, 1, 2]
show(lambda: l.sort(key=lambda x: l.clear() or x))
print(l)
l = [3, 1, "a"]
show(lambda: l.sort())
print(sorted(l, key=str))
l = [5, 3, 9, 1]
show(lambda: l.sort(key=lambda x: 1 / (x - 3)))
print(sorted(l))
l = list(range(20, 0, -1)); l.sort(reverse=True); print(l[:3])
e = SyntaxError('m', ('/a/b/f.py', 3, 4, 'x', 3, 5)); print(str(e)); print(repr(e))
e = SyntaxError('m'); print(str(e))
e = SyntaxError('m', (None, 3, 4, 'x')); print(str(e))
e = SyntaxError('m', ('f.py', None, 4, 'x')); print(str(e))
try: compile('a b', 'zz.py', 'exec')
except SyntaxError as e: print(str(e), e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset, e.msg, e.args)
try: exec("def f(:\n pass")
except SyntaxError as e: print(str(e), e.filename, e.lineno, e.offset, repr(e.text), e.msg)
e = SyntaxError(); print(repr(str(e)), e.msg, e.lineno)
try:
    SyntaxError("m", ("f.py", 1))
except TypeError as e:
    print("TypeError:", e)


class MySyntaxError(SyntaxError):
    def __init__(self, msg, where):
        super().__init__(msg, (where, 7, 1, "text", 7, 2))


e = MySyntaxError("custom", "g.py")
print(str(e), e.lineno, e.args)


def nest(n):
    x = []
    for _ in range(n):
        x = [x]
    return x


show(lambda: nest(3000) == nest(3000))
show(lambda: len(repr(nest(3000))))
show(lambda: len(str(nest(3000))))
a = []
a.append(a)
d = {}
d["d"] = d
show(lambda: (repr(a), repr(d)))
show(lambda: hash(eval("(" * 50 + ")" * 50)))
show(lambda: len("a".center(10 ** 13)))
show(lambda: len("a".ljust(10 ** 13, "\u263a")))
show(lambda: len([0] * (10 ** 12)))
show(lambda: chr(0x110000))
