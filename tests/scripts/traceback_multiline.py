# CPython 3.11's traceback location markers: multiline (stderr compared whole).
def total(values):
    result = (values[0] +
              values[1])
    return result


def bump(counts):
    counts["missing"] += 1


print(total([1, 2]))
try:
    bump({})
except KeyError as e:
    print("KeyError:", e)
total([1, None])
