# abc (ABC, abstractmethod, register, __subclasshook__) and string.
from abc import ABC, abstractmethod, ABCMeta
import string
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
    def describe(self):
        return self.name() + " of area " + str(self.area())
try: Shape()
except TypeError as e: print(e)
class Sq(Shape):
    def area(self): return 4
try: Sq()
except TypeError as e: print(e)
class Sq2(Sq):
    def name(self): return 'sq'
print(Sq2().describe(), sorted(Shape.__abstractmethods__), sorted(Sq2.__abstractmethods__), isinstance(Sq2(), Shape), type(Shape).__name__)
class P(metaclass=ABCMeta):
    @property
    @abstractmethod
    def v(self): ...
try: P()
except TypeError as e: print(e)
class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return True if hasattr(C, "__len__") else NotImplemented
print(isinstance([], Sized), isinstance(5, Sized), issubclass(str, Sized))
class Animal(ABC): pass
class Robot: pass
Animal.register(Robot)
print(isinstance(Robot(), Animal), issubclass(Robot, Animal), issubclass(int, Animal))
print(string.ascii_letters, string.digits, string.punctuation, string.hexdigits, string.octdigits, repr(string.whitespace))
print(string.capwords('hello  world'), string.capwords("a-b c", "-"), repr(string.printable))
t = string.Template('$who likes ${what}; $$5 for $who')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'), t.substitute({"who": 1}, what=2))
try:
    t.substitute(who="a")
except KeyError as e:
    print("KeyError:", e)
try:
    string.Template("cost: $ 5").substitute()
except ValueError as e:
    print("ValueError:", e)
print(string.Template("cost: $ 5 and $x").safe_substitute(x=1))
