# Functions: defaults, *args, keyword-only, **kwargs, closures, decorators, lambdas.
def greet(name, greeting="Hello", *rest, punct="!", **extra):
    return f"{greeting}, {name}{punct} {rest} {sorted(extra.items())}"

print(greet("Ann"))
print(greet("Bob", "Hi", 1, 2, punct="?", z=1, a=2))
print(greet(greeting="Yo", name="Cy"))

def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = counter()
c(); c(); print("counter", c(10))

def deco(tag):
    def wrap(f):
        def inner(*args, **kwargs):
            return f"<{tag}>" + str(f(*args, **kwargs)) + f"</{tag}>"
        return inner
    return wrap

@deco("b")
@deco("i")
def text(s):
    return s.upper() if hasattr(s, "upper") else s

print(text("x"))
square = lambda v: v * v
print(list(map(square, range(5))), (lambda *a, **k: (a, k))(1, b=2))

def posonly(a, b, /, c):
    return a + b + c
print(posonly(1, 2, c=3))

for bad in [lambda: greet(), lambda: greet("a", nope=1) if False else posonly(1, b=2, c=3), lambda: square(1, 2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

def kwonly(*, key):
    return key
try:
    kwonly()
except TypeError as e:
    print(e)

x = "global"
def reader():
    return x
def writer():
    global x
    x = "changed"
writer()
print(reader())

def outer():
    v = 1
    def mid():
        def inner():
            return v + 1
        return inner()
    return mid()
print(outer())

def recurse(n):
    return 0 if n == 0 else 1 + recurse(n - 1)
print(recurse(500))
print(greet.__name__, greet.__defaults__, counter.__qualname__, c.__qualname__)

def doc():
    "A docstring."
print(doc.__doc__)
print(sorted([3, 1, 2], key=lambda v: -v), max([1, 5, 3]), min("bca"))
print(sum(x * x for x in range(10)))
print(*[1, 2, 3], sep="-")
args = (1, 2)
kw = {"c": 3}
print(posonly(*args, **kw))
