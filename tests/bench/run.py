#!/usr/bin/env python3
"""Times each benchmark under gilvm and under python3 in the same run and
prints a table of the ratios (python3 time / gilvm time: above 1 means gilvm
is faster). Each benchmark is a script in this folder; its last line of
output is a checksum, which must agree between the two interpreters.

A script that prints a line `measure: SECONDS` times itself: that figure
(lower is better) replaces the process's wall time, so start-up and set-up
are left out. Such rows are marked `*` in the table.

usage: run.py [--gilvm PATH] [--python PATH] [--repeat N] [names...]
"""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def best_time(cmd, script, repeat):
    best = None
    output = None
    self_timed = False
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run([cmd, script], capture_output=True, text=True, cwd=HERE)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            return None, proc.stderr.strip().splitlines()[-1:] or ["failed"], False
        lines = proc.stdout.strip().splitlines()
        output = lines[-1:] if lines else [""]
        measured = [line.split(":", 1)[1] for line in lines if line.startswith("measure:")]
        if measured:
            self_timed = True
            elapsed = float(measured[-1])
        best = elapsed if best is None else min(best, elapsed)
    return best, output, self_timed


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
    print(f"{'benchmark':<28}{'python3 s':>11}{'gilvm s':>11}{'ratio':>8}  check")
    for name in scripts:
        path = os.path.join(HERE, name)
        py_t, py_out, py_self = best_time(args.python, path, args.repeat)
        vm_t, vm_out, vm_self = best_time(args.gilvm, path, args.repeat)
        label = name[len("bench_"):-3] + (" *" if py_self or vm_self else "")
        if py_t is None or vm_t is None:
            print(f"{label:<28}{'-' if py_t is None else f'{py_t:.3f}':>11}{'-' if vm_t is None else f'{vm_t:.3f}':>11}"
                  f"{'-':>8}  error: {(vm_out or py_out)[0]}")
            continue
        same = "ok" if py_out == vm_out else f"MISMATCH {py_out} vs {vm_out}"
        print(f"{label:<28}{py_t:>11.4f}{vm_t:>11.4f}{py_t / vm_t:>8.2f}  {same}")
    print("(* = self-timed: the script's own `measure:` figure, not the process's wall time)")


if __name__ == "__main__":
    sys.exit(main())
