# subprocess: run/Popen/communicate with pipes, text mode, timeouts, errors,
# environment, working directory, descriptors and signals.
import os
import signal
import subprocess
import sys

PY = sys.executable

r = subprocess.run(["echo", "hello", "world"], capture_output=True)
print(r)
print(r.stdout, r.stderr, r.returncode)

r = subprocess.run(["cat"], input=b"fed through stdin\n", stdout=subprocess.PIPE)
print(r.stdout, r.stderr)

r = subprocess.run(["sh", "-c", "printf 'a\\r\\nb\\rc\\n'; echo err >&2"], capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr))

r = subprocess.run("echo $((6 * 7))", shell=True, stdout=subprocess.PIPE, text=True)
print(r.args, repr(r.stdout))

r = subprocess.run(["sh", "-c", "echo out; echo err >&2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(sorted(r.stdout.split()))

r = subprocess.run(["sh", "-c", "exit 3"])
print(r, r.returncode)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e, e.returncode, e.cmd, e.output)

try:
    subprocess.run(["sh", "-c", "echo partial; exit 2"], check=True, capture_output=True)
except subprocess.CalledProcessError as e:
    print(e, e.stdout, e.stderr)

try:
    subprocess.run(["sh", "-c", "kill -9 $$"], check=True)
except subprocess.CalledProcessError as e:
    print(e, e.returncode)

try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired:", str(e).split(" after ")[0], 0 < e.timeout <= 0.2)

try:
    subprocess.run(["sh", "-c", "echo before; sleep 5"], timeout=0.3, capture_output=True)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired after output:", e.stdout)

try:
    subprocess.run(["definitely-not-a-program-gilvm"])
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename)

try:
    subprocess.run(["pwd"], cwd="/definitely/not/a/dir")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename)

print(subprocess.run(["pwd"], cwd="/", capture_output=True, text=True).stdout.strip())
env = {"PATH": os.environ.get("PATH", "/bin:/usr/bin"), "ONLY_THIS": "value=with=equals"}
out = subprocess.run(["sh", "-c", "echo $ONLY_THIS; echo ${HOME:-unset}"], env=env, capture_output=True, text=True)
print(out.stdout.split())

print(subprocess.run(["echo", "to devnull"], stdout=subprocess.DEVNULL))
print(subprocess.run(["cat"], stdin=subprocess.DEVNULL, capture_output=True).stdout)

print(subprocess.check_output(["echo", "checked"]))
print(subprocess.check_output("echo text; exit 0", shell=True, text=True))
print(subprocess.check_output(["cat"], input=None))
print(subprocess.call(["sh", "-c", "exit 5"]), subprocess.check_call(["true"]))
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print(e)
print(subprocess.getstatusoutput("echo status; exit 4"))
print(repr(subprocess.getoutput("echo just output")))

# A megabyte each way through both pipes at once: no deadlock.
big = b"x" * (1 << 20)
r = subprocess.run(["sh", "-c", "cat; cat >&2 </dev/null; head -c 1048576 /dev/zero >&2"],
                   input=big, capture_output=True)
print(len(r.stdout), len(r.stderr))

# Popen by hand.
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.poll(), p.returncode)
out, err = p.communicate(b"line one\nline two\n")
print(out, err, p.returncode, p.poll())

with subprocess.Popen(["sh", "-c", "read x; echo got $x"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                      text=True) as p:
    p.stdin.write("reply\n")
    p.stdin.close()
    print(repr(p.stdout.read()))
print(p.returncode)

p = subprocess.Popen(["sleep", "10"])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("wait:", e)
p.terminate()
print(p.wait(), p.wait())
p.kill()  # already reaped: nothing happens
print(repr(p).replace(str(p.pid), "PID"))

p = subprocess.Popen(["sh", "-c", "sleep 10"], stdout=subprocess.PIPE)
p.send_signal(signal.SIGKILL)
out, _ = p.communicate()
print(out, p.returncode)

p = subprocess.Popen(["sh", "-c", "sleep 0.2; echo late"], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.05)
except subprocess.TimeoutExpired as e:
    print("communicate:", e)
print(p.communicate())

# Descriptors: only pass_fds reach the child.
r_fd, w_fd = os.pipe()
code = f"import os\ntry:\n    os.write({w_fd}, b'seen')\n    print('wrote')\nexcept OSError as e:\n    print('closed', e.errno)"
print(subprocess.run([PY, "-c", code], capture_output=True, text=True).stdout.strip())
print(subprocess.run([PY, "-c", code], capture_output=True, text=True, pass_fds=[w_fd]).stdout.strip())
os.close(w_fd)
print(os.read(r_fd, 10))
os.close(r_fd)

with open(__file__, "rb") as f:
    r = subprocess.run(["head", "-n", "1"], stdin=f, capture_output=True)
print(r.stdout)

for kwargs in ({"capture_output": True, "stdout": subprocess.PIPE}, {"input": b"x", "stdin": subprocess.PIPE}):
    try:
        subprocess.run(["true"], **kwargs)
    except ValueError as e:
        print("ValueError:", e)
try:
    subprocess.check_output(["true"], stdout=subprocess.PIPE)
except ValueError as e:
    print("ValueError:", e)
try:
    subprocess.run(["true"], text=True, universal_newlines=False)
except subprocess.SubprocessError as e:
    print("SubprocessError:", e)
print(str(subprocess.CalledProcessError(-200, "cmd")))
print(str(subprocess.TimeoutExpired(["a", "b"], 1.5)))
print(subprocess.CompletedProcess("x", 0))
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
