# type(name, bases, ns) takes __module__ from the calling code's globals and
# leaves the given dict unchanged.
namespace = {"x": 1}
T = type("T", (), namespace)
print(T.__module__, namespace, T.x)
scope = {"__name__": "made.up.module"}
exec("U = type('U', (object,), {})\nclass V: pass", scope)
print(scope["U"].__module__, scope["V"].__module__, repr(scope["U"]))
W = type("W", (), {"__module__": "explicit"})
print(W.__module__)
