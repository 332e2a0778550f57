# next() on a native iterator raises the StopIteration that ended the
# iterator it wraps (enumerate, map, zip, most of itertools), or a fresh one
# for those CPython makes silent (cycle, zip_longest, groupby, tee,
# iter(callable, sentinel)).
import itertools, collections
class A:
    def __iter__(self): return self
    def __next__(self): raise StopIteration(42)
def gen(x):
    return x
    yield
def show(name, make):
    try:
        next(make())
        print(name, "no stop")
    except StopIteration as e:
        print(name, e.args)
cases = {
 "enumerate": lambda: enumerate(A()),
 "map": lambda: map(abs, A()),
 "map2": lambda: map(max, [1], A()),
 "zip": lambda: zip(A()),
 "zip2": lambda: zip([1], A()),
 "filter": lambda: filter(None, A()),
 "reversed": lambda: reversed([]),
 "enum_enum": lambda: enumerate(enumerate(A())),
 "enum_gen": lambda: enumerate(gen(7)),
 "map_gen": lambda: map(abs, gen(-3)),
 "islice": lambda: itertools.islice(A(), 3),
 "chain": lambda: itertools.chain(A()),
 "chain2": lambda: itertools.chain([], A()),
 "starmap": lambda: itertools.starmap(max, A()),
 "takewhile": lambda: itertools.takewhile(bool, A()),
 "dropwhile": lambda: itertools.dropwhile(bool, A()),
 "accumulate": lambda: itertools.accumulate(A()),
 "compress": lambda: itertools.compress(A(), [1]),
 "filterfalse": lambda: itertools.filterfalse(None, A()),
 "zip_longest": lambda: itertools.zip_longest(A()),
 "pairwise": lambda: itertools.pairwise(A()),
 "cycle": lambda: itertools.cycle(A()),
 "groupby": lambda: itertools.groupby(A()),
 "tee": lambda: itertools.tee(A())[0],
 "iter_callable": lambda: iter(lambda: next(A()), None),
 "genexpr": lambda: (x for x in A()),
 "deque_iter": lambda: iter(collections.deque()),
 "silent_after_inner": lambda: map(lambda x: list(A()), iter([])),
 "list_iter": lambda: iter([]),
 "dict_keys": lambda: iter({}),
}
for k, f in cases.items():
    show(k, f)

# iter(callable, sentinel) ends for good on the callable's StopIteration.
calls = []
def once():
    calls.append(1)
    if len(calls) == 1:
        raise StopIteration("first")
    return len(calls)
it = iter(once, None)
print(list(it), list(it), len(calls))

# for loops and list() are unaffected, and an inner end does not leak out.
print(list(enumerate(A())), list(map(abs, gen(5))))
def consume_inside(x):
    return list(A()) + [x]
m = map(consume_inside, iter([1]))
print(next(m))
try:
    next(m)
except StopIteration as e:
    print("after inner", e.args)
it = enumerate(A())
for _ in range(2):
    try:
        next(it)
    except StopIteration as e:
        print("again", e.args)
