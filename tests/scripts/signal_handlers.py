# The signal module: handlers run in the main thread between instructions,
# SIG_IGN / SIG_DFL, getsignal, alarm waking time.sleep, the Signals enum,
# and the errors.
import os
import signal
import threading
import time

received = []


def handler(signum, frame):
    received.append((signum, frame is not None))


print(signal.getsignal(signal.SIGUSR1), repr(signal.getsignal(signal.SIGUSR1)))
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(repr(signal.getsignal(signal.SIGPIPE)))
old = signal.signal(signal.SIGUSR1, handler)
print("old:", repr(old))
print(signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print("after kill:", received)
signal.raise_signal(signal.SIGUSR1)
print("after raise_signal:", received)
signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)
print("after pthread_kill:", received)


class Alarm(Exception):
    pass


def raising(signum, frame):
    raise Alarm("signal %d" % signum)


signal.signal(signal.SIGUSR2, raising)
try:
    os.kill(os.getpid(), signal.SIGUSR2)
    for i in range(100):
        pass
    print("not reached")
except Alarm as e:
    print("caught:", e)

# A handler that raises interrupts time.sleep.
signal.signal(signal.SIGALRM, raising)
start = time.monotonic()
signal.alarm(1)
try:
    time.sleep(10)
except Alarm as e:
    print("sleep interrupted:", e, time.monotonic() - start < 5)

# One that returns lets the sleep go on for its whole length (PEP 475).
ticks = []
signal.signal(signal.SIGALRM, lambda signum, frame: ticks.append(signum))
start = time.monotonic()
signal.alarm(1)
time.sleep(1.5)
elapsed = time.monotonic() - start
print("sleep resumed:", ticks, elapsed >= 1.45)
print("alarm returns the time left:", signal.alarm(100) == 0, signal.alarm(0) in (99, 100))

# ... and a blocking read of a file (PEP 475: the handler raised, so the
# read ends; os.read behaves the same).
r, w = os.pipe()
with open(r, "rb", buffering=0) as f:
    signal.signal(signal.SIGALRM, raising)
    signal.alarm(1)
    try:
        f.read(1)
    except Alarm as e:
        print("file read interrupted:", e)
    signal.alarm(1)
    try:
        os.read(r, 1)
    except Alarm as e:
        print("os.read interrupted:", e)
os.close(w)

# A handled signal arriving while the main thread waits for a lock.
lock = threading.Lock()
lock.acquire()
signal.signal(signal.SIGUSR1, raising)
threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGUSR1)).start()
try:
    lock.acquire(timeout=10)
except Alarm as e:
    print("lock wait interrupted:", e)
lock.release()

# ... and while it joins a thread, sent from that thread.
def send_later():
    time.sleep(0.1)
    os.kill(os.getpid(), signal.SIGUSR2)
    time.sleep(0.3)


t = threading.Thread(target=send_later)
t.start()
try:
    t.join()
except Alarm as e:
    print("join interrupted:", e)
t.join()

# SIG_IGN: the signal is dropped.
print(repr(signal.signal(signal.SIGUSR2, signal.SIG_IGN)) == repr(raising))
os.kill(os.getpid(), signal.SIGUSR2)
print("ignored, still here", repr(signal.getsignal(signal.SIGUSR2)))
print(repr(signal.signal(signal.SIGUSR2, signal.SIG_DFL)))
print(repr(signal.getsignal(signal.SIGUSR2)))

# SIGINT's default handler raises KeyboardInterrupt.
try:
    os.kill(os.getpid(), signal.SIGINT)
    for i in range(100):
        pass
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt:
    print("default_int_handler raises KeyboardInterrupt")

# SIGCHLD when a child ends.
children = []
signal.signal(signal.SIGCHLD, lambda signum, frame: children.append(signum))
pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
time.sleep(0.05)
print("SIGCHLD handled:", children == [signal.SIGCHLD])
signal.signal(signal.SIGCHLD, signal.SIG_DFL)

# set_wakeup_fd gets the signal number as a byte.
r, w = os.pipe()
os.set_blocking(w, False)
print("old wakeup fd:", signal.set_wakeup_fd(w))
signal.signal(signal.SIGUSR1, handler)
signal.raise_signal(signal.SIGUSR1)
print("wakeup byte:", os.read(r, 10))
print("restore:", signal.set_wakeup_fd(-1) == w)
os.close(r)
os.close(w)

# The Signals and Handlers enums.
print(repr(signal.SIGINT), str(signal.SIGINT), int(signal.SIGTERM), signal.SIGKILL == 9)
print(repr(signal.Signals(15)), signal.Signals["SIGHUP"], signal.SIGINT.name, signal.SIGINT.value)
print(repr(signal.SIGCLD), repr(signal.SIGIOT), repr(signal.SIGPOLL))
print(repr(signal.SIG_DFL), repr(signal.SIG_IGN), isinstance(signal.SIGINT, int))
print(signal.NSIG, repr(signal.SIGRTMIN), repr(signal.SIGRTMAX))
print(signal.strsignal(signal.SIGINT), "|", signal.strsignal(signal.SIGKILL), "|", signal.strsignal(40))
valid = signal.valid_signals()
print(len(valid), signal.SIGINT in valid, 32 in valid, 34 in valid, sorted(valid)[:5])
print(sorted(n for n in dir(signal) if n.startswith("SIG") and not n.startswith("SIG_"))[:8])

# Errors.
def show(call):
    try:
        print("result:", call())
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: signal.signal(0, signal.SIG_DFL))
show(lambda: signal.signal(signal.NSIG, signal.SIG_DFL))
show(lambda: signal.signal(signal.SIGKILL, handler))
show(lambda: signal.signal(signal.SIGUSR1, 5))
show(lambda: signal.signal(signal.SIGUSR1, "handler"))
show(lambda: signal.getsignal(0))
show(lambda: signal.strsignal(0))
show(lambda: signal.set_wakeup_fd(1))
show(lambda: signal.raise_signal(0))
errors = []


def from_thread():
    try:
        signal.signal(signal.SIGUSR1, handler)
    except ValueError as e:
        errors.append(str(e))
    try:
        signal.set_wakeup_fd(-1)
    except ValueError as e:
        errors.append(str(e))


t = threading.Thread(target=from_thread)
t.start()
t.join()
print(errors)
print("received:", received)
