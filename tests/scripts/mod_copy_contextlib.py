# copy (shallow, deep, cycles) and contextlib (contextmanager, suppress,
# closing, nullcontext, redirect_stdout, ExitStack).
import copy, contextlib, sys
a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
b[1].append(9); print(a, b, c, c[1] is a[1], b[1] is a[1])
class Node:
    def __init__(self, v): self.v = v; self.children = []
n = Node(1); n.children.append(Node(2)); n.children.append(n)
m = copy.deepcopy(n)
print(m.v, m.children[0].v, m.children[1] is m, m is n, copy.copy(n).children is n.children)
print(copy.copy((1, 2)), copy.deepcopy({"a": (1, [2])}), copy.copy({1, 2}), copy.deepcopy("s"))
@contextlib.contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield name.upper()
    finally:
        print("</" + name + ">")
with tag("b") as t:
    print("inside", t)
try:
    with tag("i"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
with contextlib.suppress(KeyError):
    {}["x"]
print("suppressed")
class Res:
    def close(self): print("closed")
with contextlib.closing(Res()) as r:
    print(type(r).__name__)
with contextlib.nullcontext(5) as v:
    print(v)
class Buf:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
    def flush(self): pass
buf = Buf()
with contextlib.redirect_stdout(buf):
    print("hidden")
print(buf.parts)
with contextlib.ExitStack() as stack:
    stack.callback(print, "callback 1")
    stack.enter_context(tag("x"))
    stack.callback(print, "callback 2")
    print("body")
@contextlib.contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError:
        print("swallowed")
with swallow():
    1 / 0
print("after swallow")
