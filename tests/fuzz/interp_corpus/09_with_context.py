import contextlib

class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return t is KeyError

with Ctx() as c:
    raise KeyError(1)

@contextlib.contextmanager
def managed(x):
    yield x * 2

with managed(4) as v, Ctx():
    print(v)
if (n := len("walrus")) > 3:
    print(n)
