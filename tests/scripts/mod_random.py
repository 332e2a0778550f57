# random: a seeded generator draws CPython's numbers exactly.
import random
random.seed(12345)
print([random.random() for _ in range(3)])
print(random.randint(1, 100), random.randrange(10), random.randrange(5, 50, 5), random.randrange(10**30))
print(random.choice("abcdef"), random.getrandbits(1), random.getrandbits(100), random.uniform(1, 2))
items = list(range(10))
random.shuffle(items)
print(items)
print(random.sample(range(100), 5), random.sample(range(10000), 8), random.sample("abcdefgh", 3))
print(random.choices("abc", k=5), random.choices(range(4), weights=[1, 0, 5, 2], k=6))
print(random.gauss(0, 1), random.gauss(10, 2), random.normalvariate(0, 1), random.expovariate(2.0))
print(random.triangular(0, 10), random.triangular(0, 10, 8), random.lognormvariate(0, 1))
random.seed("text seed")
print(random.random(), random.randint(0, 10**20))
random.seed(b"bytes seed")
print(random.random())
random.seed(2 ** 100 + 7)
print(random.getrandbits(64), random.random())
random.seed(-5)
a = random.random()
random.seed(5)
print(a == random.random())
r1 = random.Random(42)
r2 = random.Random(42)
print(r1.random() == r2.random(), r1.randint(1, 6), type(r1).__name__)
state = random.getstate()
x = random.random()
random.setstate(state)
print(x == random.random())
for bad in [lambda: random.choice([]), lambda: random.randrange(0), lambda: random.randrange(5, 5),
            lambda: random.randrange(1, 10, 0), lambda: random.sample({1, 2}, 1),
            lambda: random.sample([1, 2], 3)]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
