def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("recursion", type(e).__name__)
x = []
x.append(x)
print(repr(x), x == x)
d = {}
d[1] = d
print(d)
while True:
    break
else:
    print("never")
