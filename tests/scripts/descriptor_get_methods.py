# The built-in descriptors' __get__ methods, called directly and from
# subclasses through super() (enum.property does this).


class LoggingProperty(property):
    def __get__(self, instance, owner=None):
        if instance is None:
            return "class access"
        return "<" + str(super().__get__(instance, owner)) + ">"


class C:
    @LoggingProperty
    def x(self):
        return 5

    @staticmethod
    def s(a):
        return a * 2

    @classmethod
    def c(cls, a):
        return cls.__name__, a


print(C().x, C.x)
sm = C.__dict__["s"]
cm = C.__dict__["c"]
print(hasattr(sm, "__get__"), hasattr(cm, "__get__"), hasattr(C.__dict__["x"], "__get__"))
print(sm.__get__(None, C)(4), sm.__get__(C())(5))
print(cm.__get__(None, C)(1), cm.__get__(C())(2), cm.__get__(C(), int)(3))
print(property(lambda self: 42).__get__(C(), C), property(lambda self: 1).__get__(None, C).__class__.__name__)
try:
    property().__get__(C(), C)
except AttributeError as e:
    print("AttributeError", e)


class D:
    y = property()


try:
    D().y
except AttributeError as e:
    print("AttributeError", e)
