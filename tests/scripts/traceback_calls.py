# CPython 3.11's traceback location markers: calls (stderr compared whole).
def add(*args):
    return sum(args)


def spread(args):
    return add(*args)


def power(x):
    return (x) ** None


print(spread([1, 2]))
try:
    power(2)
except TypeError as e:
    print("TypeError:", e)
spread(None)
