# The reduction protocol as pickle uses it: __reduce__, __reduce_ex__,
# __getstate__/__setstate__, __getnewargs__(_ex), copyreg's dispatch table
# and constructors, and the Pickler/Unpickler hooks (persistent_id,
# reducer_override, dispatch_table, find_class, persistent_load).
import copyreg
import io
import pickle


class WithReduce:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (WithReduce, (self.a, self.b))


class WithReduceEx:
    def __init__(self, v):
        self.v = v

    def __reduce_ex__(self, protocol):
        return (WithReduceEx, (self.v * 10 + protocol,))


class WithState:
    def __init__(self):
        self.kept = 1
        self.dropped = "cache"

    def __getstate__(self):
        state = dict(self.__dict__)
        del state["dropped"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True


class NewArgs:
    def __new__(cls, n):
        self = object.__new__(cls)
        self.n = n
        return self

    def __getnewargs__(self):
        return (self.n,)


class NewArgsEx:
    def __new__(cls, n, *, scale):
        self = object.__new__(cls)
        self.value = n * scale
        return self

    def __init__(self, *args, **kwargs):
        pass

    def __getnewargs_ex__(self):
        return ((self.value,), {"scale": 1})


class StateSetter:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (StateSetter, (0,), {"v": self.v}, None, None, set_state)


def set_state(obj, state):
    obj.v = state["v"] + 1000


class ListItems:
    def __init__(self):
        self.items = []

    def append(self, x):
        self.items.append(x)

    def __reduce__(self):
        return (ListItems, (), None, iter([1, 2, 3]))


class DictItems(dict):
    def __reduce__(self):
        return (DictItems, (), None, None, iter([("k", "v")]))


class Registered:
    def __init__(self, v):
        self.v = v


def reduce_registered(obj):
    return (Registered, (obj.v + 1,))


copyreg.pickle(Registered, reduce_registered)


class Super:
    def __init__(self):
        self.x = 5

    def __reduce_ex__(self, protocol):
        return super().__reduce_ex__(protocol)


for protocol in range(6):
    print("protocol", protocol)
    w = pickle.loads(pickle.dumps(WithReduce(1, [2]), protocol))
    print(" reduce", w.a, w.b)
    print(" reduce_ex", pickle.loads(pickle.dumps(WithReduceEx(3), protocol)).v)
    s = pickle.loads(pickle.dumps(WithState(), protocol))
    print(" state", sorted(vars(s).items()))
    print(" newargs", pickle.loads(pickle.dumps(NewArgs(7), protocol)).n)
    print(" newargs_ex", pickle.loads(pickle.dumps(NewArgsEx(6, scale=2), protocol)).value)
    print(" setter", pickle.loads(pickle.dumps(StateSetter(5), protocol)).v)
    print(" listitems", pickle.loads(pickle.dumps(ListItems(), protocol)).items)
    print(" dictitems", pickle.loads(pickle.dumps(DictItems(), protocol)))
    print(" copyreg", pickle.loads(pickle.dumps(Registered(1), protocol)).v)
    print(" super", vars(pickle.loads(pickle.dumps(Super(), protocol))))

print(pickle.dumps(WithReduce(1, 2), 2))
print(pickle.dumps(NewArgsEx(1, scale=3), 4))
print(pickle.dumps(NewArgs(2), 2))
print(pickle.dumps(StateSetter(1), 4))

# object.__reduce_ex__ itself.
class Point:
    def __init__(self):
        self.x = 1


r = Point().__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1] == (Point,), r[2], r[3:])
r = Point().__reduce_ex__(0)
print(r[0] is copyreg._reconstructor, r[1], r[2])
print(copyreg.__newobj__(Point).__class__.__name__)
print([1, 2].__reduce_ex__(2)[0] is copyreg.__newobj__)
print(range(3).__reduce__(), slice(1, 2).__reduce__())
print(ValueError("a").__reduce__())
print(copyreg._slotnames(type("T", (), {"__slots__": ("a", "__b")})))

# Pickler hooks.
class PersistentPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, str) and obj.startswith("ext:"):
            return obj[4:]
        return None


class PersistentUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return "loaded " + pid


for protocol in (0, 2, 4):
    f = io.BytesIO()
    PersistentPickler(f, protocol).dump(["ext:one", "plain", {"k": "ext:two"}])
    print(f.getvalue())
    f.seek(0)
    print(PersistentUnpickler(f).load())


class OverridePickler(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, Point):
            return (int, (99,))
        return NotImplemented


f = io.BytesIO()
OverridePickler(f, 4).dump([Point(), 1, "s"])
print(pickle.loads(f.getvalue()))


class TablePickler(pickle.Pickler):
    dispatch_table = {Point: lambda p: (str, ("point",))}


f = io.BytesIO()
TablePickler(f, 2).dump([Point()])
print(pickle.loads(f.getvalue()))

f = io.BytesIO()
p = pickle.Pickler(f, 4)
p.dispatch_table = copyreg.dispatch_table.copy()
p.dispatch_table[Point] = lambda p: (tuple, ([1, 2],))
p.dump(Point())
print(pickle.loads(f.getvalue()))


class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if module in ("builtins", "__builtin__") and name in ("set", "frozenset"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError("global '%s.%s' is forbidden" % (module, name))


print(Restricted(io.BytesIO(pickle.dumps({1, 2}, 2))).load())
try:
    Restricted(io.BytesIO(pickle.dumps(Point(), 2))).load()
except pickle.UnpicklingError as e:
    print("UnpicklingError", e)


# The extension registry.
copyreg.add_extension(__name__, "Point", 240)
data = pickle.dumps(Point, 2)
print(data, pickle.loads(data) is Point)
copyreg.remove_extension(__name__, "Point", 240)
print(pickle.dumps(Point, 2))
