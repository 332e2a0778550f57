# inspect.signature, Signature and Parameter (kinds, defaults, annotations,
# str, replace, bind, bind_partial, BoundArguments), getfullargspec and
# getcallargs, with CPython's error messages.
import abc
import functools
import inspect
from inspect import Parameter, Signature


def show(label, fn):
    try:
        print(label, "->", inspect.signature(fn))
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)


def simple(a, b=2, *args, c, d=4, **kwargs):
    pass


def posonly(x, y, /, z, *, w=None):
    pass


def annotated(a: int, b: str = "s", *rest: float, flag: bool = False, **extra: dict) -> list:
    return []


def generic(items: list[int], mapping: dict[str, int] = None) -> tuple[int, ...]:
    pass


class Custom:
    pass


def odd_annotations(a: Custom, b: "forward", c: None = None) -> Custom:
    pass


def nothing():
    pass


def star_only(*, key):
    pass


def captured(a, b):
    def inner():
        return a + b
    return inner


def with_locals(first, second=[1, 2]):
    local = first
    other = second
    return local, other


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def move(self, dx, dy=0):
        pass

    @classmethod
    def origin(cls, scale=1):
        return cls(0)

    @staticmethod
    def helper(value, *, times=2):
        return value

    def __call__(self, n):
        return n


class WithNew:
    def __new__(cls, a, *, b=1):
        return super().__new__(cls)


class Plain:
    pass


class Sub(Point):
    pass


def decorator(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


@decorator
def wrapped_function(p, q=3):
    pass


show("simple", simple)
show("posonly", posonly)
show("annotated", annotated)
show("generic", generic)
show("odd_annotations", odd_annotations)
show("nothing", nothing)
show("star_only", star_only)
show("captured", captured)
show("with_locals", with_locals)
show("lambda", lambda x, *y, z=1: None)
show("Point", Point)
show("Point.move", Point.move)
show("Point().move", Point(1).move)
show("Point.origin", Point.origin)
show("Point.helper", Point.helper)
show("Point(1) instance", Point(1))
show("WithNew", WithNew)
show("Plain", Plain)
show("Sub", Sub)
show("wrapped_function", wrapped_function)
print(inspect.signature(wrapped_function, follow_wrapped=False))
show("partial", functools.partial(simple, 1, c=3))
show("getattr", getattr)
show("range", range)
show("max", max)
show("object", object)
show("type", type)


class Failure(Exception):
    pass


class Abstract(abc.ABC):
    def __init__(self, k, *, flag=False):
        pass


class EmptyAbstract(abc.ABC):
    pass


show("Failure", Failure)
show("Abstract", Abstract)
show("EmptyAbstract", EmptyAbstract)
show("3", 3)
show("int", int)

sig = inspect.signature(simple)
print(repr(sig))
print(list(sig.parameters))
for p in sig.parameters.values():
    print(repr(p), p.name, p.kind, int(p.kind), p.kind.description, p.default, p.annotation is Parameter.empty)
print(Parameter.empty, Signature.empty, Parameter.empty is Signature.empty)
print(sig.return_annotation is Signature.empty)
asig = inspect.signature(annotated)
print(asig.return_annotation, asig.parameters["a"].annotation, asig.parameters["b"].default)
print(repr(Parameter.POSITIONAL_ONLY), str(Parameter.KEYWORD_ONLY), Parameter.VAR_KEYWORD == 4)
print([kind.name for kind in sorted(set(p.kind for p in inspect.signature(posonly).parameters.values()))])

# Making signatures by hand.
made = Signature([Parameter("a", Parameter.POSITIONAL_ONLY), Parameter("b", Parameter.POSITIONAL_OR_KEYWORD, default=1),
                  Parameter("c", Parameter.KEYWORD_ONLY, annotation=int)], return_annotation=str)
print(made)
print(made.replace(return_annotation=Signature.empty))
print(made.replace(parameters=[Parameter("z", Parameter.VAR_POSITIONAL)]))
param = made.parameters["b"]
print(param.replace(name="bb", default=5), param.replace(kind=Parameter.KEYWORD_ONLY, annotation=float))
print(param == Parameter("b", Parameter.POSITIONAL_OR_KEYWORD, default=1), param == made.parameters["a"])
print(hash(param) == hash(Parameter("b", Parameter.POSITIONAL_OR_KEYWORD, default=1)))
print(made == Signature(list(made.parameters.values()), return_annotation=str), made == sig)
print(Signature())
print(Signature.from_callable(simple) == sig)

errors = [
    lambda: Parameter("a", 7),
    lambda: Parameter("a", Parameter.VAR_POSITIONAL, default=1),
    lambda: Parameter("a", Parameter.VAR_KEYWORD, default=1),
    lambda: Parameter(3, Parameter.POSITIONAL_ONLY),
    lambda: Parameter("not valid", Parameter.POSITIONAL_ONLY),
    lambda: Parameter("class", Parameter.POSITIONAL_ONLY),
    lambda: Signature([Parameter("a", Parameter.KEYWORD_ONLY), Parameter("b", Parameter.POSITIONAL_ONLY)]),
    lambda: Signature([Parameter("a", Parameter.POSITIONAL_OR_KEYWORD, default=1),
                       Parameter("b", Parameter.POSITIONAL_OR_KEYWORD)]),
    lambda: Signature([Parameter("a", Parameter.POSITIONAL_ONLY), Parameter("a", Parameter.KEYWORD_ONLY)]),
]
for make in errors:
    try:
        make()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

# bind and bind_partial.
bound = sig.bind(1, 2, 3, 4, c=5, e=6)
print(bound, bound.args, bound.kwargs)
print(bound.arguments)
bound = sig.bind(1, c=3)
print(bound.args, bound.kwargs)
bound.apply_defaults()
print(bound)
print(sig.bind_partial(c=1), sig.bind_partial(), sig.bind_partial(1, 2) == sig.bind_partial(1, 2))
print(bound.signature is sig)
psig = inspect.signature(posonly)
print(psig.bind(1, 2, 3, w=4).arguments, psig.bind(1, 2, z=3).kwargs)
for args, kwargs in [((), {}), ((1, 2), {}), ((1, 2, 3, 4), {}), ((1, 2, 3), {"x": 9}),
                     ((1, 2, 3), {"q": 1}), ((1,), {"z": 3, "y": 2})]:
    try:
        psig.bind(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
for args, kwargs in [((1,), {"a": 2}), ((), {"b": 2}), ((1, 2, 3), {"c": 1, "b": 1})]:
    try:
        sig.bind(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
try:
    inspect.signature(star_only).bind(1)
except TypeError as e:
    print("TypeError:", e)

# getfullargspec and getcallargs.
print(inspect.getfullargspec(simple))
print(inspect.getfullargspec(annotated))
print(inspect.getfullargspec(posonly))
print(inspect.getfullargspec(Point(1).move))
print(inspect.getfullargspec(nothing))
try:
    inspect.getfullargspec(max)
except TypeError as e:
    print("TypeError:", e)
print(sorted(inspect.getcallargs(simple, 1, 2, 3, c=4, z=5).items()))
print(sorted(inspect.getcallargs(Point(1).move, 7).items(), key=lambda kv: kv[0])[0][0])
print(inspect.getcallargs(with_locals, 1))
print(inspect.getcallargs(star_only, key=1))


def two(a, b):
    pass


def defaults(a, b=1, c=2):
    pass


def kwonly(a, *, b, c):
    pass


cases = [
    (two, (1, 2, 3), {}), (two, (), {}), (two, (1,), {}), (two, (1,), {"a": 2}), (two, (1, 2), {"d": 1}),
    (defaults, (), {}), (defaults, (1, 2, 3, 4), {}), (kwonly, (1,), {}), (kwonly, (1,), {"b": 1}),
    (kwonly, (1, 2), {"b": 1}), (simple, (), {}), (nothing, (1,), {}),
    (lambda a, b, c, d: 0, (), {}),
]
for func, args, kwargs in cases:
    try:
        inspect.getcallargs(func, *args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
