# asyncio subprocesses: create_subprocess_exec/_shell with pipes,
# communicate, streaming stdout line by line, wait, returncode, signals,
# several children at once, and errors.
import asyncio
import signal


async def communicate():
    proc = await asyncio.create_subprocess_exec("cat", stdin=asyncio.subprocess.PIPE,
                                                stdout=asyncio.subprocess.PIPE)
    print(repr(proc).startswith("<Process "), proc.returncode)
    out, err = await proc.communicate(b"through cat\n" * 3)
    print(out, err, proc.returncode)


async def shell():
    proc = await asyncio.create_subprocess_shell("echo out; echo err >&2; exit 3",
                                                 stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await proc.communicate()
    print(out, err, proc.returncode, await proc.wait())


async def streaming():
    proc = await asyncio.create_subprocess_exec("sh", "-c", "for i in 1 2 3; do echo line $i; sleep 0.01; done",
                                                stdout=asyncio.subprocess.PIPE)
    lines = []
    while True:
        line = await proc.stdout.readline()
        if not line:
            break
        lines.append(line)
    print(lines, await proc.wait())


async def stderr_to_stdout():
    proc = await asyncio.create_subprocess_shell("echo a; echo b >&2", stdout=asyncio.subprocess.PIPE,
                                                 stderr=asyncio.subprocess.STDOUT)
    out, err = await proc.communicate()
    print(sorted(out.split()), err)


async def concurrent():
    async def run(n):
        proc = await asyncio.create_subprocess_exec("sh", "-c", f"sleep 0.1; echo {n}", stdout=asyncio.subprocess.PIPE)
        out, _ = await proc.communicate()
        return int(out)

    print(await asyncio.gather(*(run(n) for n in range(5))))


async def signals():
    proc = await asyncio.create_subprocess_exec("sleep", "10")
    proc.terminate()
    print(await proc.wait(), proc.returncode == -signal.SIGTERM)
    proc = await asyncio.create_subprocess_exec("sleep", "10", stdout=asyncio.subprocess.PIPE)
    proc.kill()
    out, _ = await proc.communicate()
    print(out, proc.returncode)
    try:
        proc.send_signal(signal.SIGTERM)
    except ProcessLookupError:
        print("ProcessLookupError after exit")


async def large_output():
    proc = await asyncio.create_subprocess_exec("head", "-c", "3000000", "/dev/zero", stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    print(len(out), proc.returncode)


async def stdin_only():
    proc = await asyncio.create_subprocess_exec("sh", "-c", "cat > /dev/null; exit 7", stdin=asyncio.subprocess.PIPE)
    proc.stdin.write(b"x" * 200000)
    await proc.stdin.drain()
    proc.stdin.close()
    print(await proc.wait())


async def errors():
    try:
        await asyncio.create_subprocess_exec("definitely-not-a-program-gilvm")
    except FileNotFoundError as e:
        print("FileNotFoundError:", e.errno)
    loop = asyncio.get_running_loop()
    for call in (lambda: loop.subprocess_exec(asyncio.SubprocessProtocol, "true", shell=True),
                 lambda: loop.subprocess_shell(asyncio.SubprocessProtocol, ["true"]),
                 lambda: loop.subprocess_exec(asyncio.SubprocessProtocol, "true", bufsize=1)):
        try:
            await call()
        except ValueError as e:
            print("ValueError:", e)


class Collect(asyncio.SubprocessProtocol):
    def __init__(self, done):
        self.done = done
        self.events = []

    def pipe_data_received(self, fd, data):
        self.events.append((fd, data))

    def pipe_connection_lost(self, fd, exc):
        self.events.append(("lost", fd))

    def process_exited(self):
        self.events.append("exited")

    def connection_lost(self, exc):
        self.done.set_result(self.events)


async def protocol():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    transport, proto = await loop.subprocess_exec(lambda: Collect(done), "sh", "-c", "printf hi", stdin=None,
                                                  stderr=None)
    events = await done
    print([e for e in events if e != "exited"], "exited" in events, transport.get_returncode())
    transport.close()


async def main():
    await communicate()
    await shell()
    await streaming()
    await stderr_to_stdout()
    await concurrent()
    await signals()
    await large_output()
    await stdin_only()
    await errors()
    await protocol()


asyncio.run(main())
