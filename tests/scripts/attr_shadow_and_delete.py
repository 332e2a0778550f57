# An instance attribute assigned after a method was called through the
# method cache shadows the method; `del` reaches a descriptor's __delete__.


class A:
    def foo(self):
        return "method"


def call_foo(obj):
    return obj.foo()


objs = [A() for _ in range(3)]
print([call_foo(o) for o in objs])
objs[1].foo = lambda: "instance attribute"
print([call_foo(o) for o in objs])
del objs[1].foo
print([call_foo(o) for o in objs])
a = A()
a.x = 1
a.foo = lambda: "after x"
print(call_foo(a), call_foo(A()))


class Logged:
    def __get__(self, obj, cls):
        return "get"

    def __set__(self, obj, value):
        print("set", value)

    def __delete__(self, obj):
        print("delete", type(obj).__name__)


class SetOnly:
    def __get__(self, obj, cls):
        return "get"

    def __set__(self, obj, value):
        print("set", value)


class GetOnly:
    def __get__(self, obj, cls):
        return "get"


class Owner:
    logged = Logged()
    set_only = SetOnly()
    get_only = GetOnly()


o = Owner()
o.logged = 5
print(o.logged)
del o.logged
o.set_only = 6
try:
    del o.set_only
except AttributeError as e:
    print("AttributeError", e)
try:
    del o.get_only
except AttributeError as e:
    print("AttributeError", e)
o.get_only = "shadow"
print(o.get_only)
del o.get_only
print(o.get_only)
