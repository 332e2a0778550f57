# unittest.mock: call recording, the assert_* messages, return values and
# side effects, MagicMock's magic methods, spec, call objects, patch.
from unittest import mock
from unittest.mock import Mock, MagicMock, call, patch, sentinel, ANY, DEFAULT
import os

def show(f):
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)

m = Mock()
print(m.called, m.call_count, m.call_args)
m(1, 2, a=3)
m("x")
print(m.called, m.call_count, m.call_args, m.call_args_list)
print(m.call_args.args, m.call_args.kwargs)
args, kwargs = m.call_args
print(args, kwargs)
m.foo.bar(5)
m.foo(6).baz()
print(m.mock_calls)
print(m.method_calls)
print(m.mock_calls == [call(1, 2, a=3), call("x"), call.foo.bar(5), call.foo(6), call.foo().baz()])
show(lambda: m.assert_called_with(1))
show(lambda: m.assert_called_once_with("x"))
show(lambda: m.assert_called_once())
show(lambda: m.assert_not_called())
show(lambda: Mock().assert_called())
show(lambda: Mock(name="n").assert_called_with(1, b=2))
show(lambda: m.foo.bar.assert_called_once_with(5))
show(lambda: m.foo.bar.assert_called_once_with(6))
show(lambda: m.assert_any_call(1, 2, a=3))
show(lambda: m.assert_any_call(9))
show(lambda: m.assert_has_calls([call("x"), call.foo.bar(5)]))
show(lambda: m.assert_has_calls([call.foo.bar(5), call("x")]))
show(lambda: m.assert_has_calls([call.foo.bar(5), call("x")], any_order=True))
show(lambda: m.assert_has_calls([call.nope()], any_order=True))
show(lambda: m.assert_caled())
m.return_value = 42
print(m(), m.return_value)
m.side_effect = [1, 2]
print(m(), m())
show(lambda: m())
m.side_effect = KeyError("k")
show(lambda: m())
m.side_effect = lambda x: x * 2
print(m(21))
m.side_effect = lambda x: DEFAULT
print(m(0))
m.reset_mock()
print(m.call_count, m.mock_calls)
m.side_effect = None
m2 = Mock(return_value=3, side_effect=None, name="fn")
print(m2(), repr(m2).split(" id=")[0])
print(repr(m.foo.bar).split(" id=")[0], repr(Mock()().x).split(" id=")[0])
print(sentinel.foo, sentinel.foo is sentinel.foo, ANY == 5, repr(ANY), DEFAULT)
mm = MagicMock()
print(len(mm), [x for x in mm], bool(mm), 3 in mm, int(mm), float(mm), mm == mm, mm != mm, mm == 1)
mm.__len__.return_value = 7
mm.__iter__.return_value = [1, 2]
mm.__getitem__.side_effect = lambda k: k * 10
print(len(mm), [x for x in mm], mm[4])
with mm as cm:
    print(cm is mm.__enter__.return_value)
print([c for c in mm.mock_calls if "__eq__" not in str(c) and "__ne__" not in str(c)])
class Spec:
    attr = 1
    def meth(self): pass
s = Mock(spec=Spec)
print(isinstance(s, Spec))
s.meth()
show(lambda: s.other)
ss = Mock(spec_set=Spec)
def setit(): ss.other = 1
show(setit)
c = Mock(**{"a.b.return_value": 5, "x": 1})
print(c.a.b(), c.x)
show(lambda: Mock()())
print(call(1) == call(1), call(1) == call(2), call.a(1) == call.b(1), call.a.b(2))
print(call(1, x=2).call_list(), call.a(1).b(2).call_list())

with patch("os.getcwd") as fake:
    fake.return_value = "/nowhere"
    print(os.getcwd(), fake.call_count)
print(os.getcwd() != "/nowhere")
@patch("os.listdir", return_value=["z"])
@patch("os.getpid")
def f(pid, listdir, extra=None):
    pid.return_value = 7
    return os.getpid(), os.listdir("."), listdir.call_args
print(f())
class Obj:
    value = 1
with patch.object(Obj, "value", 5):
    print(Obj.value)
print(Obj.value)
with patch.object(Obj, "missing", 1, create=True):
    print(Obj.missing)
print(hasattr(Obj, "missing"))
show(lambda: patch.object(Obj, "missing", 1).start())
d = {"a": 1}
with patch.dict(d, {"b": 2}):
    print(sorted(d.items()))
print(d)
with patch.dict(d, b=3, clear=True):
    print(d)
print(d)
p = patch("os.sep", "|")
p.start(); print(os.sep); p.stop(); print(os.sep)
show(lambda: patch("nodots"))
with patch.multiple(Obj, value=9, other=DEFAULT, create=True) as vals:
    print(Obj.value, sorted(vals))
mo = mock.mock_open(read_data="line1\nline2\n")
with patch("builtins.open", mo):
    with open("whatever") as fh:
        print(fh.read())
mo.assert_called_once_with("whatever")
am = mock.AsyncMock(return_value=3)
import asyncio
print(asyncio.run(am(1)), am.await_count)
am.assert_awaited_once_with(1)
show(lambda: am.assert_awaited_with(2))


class Target:
    def method(self, x):
        return "real %s" % x


@patch.object(Target, "method", return_value="fake")
class Patched(object):
    def test_one(self, fake):
        return Target().method(1), fake.call_count

    def helper(self):
        return Target().method(2)


p = Patched()
print(p.test_one(), p.helper())
m = MagicMock()
m.configure_mock(name_attr=1)
m.child.return_value.grand = 5
print(m.child().grand, m.name_attr)
parent = Mock()
child = Mock()
parent.attach_mock(child, "kid")
child(1)
print(parent.mock_calls)
seal_me = Mock()
seal_me.known.value = 1
mock.seal(seal_me)
show(lambda: seal_me.unknown)
print(seal_me.known.value)
prop = mock.PropertyMock(return_value=3)
with patch.object(Target, "prop", prop, create=True):
    print(Target().prop)
prop.assert_called_once_with()
spec_mock = mock.create_autospec(Target)
spec_mock.method(1)
show(lambda: spec_mock.other)
print(isinstance(spec_mock, Target), isinstance(spec_mock(), Target))
