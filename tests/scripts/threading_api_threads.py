# threading API: Thread attributes, default names, daemon rules, errors,
# current_thread/main_thread/enumerate/active_count, excepthook (custom and
# default; the default's stderr is checked by .expected_err), module names.
import sys
import threading
import _thread


def attempt(label, fn, *args, **kwargs):
    try:
        print(label, "->", repr(fn(*args, **kwargs)))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


def shown(thread):
    # A repr with the thread's ident, which differs from run to run, hidden.
    text = repr(thread)
    if thread.ident is not None:
        text = text.replace(str(thread.ident), "IDENT")
    return text


def job():
    pass


class Callable:
    def __call__(self):
        pass


print(sorted(threading.__all__))
print(threading.TIMEOUT_MAX, type(threading.get_ident()), type(threading.get_native_id()))
print(threading.get_ident() == threading.main_thread().ident, threading.get_native_id() == threading.main_thread().native_id)
print(threading.stack_size(), threading.ThreadError is _thread.error)
attempt("stack_size(-1)", threading.stack_size, -1)
attempt("stack_size(4095)", threading.stack_size, 4095)
print(threading.stack_size(65536), threading.stack_size(), threading.stack_size(0), threading.stack_size())

# Default names count up, with the target's name when it has one.
t1 = threading.Thread(target=job)
t2 = threading.Thread(target=lambda: None)
t3 = threading.Thread()
t4 = threading.Thread(target=Callable())
t5 = threading.Thread(target=job, name="custom")
t6 = threading.Thread(name=0)
t7 = threading.Thread(name=42)
print([t.name for t in (t1, t2, t3, t4, t5, t6, t7)])
print(shown(t1), shown(t5))
print(t1.ident, t1.native_id, t1.is_alive(), t1.daemon, t1._target is job)
attempt("group", threading.Thread, group=1)
attempt("join before start", t1.join)
t1.name = "renamed"
t1.setName("renamed again")
print(t1.name, t1.getName(), t1.isDaemon())
t1.daemon = True
print(t1.daemon, shown(t1))
t1.setDaemon(False)
print(t1.daemon)

# A thread runs its target with args and kwargs, then ends.
seen = []
started = threading.Event()
release = threading.Event()


def worker(a, b, *, c=None):
    me = threading.current_thread()
    seen.append((a, b, c, me.name, me is wt, threading.get_ident() == me.ident,
                 me.native_id == threading.get_native_id(), me.daemon))
    started.set()
    release.wait(5)


wt = threading.Thread(target=worker, args=[1, 2], kwargs={"c": 3}, name="worker-1")
wt.start()
started.wait()
print(seen)
print(wt.is_alive(), shown(wt), type(wt.ident), type(wt.native_id), wt.ident != threading.get_ident())
print(wt in threading.enumerate(), threading.active_count(), len(threading.enumerate()))
attempt("start twice", wt.start)
attempt("set daemon of active thread", setattr, wt, "daemon", True)
wt.join(0.01)
print("after timed join", wt.is_alive())
wt.join(-1)
release.set()
print(wt.join(), wt.is_alive(), shown(wt), wt in threading.enumerate(), threading.active_count())
attempt("start after end", wt.start)
print(wt.join(), wt.join(0))


# Joining the current thread, daemon inheritance, nested names.
def inner_checks():
    me = threading.current_thread()
    try:
        me.join()
    except RuntimeError as e:
        print("RuntimeError:", e)
    child = threading.Thread(target=job)
    print("child daemon", child.daemon, "named", child.name)
    child2 = threading.Thread(target=job, daemon=False)
    print("child2 daemon", child2.daemon)


dt = threading.Thread(target=inner_checks, daemon=True, name="daemonic")
print(shown(dt))
dt.start()
dt.join()
print(shown(dt))
attempt("join main thread", threading.main_thread().join, 0)

# The main thread.
main = threading.main_thread()
print(main.name, main.daemon, main.is_alive(), type(main).__name__, shown(main))
print(main is threading.current_thread(), threading.currentThread() is main, threading.activeCount())
attempt("join current", main.join)
attempt("main daemon", setattr, main, "daemon", True)


# Subclasses: run() overridden, __init__ forgotten.
class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.result = None

    def run(self):
        self.result = sum(range(self.n))


w = Worker(10)
print(w.name, shown(w))
w.start()
w.join()
print(w.result, shown(w))


class Broken(threading.Thread):
    def __init__(self):
        pass


b = Broken()
attempt("start without __init__", b.start)
attempt("join without __init__", b.join)
attempt("daemon without __init__", setattr, b, "daemon", True)
try:
    b.name
except AssertionError as e:
    print("AssertionError:", e)
try:
    b.is_alive()
except AssertionError as e:
    print("AssertionError:", e)
try:
    repr(b)
except AssertionError as e:
    print("AssertionError:", e)

# run() can be called directly; it forgets its target afterwards.
calls = []
direct = threading.Thread(target=calls.append, args=("direct",))
direct.run()
print(calls, hasattr(direct, "_target"))

# setprofile / settrace only record the function here.
print(threading.getprofile(), threading.gettrace())


def hook(*args):
    return hook


threading.setprofile(hook)
threading.settrace(hook)
print(threading.getprofile() is hook, threading.gettrace() is hook)
threading.setprofile(None)
threading.settrace(None)
print(threading.getprofile(), threading.gettrace())

# ExceptHookArgs and excepthook.
args = threading.ExceptHookArgs([ValueError, ValueError("v"), None, None])
print(type(args), args, len(args), isinstance(args, tuple), args.exc_type, args.exc_value, args.thread)
attempt("ExceptHookArgs([1, 2])", threading.ExceptHookArgs, [1, 2])
print(threading.__excepthook__ is threading.excepthook)

caught = []


def custom_hook(hook_args):
    caught.append((hook_args.exc_type.__name__, str(hook_args.exc_value), hook_args.exc_traceback is not None,
                   hook_args.thread.name, type(hook_args).__name__))


def fails(message):
    raise ValueError(message)


threading.excepthook = custom_hook
ft = threading.Thread(target=fails, args=("custom hook",), name="failer")
ft.start()
ft.join()
print(caught, ft.is_alive())


def exits():
    sys.exit(3)


st = threading.Thread(target=exits, name="exiter")
st.start()
st.join()
print("SystemExit reaches the hook too:", caught[-1][0])


def bad_hook(hook_args):
    raise KeyError("hook failed")


threading.excepthook = bad_hook
bt = threading.Thread(target=fails, args=("bad hook",), name="bad-hook-thread")
bt.start()
bt.join()
print("after a failing hook")

threading.excepthook = threading.__excepthook__
st = threading.Thread(target=exits, name="silent")
st.start()
st.join()
dflt = threading.Thread(target=fails, args=("to stderr",), name="default-hook")
dflt.start()
dflt.join()
threading.excepthook(threading.ExceptHookArgs([SystemExit, SystemExit(1), None, None]))
print("done", threading.active_count())


# At exit the main thread counts as ended while the non-daemon threads that
# remain are waited for.
def outlives_main():
    for _ in range(5000):
        if not threading.main_thread().is_alive():
            break
        threading.Event().wait(0.001)
    print("after main:", threading.main_thread().is_alive(), threading.current_thread().name)
    threading.main_thread().join(5)
    print("joined the main thread")


threading.Thread(target=outlives_main, name="outliving").start()
print("main ends")
