# warnings: warn() with stacklevel, the default filters (DeprecationWarning
# only from __main__), once-per-location, catch_warnings, errors; sys._getframe.
import sys
import warnings


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return 1


def risky():
    warnings.warn("something looks odd")


print(sys._getframe().f_code.co_name, sys._getframe().f_lineno, sys._getframe(0).f_globals is globals())
for _ in range(3):
    risky()
old_api()
warnings.warn("runtime trouble", RuntimeWarning)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    risky()
    risky()
    warnings.warn("custom", FutureWarning)
print([(w.category.__name__, str(w.message), w.lineno) for w in caught])
warnings.simplefilter("error", UserWarning)
try:
    risky()
except UserWarning as e:
    print("raised", repr(e))
warnings.resetwarnings()
warnings.filterwarnings("ignore", message="something")
risky()
try:
    warnings.warn("x", int)
except TypeError as e:
    print("TypeError:", e)
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError:", e)
print("done")
