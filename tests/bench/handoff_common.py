"""The GIL hand-off latency: how long a thread that wakes from a 1 ms sleep
waits for the GIL behind a CPU-bound thread. The CPU-bound thread never
blocks, so the sleeper only gets the GIL by asking for a drop after one
switch interval; the latency should come out near that interval."""
import sys
import threading
import time

SAMPLES = 40


def measure(interval):
    sys.setswitchinterval(interval)
    stop = False

    def spin():
        n = 0
        while not stop:
            n += 1

    spinner = threading.Thread(target=spin)
    spinner.start()
    time.sleep(0.01)  # let the spinner own the GIL
    total = 0.0
    for _ in range(SAMPLES):
        start = time.perf_counter()
        time.sleep(0.001)
        total += time.perf_counter() - start - 0.001
    stop = True
    spinner.join()
    mean = total / SAMPLES
    print(f"switch interval {interval * 1000:g} ms: mean extra wait {mean * 1000:.3f} ms")
    print(f"measure: {mean:.6f}")
    print(SAMPLES)
