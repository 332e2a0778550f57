# print() with sep/end/file/flush and input() reading stdin.
import sys

print()
print(1, 2, 3)
print(1, 2, 3, sep="")
print(1, 2, 3, sep=", ", end=".\n")
print("a", "b", sep=None, end=None)
print("no newline", end="")
print(" -- continued")
print(None, True, 1.5, [1, "x"], {"k": (1,)}, "é")
print("flushed", flush=True)
print(*range(5), sep="-")

class Writer:
    def __init__(self):
        self.calls = []
    def write(self, s):
        self.calls.append(s)
        return len(s)
    def flush(self):
        self.calls.append("<flush>")

w = Writer()
print("x", 2, sep="|", end="!", file=w, flush=True)
print(file=w)
print(w.calls)

class Strish:
    def __str__(self):
        return "STR"
    def __repr__(self):
        return "REPR"
print(Strish(), [Strish()])

def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

check(lambda: print(1, sep=1))
check(lambda: print(1, end=2))
check(lambda: print(1, file=1))
check(lambda: print(1, foo=1))
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
print(None, file=None)

name = input()
print("name:", repr(name))
age = input("age? ")
print("age:", repr(age))
print("rest:", repr(input()), repr(input("> ")))
check(lambda: input())
check(lambda: input(1, 2))
for i in range(3):
    print(i, end=" ")
print()
