# Adjacent local loads and stores run fused (vm/opcodes.def, superinstructions):
# an unbound second local, a handler boundary between the two, and jumps
# that land on the second instruction must behave as unfused code does.

def second_unbound(flag):
    if flag:
        b = 1
    a = 2
    return a + b          # LOAD_FAST a, LOAD_FAST b: b may be unbound

def first_unbound(flag):
    if flag:
        a = 1
    b = 2
    return a + b

for f in (second_unbound, first_unbound):
    try:
        f(False)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    print(f(True))

def across_handler():
    x = 1
    try:
        y = x
        del x
        z = y + x         # x unbound inside the try
    except NameError as e:
        print("caught", type(e).__name__, e)
    x = 5
    return x, y

print(across_handler())

def loop_targets(n):
    total = 0
    i = 0
    while i < n:          # the loop head is a LOAD_FAST after a STORE_FAST
        a, b, c = i, i + 1, i + 2
        total += a * b - c
        i += 1
    return total

print(loop_targets(50))

def conditional_chain(values):
    out = []
    for v in values:
        w = v if v % 2 else -v
        x = w
        out.append((w, x, v + 1))
    return out

print(conditional_chain(range(6)))

def swap_many():
    a, b, c, d, e, f, g, h, i, j = range(10)
    j, i, h, g, f, e, d, c, b, a = a, b, c, d, e, f, g, h, i, j
    return a, b, c, d, e, f, g, h, i, j

print(swap_many())

def gen():
    a = 1
    b = yield a
    c = b
    d = yield c + a
    return a, b, c, d

g = gen()
print(next(g), g.send(10))
try:
    g.send(20)
except StopIteration as stop:
    print(stop.value)
