#!/usr/bin/env python3
"""Runs each benchmark under gilvm and under python3, interleaved (gilvm,
python3, gilvm, python3, ...) so that both see the same machine load, and
prints the ratios gilvm/python3 of the best time and of the peak memory
(below 1 means gilvm is better). Each benchmark is a script in this folder;
its last line of output is a checksum, which must agree between the two.

A script that prints a line `measure: SECONDS` times itself: that figure
(lower is better) replaces the process's wall time, so start-up and set-up
are left out. Such rows are marked `*` in the table. Peak memory is the
process's maximum resident set size.

usage: run.py [--gilvm PATH] [--python PATH] [--repeat N] [names...]
"""
import argparse
import math
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run_once(cmd, script):
    """(seconds, peak MiB, last output line, self-timed) or (None, error, ...)."""
    start = time.perf_counter()
    proc = subprocess.Popen([cmd, script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=HERE)
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        return None, (err.strip().splitlines()[-1:] or ["failed"])[0], None, False
    lines = out.strip().splitlines()
    measured = [line.split(":", 1)[1] for line in lines if line.startswith("measure:")]
    if measured:
        elapsed = float(measured[-1])
    return elapsed, None, lines[-1] if lines else "", bool(measured)


def peak_mib(cmd, script):
    """The peak resident size of one more run, from wait4's rusage."""
    pid = os.fork()
    if pid == 0:
        os.chdir(HERE)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execvp(cmd, [cmd, script])
    _, _, usage = os.wait4(pid, 0)
    return usage.ru_maxrss / 1024


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gilvm", default=os.path.join(HERE, "..", "..", "build", "gilvm"))
    parser.add_argument("--python", default="python3")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    if os.sep in args.gilvm:
        args.gilvm = os.path.abspath(args.gilvm)
    scripts = sorted(f for f in os.listdir(HERE) if f.startswith("bench_") and f.endswith(".py"))
    if args.names:
        scripts = [s for s in scripts if any(n in s for n in args.names)]
    time_ratios, mem_ratios = [], []
    print(f"{'benchmark':<28}{'python3 s':>10}{'gilvm s':>10}{'time':>7}{'py MiB':>9}{'vm MiB':>9}{'mem':>7}  check")
    for name in scripts:
        path = os.path.join(HERE, name)
        best = {args.gilvm: None, args.python: None}
        last = {}
        self_timed = False
        error = None
        for _ in range(args.repeat):
            for cmd in (args.gilvm, args.python):
                t, err, line, timed = run_once(cmd, path)
                if t is None:
                    error = error or f"{os.path.basename(cmd)}: {err}"
                    continue
                self_timed |= timed
                last[cmd] = line
                best[cmd] = t if best[cmd] is None else min(best[cmd], t)
        label = name[len("bench_"):-3] + (" *" if self_timed else "")
        if error or None in best.values():
            print(f"{label:<28}  error: {error}")
            continue
        vm_t, py_t = best[args.gilvm], best[args.python]
        vm_m, py_m = peak_mib(args.gilvm, path), peak_mib(args.python, path)
        same = "ok" if last[args.gilvm] == last[args.python] else f"MISMATCH {last[args.python]!r} vs {last[args.gilvm]!r}"
        print(f"{label:<28}{py_t:>10.4f}{vm_t:>10.4f}{vm_t / py_t:>7.2f}{py_m:>9.1f}{vm_m:>9.1f}{vm_m / py_m:>7.2f}  {same}")
        time_ratios.append(vm_t / py_t)
        mem_ratios.append(vm_m / py_m)
    if time_ratios:
        print(f"{'geometric mean':<28}{'':>10}{'':>10}{geomean(time_ratios):>7.2f}{'':>9}{'':>9}"
              f"{geomean(mem_ratios):>7.2f}  ({len(time_ratios)} rows)")
    print("(ratios are gilvm/python3: below 1 means gilvm is faster or smaller;")
    print(" * = self-timed: the script's own `measure:` figure, not the process's wall time)")


if __name__ == "__main__":
    sys.exit(main())
