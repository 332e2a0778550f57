# The pre-PEP 8 threading aliases work and warn (DeprecationWarning) as in
# CPython 3.11, blaming the calling line.
import threading
t = threading.currentThread()
print(t.getName(), t.isDaemon(), threading.activeCount())
t.setName("Main")
print(t.name)
e = threading.Event()
e.set()
print(e.isSet())
c = threading.Condition()
with c:
    c.notifyAll()
w = threading.Thread(target=lambda: None)
w.setDaemon(True)
print(w.daemon)
for _ in range(2):
    threading.currentThread()
