# weakref.proxy: operations forwarded to the referent while it lives,
# ReferenceError afterwards, callbacks with the proxy.
import gc
import re
import weakref


def show(text):
    return re.sub(r"0x[0-9a-f]+", "ADDR", text)


class Box:
    def __init__(self, value):
        self.value = value

    def twice(self):
        return self.value * 2

    def __len__(self):
        return 3

    def __getitem__(self, i):
        return self.value + i

    def __iter__(self):
        return iter([self.value, self.value + 1])

    def __add__(self, other):
        return "add %r" % (other,)

    def __radd__(self, other):
        return "radd %r" % (other,)

    def __eq__(self, other):
        return isinstance(other, Box) and other.value == self.value

    def __lt__(self, other):
        return self.value < other.value

    def __hash__(self):
        return hash(self.value)

    def __str__(self):
        return "Box(%s)" % self.value

    def __bool__(self):
        return self.value != 0


b = Box(4)
p = weakref.proxy(b)
print(type(p), type(p) is weakref.ProxyType, weakref.ProxyTypes)
print(p.value, p.twice(), len(p), p[1], list(p), 3 in p, str(p))
print(p + 1, 1 + p, p == Box(4), p == b, p != b, p < Box(5), bool(p))
print(show(repr(p)))
p.value = 7
print(b.value, p.value)
del p.value
print(hasattr(b, "value"))
b.value = 4
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
print(weakref.getweakrefcount(b) >= 1)

# A callable referent gives a callable proxy.
def add(x, y):
    return x + y


cp = weakref.proxy(add)
print(type(cp) is weakref.CallableProxyType, cp(2, 3), cp.__name__)

# Numbers through a proxy.
class Num:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n

    def __int__(self):
        return self.n

    def __float__(self):
        return float(self.n)

    def __neg__(self):
        return -self.n

    def __mul__(self, other):
        return self.n * other


n = Num(6)
np = weakref.proxy(n)
print([10, 20, 30, 40, 50, 60, 70][np], int(np), float(np), -np, np * 2)

# proxy rejects what ref rejects.
try:
    weakref.proxy(5)
except TypeError as e:
    print("TypeError:", e)

# After the referent is collected.
called = []


def make_proxies(n):
    return [weakref.proxy(Box(i), called.append) for i in range(n)]


proxies = make_proxies(20)
gc.collect()
gc.collect()
dead = []
for pr in proxies:
    try:
        pr.value
    except ReferenceError as e:
        dead.append(pr)
        message = str(e)
print(len(dead) >= 18, message, len(called) == len(dead))
print(all(any(c is d for d in dead) for c in called))
for action in (lambda: dead[0].value, lambda: str(dead[0]), lambda: len(dead[0]),
               lambda: dead[0] + 1, lambda: bool(dead[0]), lambda: dead[0] == 1):
    try:
        action()
    except ReferenceError as e:
        print("ReferenceError:", e)
