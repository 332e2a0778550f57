# Error paths and corner cases of the language: generators, scopes,
# exceptions, unpacking, calls, formatting, numbers, classes and hooks.
import sys
def t(name, f):
    if len(sys.argv) > 1 and name != sys.argv[1]: return
    try:
        r = f()
        print(name, "ok", repr(r)[:70])
    except BaseException as e:
        print(name, type(e).__name__, str(e)[:90])
def g1():
    try:
        yield 1
    finally:
        print("cleanup")
t("gen close", lambda: (lambda g: (next(g), g.close()))(g1()))
t("gen throw", lambda: (lambda g: (next(g), g.throw(ValueError("x"))))(g1()))
def g2():
    yield 1
    return 2
t("gen return", lambda: list(g2()))
def g3():
    x = yield
    yield x * 2
t("gen send none", lambda: (lambda g: g.send(5))(g3()))
t("gen running", lambda: (lambda g: next(g))((lambda: (yield next(gg)))()) if False else None)
def selfgen():
    yield next(me)
me = selfgen()
t("gen self next", lambda: next(me))
t("gen after exhaust", lambda: (lambda g: (list(g), next(g, "dflt")))(g2()))
t("closure loop", lambda: [f() for f in [lambda: i for i in range(3)]])
t("nonlocal del", lambda: exec("def f():\n x = 1\n def g():\n  nonlocal x\n  del x\n g()\n return x\nf()"))
t("unbound local", lambda: exec("def f():\n print(y)\n y = 1\nf()"))
t("free var before", lambda: exec("def f():\n def g(): return z\n r = g\n z = 3\n return r()\nprint(f())"))
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): raise KeyError("exit")
def withraise():
    with CM():
        raise ValueError("body")
t("exit raises", withraise)
t("exc context", lambda: exec("try:\n  1/0\nexcept Exception as e:\n  try:\n    raise KeyError(1)\n  except KeyError as k:\n    print(type(k.__context__).__name__)"))
t("exc var deleted", lambda: exec("try:\n  1/0\nexcept Exception as e:\n  pass\nprint(e)"))
t("raise non exc", lambda: exec("raise 5"))
t("raise class", lambda: exec("raise ValueError"))
t("raise from non", lambda: exec("raise ValueError from 5"))
t("except non class", lambda: exec("try:\n  1/0\nexcept 5:\n  pass"))
t("finally return swallows", lambda: exec("def f():\n  try:\n    1/0\n  finally:\n    return 'swallowed'\nprint(f())"))
t("break in finally", lambda: exec("for i in range(3):\n  try:\n    1/0\n  finally:\n    break\nprint('after', i)"))
t("continue in finally", lambda: exec("for i in range(2):\n  try:\n    pass\n  finally:\n    continue\nprint('c', i)"))
t("nested gen exc", lambda: list(x for x in (1/y for y in [1, 0])))
t("star unpack err", lambda: exec("a, b = [1, 2, 3]"))
t("star unpack few", lambda: exec("a, b, *c = [1]"))
t("unpack non iter", lambda: exec("a, b = 5"))
t("kw dup", lambda: exec("def f(**k): pass\nf(**{'a': 1}, **{'a': 2})"))
t("kw non str", lambda: exec("def f(**k): pass\nf(**{1: 2})"))
t("star non iter", lambda: exec("print(*5)"))
t("dstar non map", lambda: exec("print(**5)"))
t("call none", lambda: exec("None()"))
t("getitem none", lambda: exec("None[0]"))
t("del global missing", lambda: exec("del zzz"))
t("import star func", lambda: exec("def f():\n  from math import *\n"))
t("return outside", lambda: exec("return 5"))
t("yield outside", lambda: exec("yield 5"))
t("await outside", lambda: exec("await x"))
t("f-string err", lambda: exec("f'{'"))
t("f-string empty", lambda: exec("f'{}'"))
t("bad escape", lambda: eval(r"'\N{NOPE}'"))
t("int base", lambda: int("z", 37))
t("str mod dict", lambda: "%(a)s %s" % {"a": 1})
t("format spec bad", lambda: format(1, "q"))
t("format spec str", lambda: format("a", "d"))
t("fmt neg width", lambda: "{:-5}".format("a"))
t("fmt nested deep", lambda: "{:{}{}}".format(1, ">", 5))
t("fmt too deep", lambda: "{:{:{}}}".format(1, 2, 3))
t("round nan", lambda: round(float("nan")))
t("round inf", lambda: round(float("inf")))
t("int nan", lambda: int(float("nan")))
t("float str", lambda: float("1e400"))
t("divmod float", lambda: divmod(7.5, 2))
t("pow neg mod", lambda: pow(3, -1, 7))
t("pow neg mod none", lambda: pow(2, -1, 4))
t("big shift", lambda: 1 << 64 >> 63)
t("neg shift", lambda: 1 >> -1)
t("ellipsis", lambda: ...)
t("slice assign step", lambda: exec("a = [1,2,3,4]\na[::2] = [9]\n"))
t("slice del", lambda: (lambda a: (a.__delitem__(slice(None, None, -1)), a))([1, 2, 3]))
t("list idx float", lambda: [1][0.0])
t("dict popitem empty", lambda: {}.popitem())
t("set pop empty", lambda: set().pop())
t("list remove missing", lambda: [1].remove(2))
t("tuple count", lambda: (1, 1, 2).count(1))
t("sorted key err", lambda: sorted([1, 2], key=lambda x: 1 / 0))
t("min default", lambda: min([], default=5))
t("max key none", lambda: max([1, 2], key=None))
t("zip strict", lambda: list(zip([1], [1, 2], strict=True)))
t("enumerate start", lambda: list(enumerate("ab", start=5)))
t("reversed dict", lambda: list(reversed({1: 2, 3: 4})))
t("iter sentinel", lambda: list(iter(iter([1, 2, 3, 0, 5]).__next__, 0)))
t("map multi", lambda: list(map(pow, [2, 3], [3, 2], [5, 5])))
t("hash float", lambda: (hash(1.5), hash(-1), hash(2**61), hash(float("inf"))))
t("id stable", lambda: id(t) == id(t))
t("isinstance tuple nested", lambda: isinstance(1, (str, (int, float))))
t("issubclass nonclass", lambda: issubclass(1, int))
t("super no args static", lambda: exec("class A:\n  @staticmethod\n  def f(): return super()\nA.f()"))
t("mro conflict", lambda: exec("class A: pass\nclass B(A): pass\nclass C(A, B): pass"))
t("dup base", lambda: exec("class A: pass\nclass B(A, A): pass"))
t("metaclass call", lambda: exec("class M(type):\n  def __call__(cls, *a): return 42\nclass C(metaclass=M): pass\nprint(C())"))
t("init returns", lambda: exec("class C:\n  def __init__(self): return 5\nC()"))
t("new returns other", lambda: exec("class C:\n  def __new__(cls): return 7\nprint(C())"))
t("abstract-ish", lambda: exec("class C:\n  __hash__ = None\nhash(C())"))
t("eq ne default", lambda: exec("class C:\n  def __eq__(s, o): return True\nprint(C() != C())"))
t("bool len neg", lambda: exec("class C:\n  def __len__(s): return -1\nbool(C())"))
t("len huge", lambda: exec("class C:\n  def __len__(s): return 2**70\nlen(C())"))
t("index bad", lambda: exec("class C:\n  def __index__(s): return 'a'\n[1][C()]"))
t("repr non str", lambda: exec("class C:\n  def __repr__(s): return 5\nrepr(C())"))
t("str non str", lambda: exec("class C:\n  def __str__(s): return 5\nstr(C())"))
t("iter non iter", lambda: exec("class C:\n  def __iter__(s): return 5\niter(C())"))
t("contains fallback", lambda: exec("class C:\n  def __getitem__(s, i):\n    if i > 3: raise IndexError\n    return i\nprint(2 in C(), list(C()))"))
t("getattr hook err", lambda: exec("class C:\n  def __getattr__(s, n): raise KeyError(n)\nC().x"))
t("setattr slots-like", lambda: object().__setattr__("x", 1))
t("object attr", lambda: exec("o = object()\no.x = 1"))
t("del attr missing", lambda: exec("class C: pass\ndel C().x"))
t("classmethod prop", lambda: exec("class C:\n  @property\n  def p(s): raise AttributeError('inner')\n  def __getattr__(s, n): return 'ga:' + n\nprint(C().p)"))


class Singleton(type):
    instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in Singleton.instances:
            Singleton.instances[cls] = super().__call__(*args, **kwargs)
        return Singleton.instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, name="default"):
        self.name = name


first = Config("first")
second = Config("second")
print(first is second, second.name, type(Config).__name__)
print(list(reversed({"a": 1, "b": 2, "c": 3})), list(reversed({})))
