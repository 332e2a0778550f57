# list(), tuple(), extend, +, +=, slice assignment and set building take
# their items straight from the source; these are the cases where the
# source is the target itself, changes while it is read, or runs Python.

l = [1, 2, 3]
l.extend(l)
print(l)
l = [1, 2, 3]
l += l
print(l)
l = [1, 2, 3]
l[1:2] = l
print(l)
l = [1, 2, 3, 4]
l[::-1] = l
print(l)
l = [1, 2, 3, 4]
l[::2] = (9, 8)
print(l)
try:
    l[::2] = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
l = [0, 1, 2, 3, 4, 5]
l[1:3] = [7, 7]          # same length: replaced in place
l[4:4] = (6,)            # insertion
l[0:2] = []              # deletion
l[5:1] = "ab"            # stop below start: insertion at start
print(l)


def shrinking(target):
    # Empties the list being assigned to while its new items are made.
    yield 10
    target.clear()
    yield 11


l = [1, 2, 3, 4, 5]
l[1:4] = shrinking(l)
print(l)
l = [1, 2, 3, 4, 5, 6]
try:
    l[::2] = shrinking(l)
except ValueError as e:
    print("ValueError", e)
print(l)


def watching(target):
    for i in range(3):
        yield len(target)


l = [7]
l.extend(watching(l))
print(l)
t0 = (1, 2)
t = tuple(x * 2 for x in range(10))
print(t, tuple([1, 2]), tuple(t0) is t0, tuple("ab"), tuple())


class T(tuple):
    pass


print(T(x for x in range(3)), type(T([1])).__name__)
print(list(range(20)), list(x for x in ()), list(i for i in range(5)))
print([1] + [2, 3], (1,) + (2,), [] + [], () + ())
tt = (1, 2)
tt += (3,)
print(tt)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError", e)
try:
    (1,) + [2]
except TypeError as e:
    print("TypeError", e)
print([1, 2] * 3, (1,) * 2, [0] * 0)


class Evil:
    """__eq__ empties the set being built (the probe starts over)."""

    def __init__(self, v, victim=None):
        self.v = v
        self.victim = victim

    def __hash__(self):
        return 7

    def __eq__(self, other):
        if other.victim is not None:
            other.victim.clear()
        return self.v == other.v


s = {Evil(1), Evil(2)}
s.add(Evil(3, s))
print(sorted(e.v for e in s))
s = set(range(100))
for i in range(0, 100, 3):
    s.discard(i)
print(len(s), 3 in s, 4 in s)
s.clear()
print(s, set("abracadabra") == set("abcdr"), {3, 1, 2})
s = set()
s.update(range(7))
s.update([1, 50])
s.update(x for x in (100,))
print(sorted(s))

r = range(2, 40, 3)
print(list(r), len(range(-5, 5)), list(range(10, 0, -3)), list(reversed(range(4))))
print(range(2**62 - 2, 2**62 + 2)[-1], len(range(-2**62, 2**62 - 1)))

b = b"abcdef"
empty, one = b"xyz"[1:1], b"xA"[1:]
print(b[0], b[-1], b[2:3], b[2:3] is b"zc"[1:], b[3:3] is empty, bytes([65]) is one)
try:
    b[6]
except IndexError as e:
    print("IndexError", e)

# Slices with steps 1 and -1 are copied as ranges; the edges of both.
a = list(range(10))
t = tuple(a)
print(a[::-1], a[3::-1], a[0::-1], a[9:2:-1], a[:3], a[2:5], a[5:2], a[::2], a[-1::-1])
print(t[::-1], t[1:4], a[100:], a[-100::-1], a[:-100:-1], [][::-1], ()[0:0], a[-3:], t[-2::-1])
