# Private name mangling: __names inside a class body become _Class__name.
class Account:
    __count = 0
    _Account__seen = "set directly"

    def __init__(self, owner):
        self.__owner = owner
        Account.__count += 1

    def __secret(self):
        return "secret of " + self.__owner

    def reveal(self):
        return self.__secret()

    @classmethod
    def count(cls):
        return cls.__count

    def lookup(self, __key=5):
        __local = __key * 2
        return __local

    class __Inner:
        pass

    def inner(self):
        return self.__Inner.__name__, self.__Inner.__qualname__

    def make(self):
        return [self.__owner + str(i) for i in range(2)], (lambda __y: __y + 1)(1)


a = Account("ann")
Account("bob")
print(a.reveal(), Account.count(), a._Account__owner)
print(hasattr(a, "__owner"), hasattr(Account, "_Account__secret"), hasattr(Account, "__secret"))
print(Account._Account__secret.__name__, Account._Account__secret.__qualname__)
print(a.lookup(), a.inner(), a.make(), Account._Account__seen)
print(sorted(k for k in vars(Account) if "Inner" in k or "count" in k))
try:
    a.__owner
except AttributeError as e:
    print("AttributeError:", e)


class _Under:
    def __init__(self):
        self.__x = 1


class ___:
    def __init__(self):
        self.__x = 2


print(sorted(vars(_Under())), sorted(vars(___())))


class Base:
    def __init__(self):
        self.__v = "base"

    def base_v(self):
        return self.__v


class Derived(Base):
    def __init__(self):
        super().__init__()
        self.__v = "derived"

    def derived_v(self):
        return self.__v


d = Derived()
print(d.base_v(), d.derived_v(), sorted(vars(d)))

counter = 0


class UsesGlobal:
    def bump(self):
        global __total
        __total = 10
        return __total


print(UsesGlobal().bump(), "_UsesGlobal__total" in globals())


def outside():
    __plain = 3
    return __plain


print(outside())
print(getattr(Account("cy"), "_Account__owner"), Account.__dict__["_Account__count"])
print((lambda **kw: sorted(kw))(__k=1))


class Keywords:
    def call(self):
        return (lambda **kw: sorted(kw))(__k=1)


print(Keywords().call())
