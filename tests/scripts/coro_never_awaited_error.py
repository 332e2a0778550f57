# With the "error" filter, an unawaited coroutine's warning becomes an
# exception that nobody can catch: reported as "Exception ignored in".
import gc
import warnings

warnings.simplefilter("error", RuntimeWarning)


async def f():
    pass


f(); [0 for _ in "ab"]; gc.collect()
print("still running")
