# Copies of a Context are snapshots: setting or resetting a variable in the
# original, in a copy, or in a copy of a copy changes only that one (gilvm
# shares the variables between copies until one of them writes).
import asyncio
import contextvars

a = contextvars.ContextVar("a", default="a0")
b = contextvars.ContextVar("b")

a.set("a1")
first = contextvars.copy_context()
second = first.copy()
a.set("a2")                      # the current context writes after copying
print(a.get(), first[a], second[a], len(first), len(second))

def in_copy(value):
    token = a.set(value)
    b.set("b-" + value)
    print("inside:", a.get(), b.get(), len(contextvars.copy_context()))
    a.reset(token)
    print("after reset:", a.get(), b.get())

first.run(in_copy, "x")
print(first[a], first.get(b), second[a], second.get(b, "none"), b.get("none"))
second.run(in_copy, "y")
print(first.get(b), second.get(b), sorted(v.name for v in second))
third = second.copy()
second.run(b.set, "changed")
print(third[b], second[b], first[b])
print(dict(first.items()) == {a: "a1", b: "b-x"}, a in third, len(third))

# Each task runs in its own copy; what it sets stays its own.
var = contextvars.ContextVar("var", default="main")

async def child(name):
    before = var.get()
    var.set(name)
    await asyncio.sleep(0)
    return before, var.get()

async def main():
    var.set("parent")
    results = await asyncio.gather(*(child(f"t{i}") for i in range(3)))
    print(results, var.get())

asyncio.run(main())
print(var.get())
