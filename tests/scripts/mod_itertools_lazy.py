# product, permutations, combinations and combinations_with_replacement are
# lazy: the first item of a huge result comes at once.
import itertools
from itertools import product, permutations, combinations, combinations_with_replacement

print(next(product(range(10), repeat=8)))
print(next(product(range(100), range(100), range(100), range(100), repeat=2)))
print(next(permutations(range(20))))
print(next(combinations(range(60), 30)))
print(next(combinations_with_replacement(range(50), 25)))
it = product('ab', range(10 ** 6), repeat=3)
print([next(it) for _ in range(3)])

# Same items in the same order as CPython.
print(list(product('ab', 'xyz')))
print(list(product(range(2), repeat=3)))
print(list(product()))
print(list(product('ab', repeat=0)))
print(list(product('ab', '', 'cd')))
print(list(product([], repeat=0)))
print(list(permutations('abc', 2)))
print(list(permutations('ab', 3)))
print(list(combinations('abcd', 2)))
print(list(combinations('ab', 0)))
print(list(combinations_with_replacement('abc', 2)))
print(list(combinations_with_replacement('', 0)))
print(sum(1 for _ in product(range(3), repeat=4)))


def gen():
    yield from 'xy'


print(list(product(gen(), gen())))
for bad in (lambda: product('ab', repeat=-1), lambda: combinations('ab', -1),
            lambda: permutations('ab', -2), lambda: combinations_with_replacement('ab', -1)):
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
