# ChainMap, UserDict, UserList, UserString and Counter's multiset operators.
from collections import ChainMap, UserDict, UserList, UserString, Counter, OrderedDict
import collections.abc as abc
import copy, pickle

base = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
cm = ChainMap(over, base)
print(cm["a"], cm["b"], cm["c"], len(cm), sorted(cm), list(cm), cm.get("z", 0), "a" in cm)
print(repr(cm), cm.maps is cm.maps, list(cm.items()), bool(ChainMap()), bool(cm))
cm["a"] = 100
print(over, base, cm["a"])
del cm["a"]
print(over, cm["a"])
try:
    del cm["b"]
    del cm["b"]
except KeyError as e:
    print("KeyError", e)
child = cm.new_child()
child["x"] = 1
print(repr(child), repr(child.parents), repr(cm.new_child({"m": 5})))
print(cm.pop("c"), cm.pop("zz", "dflt"))
try:
    ChainMap({}, {"q": 1}).pop("q")
except KeyError as e:
    print("KeyError", e)
try:
    ChainMap({}, {"q": 1}).popitem()
except KeyError as e:
    print("KeyError", e)
print(ChainMap({1: 1}) | {2: 2}, {0: 0} | ChainMap({1: 1}))
c2 = ChainMap({"k": 1})
c2 |= {"j": 2}
print(c2, isinstance(cm, abc.MutableMapping), dict(ChainMap({1: "a"}, {1: "b", 2: "c"})))
print(cm.copy(), type(copy.copy(cm)).__name__, ChainMap.fromkeys("ab", 0))


class Missing(ChainMap):
    def __missing__(self, key):
        return "missing:" + key


print(Missing({})["nope"], Missing({}).get("nope"))

ud = UserDict({"x": 1}, y=2)
ud["z"] = 3
print(ud, repr(ud), len(ud), ud.data, "x" in ud, ud.get("q"), sorted(ud.keys()), isinstance(ud, abc.MutableMapping))
print(ud | {"w": 0}, {"w": 0} | ud, ud.copy(), type(ud.copy()).__name__, UserDict.fromkeys([1, 2]))
ud |= {"x": 9}
del ud["y"]
print(ud, ud.pop("z"), ud.setdefault("n", 4), ud)
try:
    ud["missing"]
except KeyError as e:
    print("KeyError", e)


class Defaulting(UserDict):
    def __missing__(self, key):
        return key * 2


print(Defaulting()["ab"], Defaulting() == {}, UserDict(a=1) == {"a": 1})


class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


print(LowerDict({"AB": 1}, CD=2), pickle.loads(pickle.dumps(UserDict(p=1))))

ul = UserList([3, 1, 2])
ul.append(0)
ul.sort()
print(ul, repr(ul), ul[1:], type(ul[1:]).__name__, ul + [9], [8] + ul, ul * 2, 2 * ul, len(ul), ul[0], ul.index(2))
ul += [5]
ul *= 1
ul.extend(UserList([6]))
ul.insert(0, -1)
ul.remove(-1)
print(ul, ul.pop(), ul.count(1), ul.copy(), ul == [0, 1, 2, 3, 5], ul < [9], 3 in ul, list(reversed(ul)))
del ul[0]
ul[0] = 100
ul.reverse()
print(ul, isinstance(ul, abc.MutableSequence), UserList() == [], UserList((1, 2)).data)
ul.clear()
print(ul, bool(ul))

us = UserString("Hello")
print(us, repr(us), us + "!", "<" + us, us * 2, us.upper(), us.lower(), us[1:3], type(us[1:3]).__name__, len(us))
print(us == "Hello", us < "Z", "ell" in us, us.find("l"), us.split("l"), us.replace("l", "L"), us.startswith("He"))
print(us.center(9, "*"), us.zfill(7), us.encode(), us % () if False else "", UserString("%s!") % "hi", int(UserString("42")) + 1)
print(hash(us) == hash("Hello"), sorted([UserString("b"), UserString("a")]), us.join(["1", "2"]), us.isalpha(), us.casefold())

c = Counter(a=3, b=1, c=-2)
d = Counter(a=1, b=2)
print(+c, -c, c + d, c - d, c | d, c & d)
c += d
print(c)
c -= Counter(a=10)
print(c)
c |= Counter(z=1)
c &= Counter(b=5, z=3, c=1)
print(c)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=3) < Counter(a=2), Counter(a=1) >= Counter())
try:
    Counter.fromkeys("abc")
except NotImplementedError as e:
    print("NotImplementedError", e)
print(Counter("abracadabra").most_common(3), sorted(Counter("aab").elements()), Counter(a=2, b=3).total())
print(repr(Counter({1: "x", "y": 2})) if False else "", Counter(x=2) + Counter(y=-1))
od = OrderedDict.fromkeys("abc")
od.move_to_end("a")
print(od, od.popitem(last=False), OrderedDict(a=1) == OrderedDict(a=1), list(reversed(od)))

# Sequences' + tries the right operand's __radd__ before concatenating.

l=[1]; l+=UserList([2]); print(type(l).__name__, l)
t=(1,); t+=UserList([2]); print(type(t).__name__, t)
b=b'x'
class R:
    def __radd__(self, o): return "radd"
print(b + R(), bytearray(b'1') + R(), [1] + R(), (1,) + R())
x = [1]; x += R(); print(x)
