# locals() in a function lists parameters first (positional, keyword-only,
# *args, **kwargs), then other locals in the order the code first names
# them, then cell variables, then free variables: CPython's co_varnames order.

def params(b, a, /, d, c, *rest, f, e=1, **options):
    print(list(locals()))

params(1, 2, 3, 4, 5, f=6)

def body():
    zeta = 1
    alpha = 2
    for middle in range(1):
        pass
    with open(__file__) as handle:
        pass
    try:
        raise ValueError
    except ValueError as caught:
        pass
    beta, (gamma, delta) = 1, (2, 3)
    omega: int = 5
    [x for x in range(2)]
    if (walrus := 3):
        pass
    import os as operating
    from sys import path as search
    def nested():
        pass
    class Local:
        pass
    print(list(locals()))

body()

def with_cells(p, q):
    late = 1
    captured = 2
    early = 3
    def reader():
        return captured + q
    def writer():
        nonlocal early
        early = 4
    print(list(locals()))

with_cells(1, 2)

def outer():
    free_b = 1
    free_a = 2
    def inner(arg):
        local = arg
        print(list(locals()))
        return free_a + free_b
    inner(0)

outer()

def unbound_skipped():
    first = 1
    if False:
        second = 2
    third = 3
    del first
    print(list(locals()), locals())

unbound_skipped()

def generator(n):
    total = 0
    for step in range(n):
        total += step
        yield list(locals())

print(list(generator(2)))

# Assignment order versus first mention: the first name the code mentions
# comes first, even if it is read before being bound.
def mention_order():
    for k in range(2):
        if k:
            print(sorted_late)
        sorted_late = k
    early_read = 0
    print(list(locals()))

mention_order()
vars_in_lambda = (lambda y, x: list(locals()))(1, 2)
print(vars_in_lambda)
print([list(locals()) for item in range(1)])
