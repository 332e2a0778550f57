# time: clocks advance and relate as in CPython; sleep waits; errors.
import time
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
n0 = time.perf_counter_ns()
c0 = time.process_time()
time.sleep(0.05)
print(type(t0).__name__, type(n0).__name__, t0 > 1.7e9)
print(time.perf_counter() - p0 >= 0.045, time.monotonic() - m0 >= 0.045, time.perf_counter_ns() - n0 >= 45_000_000)
print(time.process_time() - c0 < 0.04)
for bad in (-1, "x", -0.5, 1e20, float("inf"), float("nan"), 10**30, 10**10):
    try:
        time.sleep(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
g = time.gmtime(0)
print(tuple(g), g[0], len(g))
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(86400 * 365)))
print(time.asctime(time.gmtime(1e9)))
