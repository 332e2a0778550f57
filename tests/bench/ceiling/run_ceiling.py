"""The plain Boost.Asio echo server (asio_echo_server.cpp) under the load
the bench_asyncio_echo_* rows generate: the same python3 client, the same
connections and rounds. Prints each row's client time beside python3's
asyncio and gilvm's, so the asyncio rows can be read against the ceiling.

    python3 tests/bench/ceiling/run_ceiling.py BUILD_DIR [GILVM]

BUILD_DIR holds asio_echo_server (the `asio_echo_server` CMake target)."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import asyncio_echo_common  # noqa: E402

ROWS = [("protocol_100", 100, 200), ("streams_1", 1, 20000), ("streams_100", 100, 200)]


def ceiling(server_path, conns, rounds):
    server = subprocess.Popen([server_path], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        port = int(server.stdout.readline())
        out = subprocess.run([sys.executable, "-c", asyncio_echo_common.CLIENT, str(port), str(conns), str(rounds)],
                             stdout=subprocess.PIPE, text=True, check=True).stdout
        return float(out.split()[0])
    finally:
        server.stdin.close()
        server.wait()


def interpreter_time(interpreter, name):
    script = os.path.join(os.path.dirname(HERE), "bench_asyncio_echo_%s.py" % name)
    out = subprocess.run([interpreter, script], stdout=subprocess.PIPE, text=True, check=True,
                         cwd=os.path.dirname(HERE)).stdout
    return float([line for line in out.splitlines() if line.startswith("measure:")][0].split(":")[1])


def main():
    server_path = os.path.join(sys.argv[1], "asio_echo_server")
    gilvm = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else None
    print(f"{'row':<16}{'asio C++ s':>12}{'python3 s':>12}" + (f"{'gilvm s':>12}" if gilvm else ""))
    for name, conns, rounds in ROWS:
        best_c = min(ceiling(server_path, conns, rounds) for _ in range(3))
        best_p = min(interpreter_time("python3", name) for _ in range(3))
        line = f"{name:<16}{best_c:>12.4f}{best_p:>12.4f}"
        if gilvm:
            line += f"{min(interpreter_time(gilvm, name) for _ in range(3)):>12.4f}"
        print(line)


if __name__ == "__main__":
    main()
