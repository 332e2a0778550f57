# os.fork and waiting for children: exit statuses, pipes between parent and
# child, WNOHANG, register_at_fork's order, and the errno-bearing OSErrors.
import os
import signal
import sys


def status_report(status):
    return (os.WIFEXITED(status), os.WIFSIGNALED(status), os.WIFSTOPPED(status),
            os.waitstatus_to_exitcode(status))


def run_child(body):
    pid = os.fork()
    if pid == 0:
        body()
        os._exit(0)
    got, status = os.waitpid(pid, 0)
    assert got == pid
    return status


def exit_zero():
    os._exit(0)


def exit_three():
    sys.exit(3)


def exit_seven_low_level():
    os._exit(7)


def uncaught():
    sys.stderr = open(os.devnull, "w")  # the child's traceback is not compared
    raise ValueError("in the child")


def killed():
    os.kill(os.getpid(), signal.SIGKILL)


def terminated():
    os.kill(os.getpid(), signal.SIGTERM)


for body in (exit_zero, exit_three, exit_seven_low_level, uncaught, killed, terminated):
    status = run_child(body)
    print(body.__name__, status_report(status))
    if os.WIFEXITED(status):
        print("  WEXITSTATUS", os.WEXITSTATUS(status))
    else:
        print("  WTERMSIG", os.WTERMSIG(status))

# A pipe from the child to the parent; the parent reads until end of file.
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    for i in range(3):
        os.write(w, ("line %d from the child\n" % i).encode())
    os._exit(0)
os.close(w)
chunks = []
while True:
    data = os.read(r, 7)
    if not data:
        break
    chunks.append(data)
os.close(r)
os.waitpid(pid, 0)
print(b"".join(chunks).decode(), end="")

# Both ways: the parent sends a number, the child answers its square.
to_child_r, to_child_w = os.pipe()
to_parent_r, to_parent_w = os.pipe()
pid = os.fork()
if pid == 0:
    n = int(os.read(to_child_r, 100))
    os.write(to_parent_w, str(n * n).encode())
    os._exit(0)
os.write(to_child_w, b"12")
print("square:", os.read(to_parent_r, 100))
_, status = os.waitpid(pid, 0)
print("exit code", os.waitstatus_to_exitcode(status))
for fd in (to_child_r, to_child_w, to_parent_r, to_parent_w):
    os.close(fd)

# WNOHANG: (0, 0) while the child still runs.
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.read(r, 1)
    os._exit(5)
print("still running:", os.waitpid(pid, os.WNOHANG))
os.write(w, b"x")
got, status = os.waitpid(pid, 0)
print("then:", got == pid, os.waitstatus_to_exitcode(status))
os.close(r)
os.close(w)

# os.wait() takes any child.
pid = os.fork()
if pid == 0:
    os._exit(9)
got, status = os.wait()
print("wait:", got == pid, os.waitstatus_to_exitcode(status))

# The child gets its own pid; its parent is us.
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.write(w, ("%d %d" % (os.getpid(), os.getppid())).encode())
    os._exit(0)
child_pid, parent_pid = map(int, os.read(r, 100).split())
os.waitpid(pid, 0)
print("pids:", child_pid == pid, parent_pid == os.getpid())
os.close(r)
os.close(w)

# register_at_fork: before hooks last-registered first; after hooks in
# registration order. The child reports its hooks through a pipe.
events = []
os.register_at_fork(before=lambda: events.append("before 1"),
                    after_in_parent=lambda: events.append("parent 1"),
                    after_in_child=lambda: events.append("child 1"))
os.register_at_fork(before=lambda: events.append("before 2"))
os.register_at_fork(after_in_parent=lambda: events.append("parent 2"),
                    after_in_child=lambda: events.append("child 2"))
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.write(w, repr(events).encode())
    os._exit(0)
print("child saw:", os.read(r, 1000).decode())
os.waitpid(pid, 0)
print("parent saw:", events)
os.close(r)
os.close(w)

for call in (lambda: os.register_at_fork(),
             lambda: os.register_at_fork(before=1),
             lambda: os.register_at_fork(after_in_child="x")):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

# Errors carry errno and the CPython subclass.
def show(call):
    try:
        result = call()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, "|", e)
    else:
        print("no error:", result)


show(lambda: os.waitpid(-1, 0))
show(lambda: os.wait())
show(lambda: os.kill(pid, 0))  # reaped above
show(lambda: os.read(987, 1))
show(lambda: os.write(987, b"x"))
show(lambda: os.close(987))
show(lambda: os.kill(os.getpid(), 12345))
r, w = os.pipe()
print("blocking:", os.get_blocking(r), os.get_blocking(w))
os.set_blocking(r, False)
print("after set_blocking(False):", os.get_blocking(r))
show(lambda: os.read(r, 10))
os.close(r)
show(lambda: os.write(w, b"nobody reads"))
os.close(w)
print(issubclass(ChildProcessError, OSError), issubclass(BrokenPipeError, ConnectionError))
print(os.strerror(2), "|", os.strerror(10))
for status in (0, 256 * 4, 9, 0x137f):
    try:
        print(status, os.waitstatus_to_exitcode(status))
    except ValueError as e:
        print(status, "ValueError:", e)

# dup / dup2
r, w = os.pipe()
w2 = os.dup(w)
os.write(w2, b"via dup ")
r2 = os.dup2(r, 100)
os.write(w, b"and dup2")
print(r2, os.read(r2, 100))
for fd in (r, w, w2, r2):
    os.close(fd)
print("WNOHANG", os.WNOHANG)
