# CPython 3.11's traceback location markers: statements (stderr compared whole).
def unpack():
    a, b = 1, 2, 3


def loop():
    for item in 5:
        pass


def name():
    return undefined_name + 1


for f in (unpack, loop):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
x = 10
y = x / (x - 10)
