# CPython 3.11's traceback location markers: binop (stderr compared whole).
def add(a, b):
    return a + b


def report(x):
    print(add(x, None), "x")


report(1)
