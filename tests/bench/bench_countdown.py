# A 20-million-iteration countdown while loop at module level.
n = 20_000_000
while n > 0:
    n -= 1
print(n)
