# Names, arithmetic, big ints, comparisons, control flow.
x = 10
y = 3
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** y)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, 2 ** -1)
print(2 ** 100, -(2 ** 70), (2 ** 64) // 3, (2 ** 64) % 1000)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, 1 == 1.0, 0.1 + 0.2)
print(True + True, True * 10, not 0, not "", bool([]), bool([0]))
a = b = 5
a += 1
print(a, b)
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    if n == 4:
        break
    print("n", n)
else:
    print("not reached")
for i in range(3):
    pass
else:
    print("for-else", i)
total = 0
for i in range(10):
    if i % 2:
        total += i
print("odd sum", total)
if x > 5 and y < 5:
    print("and")
if x < 5 or y < 5:
    print("or")
print(x if x > y else y, 1 and 2, 0 or "z", None or 0)
f = 1
for k in range(1, 25):
    f *= k
print("24!", f)
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib(90), fib(100))
print(7 & 3, 7 | 8, 7 ^ 2, ~7, 1 << 70, (1 << 70) >> 68)
print(round(2.5), round(3.5), abs(-4), divmod(17, 5), divmod(-17, 5))
if (walrus := 42) > 40:
    print("walrus", walrus)
