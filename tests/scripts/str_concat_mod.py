# str + str and str % args: results, lengths of mixed ASCII/non-ASCII
# concatenations, and the reflected operators of str subclasses and others.
a = "abc"
b = "déf"
c = a + b
print(c, len(c), c[3], c[-1], (a + "")[1:], ("" + a) is a, (a + "") is a, len(b + b), (b + a)[2:5])
s = ""
for i in range(50):
    s += "é" if i % 7 == 0 else "x"
print(len(s), s[7], s[14:16], s.index("é", 1))


class Mine(str):
    def __radd__(self, other):
        return "radd(" + other + ")"

    def __rmod__(self, other):
        return "rmod(" + other + ")"


class Other:
    def __radd__(self, other):
        return "other radd"

    def __rmod__(self, other):
        return "other rmod"


print("x" + Mine("y"), "x%s" % Mine("y"), "x" + Other(), "x" % Other() if False else "skip")
try:
    "x".__add__(1)
except TypeError as e:
    print("TypeError:", e)
print("x".__add__("y"))
t = "s"
t += Other()
print(t)
print("%s and %r, %d%%, %5.2f, %x, %c" % ("é", "q", 42, 3.14159, 255, 233))
print("%(a)s-%(b)s" % {"a": 1, "b": [2]}, "%s" % ([1, 2],), "%s" % (1,), "%d" % 10**30, "%s %s" % (10**30, -1))
try:
    "%s %s" % ("one",)
except TypeError as e:
    print("TypeError:", e)
try:
    "x" + 1
except TypeError as e:
    print("TypeError:", e)
t = "start"
t += Mine("m")
print(t)
