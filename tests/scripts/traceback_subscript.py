# CPython 3.11's traceback location markers: subscript (stderr compared whole).
def lookup(table, key):
    return table[key]["inner"]


def nested():
    rows = [[1]]
    return rows[0][0][0]


print(lookup({"a": {"inner": 1}}, "a"))
try:
    nested()
except TypeError as e:
    print("TypeError:", e)
data = {"k": {}}
value = lookup(data, "k")
