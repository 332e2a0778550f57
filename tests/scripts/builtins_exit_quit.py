# exit() and quit() (the site module's Quitter objects), SystemExit.code,
# __debug__ and the warning classes.
print(repr(exit), repr(quit), type(exit).__name__, type(exit).__module__, __debug__)
for args in [(), (3,), ("message",)]:
    try:
        exit(*args)
    except SystemExit as e:
        print("exit", args, "->", repr(e.code), e.args)
try:
    quit(0)
except SystemExit as e:
    print("quit ->", repr(e.code))
print(SystemExit().code, SystemExit(None).code, SystemExit(1, 2).code)
for w in [Warning, UserWarning, DeprecationWarning, PendingDeprecationWarning, SyntaxWarning, RuntimeWarning,
          FutureWarning, ImportWarning, UnicodeWarning, BytesWarning, ResourceWarning, EncodingWarning]:
    print(w.__name__, [c.__name__ for c in w.__mro__])
print([c.__name__ for c in UnicodeTranslateError.__mro__])
print("before quit")
quit(4)
print("not reached")
