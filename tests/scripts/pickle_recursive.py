# Shared and recursive structures: the memo keeps shared references shared
# and cycles cyclic, through lists, dicts, tuples, sets, instances and
# __reduce__ values, at every protocol.
import pickle


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None


class Box:
    def __init__(self, content):
        self.content = content

    def __reduce__(self):
        return (Box, (self.content,))


for protocol in range(6):
    a = []
    a.append(a)
    b = pickle.loads(pickle.dumps(a, protocol))
    line = [b[0] is b]

    d = {}
    d["me"] = d
    d["list"] = [d]
    e = pickle.loads(pickle.dumps(d, protocol))
    line += [e["me"] is e, e["list"][0] is e]

    shared = [1, 2]
    s = pickle.loads(pickle.dumps([shared, shared, (shared,)], protocol))
    line += [s[0] is s[1], s[2][0] is s[0]]

    t = ([],)
    t[0].append(t)
    u = pickle.loads(pickle.dumps(t, protocol))
    line += [u[0][0] is u]

    root = Node("root")
    for i in range(3):
        child = Node("c%d" % i)
        child.parent = root
        root.children.append(child)
    r = pickle.loads(pickle.dumps(root, protocol))
    line += [all(c.parent is r for c in r.children), [c.name for c in r.children]]

    n = Node("self")
    n.parent = n
    m = pickle.loads(pickle.dumps(n, protocol))
    line += [m.parent is m]

    text = "shared string"
    bs = b"shared bytes"
    x = pickle.loads(pickle.dumps([text, text, bs, bs], protocol))
    line += [x[0] is x[1], x[2] is x[3]]

    inner = [1]
    boxes = pickle.loads(pickle.dumps([Box(inner), Box(inner)], protocol))
    line += [boxes[0].content is boxes[1].content]

    fs = frozenset([1, 2])
    y = pickle.loads(pickle.dumps([fs, fs, {3: fs}], protocol))
    line += [y[0] is y[1] is y[2][3]]

    deep = []
    cur = deep
    for i in range(200):
        nxt = [i]
        cur.append(nxt)
        cur = nxt
    z = pickle.loads(pickle.dumps(deep, protocol))
    depth = 0
    while len(z) > 1 or (z and isinstance(z[-1], list)):
        z = z[-1]
        depth += 1
    line += [depth]
    print(protocol, line)

# A recursive list pickled with CPython: the bytes are the same here.
a = []
a.append(a)
print(pickle.dumps(a, 2), pickle.dumps(a, 4))
t = ([],)
t[0].append(t)
print(pickle.dumps(t, 0), pickle.dumps(t, 1), pickle.dumps(t, 2), pickle.dumps(t, 4))
d = {}
d[1] = (d,)
print(pickle.dumps(d, 2))

# Too deep a structure is a RecursionError, not a crash.
deep = []
for i in range(10000):
    deep = [deep]
try:
    pickle.dumps(deep)
except RecursionError as e:
    print("RecursionError", str(e)[:40])
