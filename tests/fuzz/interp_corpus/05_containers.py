d = {k: k * 2 for k in "abc"}
d.update(x=1)
d.setdefault("y", []).append(3)
print(sorted(d.items(), key=str), d.pop("a"), list(d.keys()))
s = {1, 2, 3} | {3, 4}
print(s & {2, 4}, s - {1}, s ^ {9}, frozenset(s) <= s)
l = list(range(10))
l[2:5] = ["x"]
del l[::3]
print(l, l[::-1], l.index("x"), tuple(l) * 2)
import collections
print(collections.Counter("abracadabra").most_common(2), collections.deque([1, 2], maxlen=2))
