# Set iteration order must match CPython's table layout for ints.
a = {3, 1, 2}
a.add(5)
a.discard(1)
b = {3, 10}
print(a, a ^ b, b ^ a, a | b, b | a, a & b, b & a, a - b, b - a)
big = set(range(0, 100, 7))
print(big - {7, 14}, big & {14, 700, 21}, {14, 700, 21} & big)
print(set([100, 5, 37, 8, 64, 1000, 3, 17, 33, 9]), frozenset(range(20, 0, -3)))
c = set()
for i in [40, 8, 16, 24, 32, 0]:
    c.add(i)
print(c, c.pop(), c)
print({i * 11 % 17 for i in range(17)}, sorted({"b", "a"}), {(1, 2), (2, 1)} == {(2, 1), (1, 2)})
x = {1, 2, 3}
x ^= {3, 4}
x |= {9, 8}
x -= {1}
x &= {2, 4, 8, 9, 100}
print(x, x.issubset({2, 4, 8, 9, 10}), {1}.isdisjoint({2}), x.union([7], (6,)), x.intersection({2, 4}, [4]))
