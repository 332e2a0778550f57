# atexit: callbacks run at normal exit, last registered first, with their
# arguments, after non-daemon threads ended; an exception is printed and the
# rest still run; os._exit skips them.
import atexit
import os
import sys
import threading
import time


def say(*args, **kwargs):
    print("atexit:", args, sorted(kwargs.items()))


def broken():
    print("atexit: broken runs")
    raise ValueError("broken callback")


def exits():
    print("atexit: exits runs")
    sys.exit(5)


print(atexit.register(say, 1) is say)
atexit.register(say, 2, key="value")
atexit.register(broken)
atexit.register(exits)
atexit.register(say, "unregistered")
decorated = atexit.register(lambda: print("atexit: lambda"))


@atexit.register
def last():
    print("atexit: last registered, first run")


def unregistered():
    print("never printed")


atexit.register(unregistered)
atexit.register(unregistered)
atexit.unregister(unregistered)

sys.stdout.flush()

# A fork child that ends with os._exit runs none of them...
pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
# ... one that exits normally runs the ones it inherited.
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    atexit._clear()
    atexit.register(os.write, w, b"child's atexit ran")
    sys.exit(0)
os.waitpid(pid, 0)
print(os.read(r, 100))
os.close(r)
os.close(w)


def slow():
    time.sleep(0.2)
    print("non-daemon thread done")


threading.Thread(target=slow).start()
print("main done")
