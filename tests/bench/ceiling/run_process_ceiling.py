"""The bare C++ fork+exit+waitpid loop (fork_exit_wait.cpp) beside
bench_mp_process_start_join under python3 and gilvm: the seconds per
process start+join of each, and each interpreter's multiple of the bare
fork. The three run interleaved, REPEAT times, and the best of each counts,
so all see the same machine load.

    python3 tests/bench/ceiling/run_process_ceiling.py BUILD_DIR [GILVM] [REPEAT]

BUILD_DIR holds fork_exit_wait (the `fork_exit_wait` CMake target)."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.join(os.path.dirname(HERE), "bench_mp_process_start_join.py")
STARTS = 200  # the benchmark's count


def bare_fork(path):
    out = subprocess.run([path, str(STARTS)], stdout=subprocess.PIPE, text=True, check=True).stdout
    return float(out.split()[0])


def interpreter(cmd):
    out = subprocess.run([cmd, BENCH], stdout=subprocess.PIPE, text=True, check=True,
                         cwd=os.path.dirname(HERE)).stdout
    measured = [line for line in out.splitlines() if line.startswith("measure:")]
    return float(measured[0].split(":")[1]) / STARTS


def main():
    fork_path = os.path.join(sys.argv[1], "fork_exit_wait")
    gilvm = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else None
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    best = {}
    for _ in range(repeat):
        runs = [("C++ fork+exit+waitpid", lambda: bare_fork(fork_path)), ("python3", lambda: interpreter("python3"))]
        if gilvm:
            runs.append(("gilvm", lambda: interpreter(gilvm)))
        for name, fn in runs:
            t = fn()
            best[name] = min(best.get(name, t), t)
    base = best["C++ fork+exit+waitpid"]
    print(f"{'process start+join':<24}{'us each':>10}{'x bare fork':>13}")
    for name, t in best.items():
        print(f"{name:<24}{t * 1e6:>10.1f}{t / base:>13.2f}")


if __name__ == "__main__":
    main()
