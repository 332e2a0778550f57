# Big-int multiplication: factorials.
def factorial(n):
    r = 1
    for k in range(2, n + 1):
        r *= k
    return r
total = 0
for _ in range(20):
    total += factorial(3000) % 1000003
print(total)
