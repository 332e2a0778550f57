# gilvm demonstration: a little of everything the language core runs.
# (Once threads and processes exist, this becomes the CPU-bound
# threads-versus-processes comparison from the course material.)
import sys


def primes_below(limit):
    sieve = [True] * limit
    sieve[0:2] = [False, False]
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, limit, i):
                sieve[j] = False
    return [i for i, is_prime in enumerate(sieve) if is_prime]


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        return self

    def __repr__(self):
        return f"Account({self.owner!r}, balance={self.balance})"


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print("gilvm running on", sys.version.split()[0])
print("primes below 50:", primes_below(50))
print("2 ** 100 =", 2 ** 100)
acct = Account("ada").deposit(100).deposit(23)
print(acct)
try:
    acct.deposit(-5)
except ValueError as error:
    print("refused:", error)
fibs = []
for value in fibonacci():
    if value > 1000:
        break
    fibs.append(value)
print("fibonacci:", fibs)
words = "the quick brown fox jumps over the lazy dog".split()
print("word lengths:", {w: len(w) for w in sorted(set(words))})
print(f"{'done':>10}")
