# A class body reads the variables of the function around it (dict first,
# then the function's cell); a name it assigns stays its own. A walrus in
# a comprehension honours the function's `global` declaration.


def reads_parameter(x):
    class A:
        local = x
    x += 1
    return x, A.local


def assigns_shadow(value):
    class A:
        local = value_  # the global: the class assigns value_ below
        value_ = "class attribute"
    return A.local, A.value_


value_ = "global"


def dict_first(x):
    class A:
        x = "class"
        y = x
    class B:
        y = x
    return A.y, B.y


def nested_methods(x):
    class A:
        captured = x

        def method(self):
            return x, self.captured
    x = "changed"
    return A().method()


def comprehension_in_class(n):
    class A:
        items = [n * i for i in range(3)]
    return A.items


print(reads_parameter(42), assigns_shadow(1), dict_first("outer"), nested_methods("first"))
print(comprehension_in_class(2))


def walrus_global():
    global counter
    print([counter := i for i in range(3)])


walrus_global()
print(counter)


def walrus_local():
    print([last := i * i for i in range(4)], last)


walrus_local()
print("last" in globals())
