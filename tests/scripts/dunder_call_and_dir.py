# Functions, methods and built-ins have __call__; dir() lists __dict__ only
# for objects whose type gives them one.


def add(a, b=2, *, c=3):
    return a + b + c


class K:
    def method(self, x):
        return x * 2


print(add.__call__(1), add.__call__(1, 2, c=0), K().method.__call__(4), len.__call__("abc"))
print(callable(add.__call__), (lambda: "lam").__call__(), max.__call__(3, 9, key=lambda v: -v))


class C:
    pass


class E(Exception):
    pass


for obj in (1, "s", [], {}, object(), int, dict, C, C(), Exception(), E, E(), add, len, type):
    print(type(obj).__name__, "__dict__" in dir(obj))
