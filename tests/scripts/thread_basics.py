# _thread: threads under the GIL, locks, switch interval (deterministic parts).
import _thread, time, sys
print(sys.getswitchinterval())
lock = _thread.allocate_lock()
results = []
done = _thread.allocate_lock()
done.acquire()
def worker(n, tag="w"):
    total = 0
    for i in range(n):
        total += i
    with lock:
        results.append((tag, total))
        last = len(results) == 2  # decided under the lock: exactly one worker releases
    if last:
        done.release()
_thread.start_new_thread(worker, (100000,), {"tag": "a"})
_thread.start_new_thread(worker, (200000,), {"tag": "b"})
done.acquire()
print(sorted(results))
t0 = time.perf_counter()
def sleeper():
    time.sleep(0.2)
    done.release()
for _ in range(3):
    pass
_thread.start_new_thread(sleeper, ())
done.acquire()
print(time.perf_counter() - t0 >= 0.2)  # the main thread waited for the sleeper
print(lock.locked(), lock.acquire(False), lock.locked(), lock.acquire(timeout=0.05))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(1e-7)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print(e)
