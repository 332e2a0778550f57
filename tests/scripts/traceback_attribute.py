# CPython 3.11's traceback location markers: attribute (stderr compared whole).
class Box:
    def __init__(self):
        self.item = None


def describe(box):
    return box.item.name.upper()


def call_method(items):
    items.nope(1, 2)


try:
    call_method([])
except AttributeError as e:
    print("AttributeError:", e)
describe(Box())
