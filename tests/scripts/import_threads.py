# A thread importing a module that another thread is still initialising
# waits for it to finish (CPython's per-module import locks), instead of
# seeing it half made; a circular import in one thread still sees the
# partial module.
import os
import sys
import tempfile
import threading

folder = tempfile.mkdtemp()
sys.path.insert(0, folder)
with open(os.path.join(folder, "slow_module.py"), "w") as f:
    f.write("import time\nfirst = 1\ntime.sleep(0.3)\nlast = 2\n")
with open(os.path.join(folder, "circle_a.py"), "w") as f:
    f.write("import circle_b\nvalue = 'a'\n")
with open(os.path.join(folder, "circle_b.py"), "w") as f:
    f.write("import circle_a\nseen = hasattr(circle_a, 'value')\n")

results = []
lock = threading.Lock()


def importer(name):
    try:
        module = __import__(name)
        outcome = (name, "last" in dir(module), getattr(module, "last", None))
    except Exception as e:
        outcome = (name, type(e).__name__, str(e))
    with lock:
        results.append(outcome)


threads = [threading.Thread(target=importer, args=("slow_module",)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for r in sorted(results, key=repr):
    print(r)

import circle_a
print(circle_a.value, sys.modules["circle_b"].seen)
