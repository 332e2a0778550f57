# X.__new__(S) called directly: S must be a type, a subtype of X, and be
# constructed as X is (CPython's "is not safe" rule), so that no object
# skips what its real type's construction does. Every built-in type with a
# constructor has its own __new__.


class A(int):
    pass


class B(A):
    def __new__(cls):
        return object.__new__(cls)


class Plain:
    def __new__(cls, *args):
        return super().__new__(cls)


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))


class Meta(type):
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, ns)


class WithMeta(metaclass=Meta):
    pass


class MyError(Exception):
    pass


cases = [
    ("object.__new__(int)", lambda: object.__new__(int)),
    ("object.__new__(A)", lambda: object.__new__(A)),
    ("B()", lambda: B()),
    ("int.__new__(str)", lambda: int.__new__(str)),
    ("int.__new__(bool)", lambda: int.__new__(bool)),
    ("object.__new__(ValueError)", lambda: object.__new__(ValueError)),
    ("list.__new__(dict)", lambda: list.__new__(dict)),
    ("object.__new__(list)", lambda: object.__new__(list)),
    ("tuple.__new__(A)", lambda: tuple.__new__(A)),
    ("object.__new__(5)", lambda: object.__new__(5)),
    ("object.__new__()", lambda: object.__new__()),
    ("int.__new__()", lambda: int.__new__()),
    ("int.__new__(A, 7)", lambda: int.__new__(A, 7)),
    ("bool.__new__(bool, 1)", lambda: bool.__new__(bool, 1)),
    ("str.__new__(str, 5)", lambda: str.__new__(str, 5)),
    ("object.__new__(Plain)", lambda: type(object.__new__(Plain)).__name__),
    ("Plain(1, 2)", lambda: type(Plain(1, 2)).__name__),
    ("Pair(1, 2)", lambda: (Pair(1, 2), type(Pair(1, 2)).__name__)),
    ("type(WithMeta)", lambda: type(WithMeta).__name__),
    ("Exception.__new__(MyError)", lambda: type(Exception.__new__(MyError)).__name__),
    ("BaseException.__new__(MyError, 1)", lambda: BaseException.__new__(MyError, 1).args),
]
for label, make in cases:
    try:
        print(label, "->", repr(make()))
    except TypeError as e:
        print(label, "-> TypeError:", e)

print(object.__new__ is int.__new__, int.__new__ is bool.__new__, A.__new__ is int.__new__)
print("__new__" in vars(int), "__new__" in vars(A), "__new__" in vars(dict))

# Library code that makes instances of built-in subclasses goes on working.
import collections
import copy
import enum
import fractions
import pickle

print(collections.namedtuple("Pt", "x y")(1, 2), enum.IntEnum("Color", "red green").green,
      fractions.Fraction(3, 6))
print(pickle.loads(pickle.dumps(A(5))), type(pickle.loads(pickle.dumps(A(5)))).__name__,
      copy.copy(A(6)), copy.deepcopy([A(7)]))
