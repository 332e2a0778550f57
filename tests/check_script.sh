#!/usr/bin/env bash
# Runs one differential script under gilvm and compares it with CPython's
# recorded output. NAME.py is run from its own folder; NAME.expected holds
# CPython's stdout. Optional companions:
#   NAME.stdin      fed to standard input
#   NAME.args       extra command-line arguments, one line
#   NAME.expected_rc the exit code CPython gave (default 0)
#   NAME.expected_err lines that must each appear in stderr
#   NAME.expected_stderr CPython's whole stderr (tracebacks), with the
#                   script's folder taken out of paths
set -u
gilvm=$1
script=$2
dir=$(dirname "$script")
base="${script%.py}"
name=$(basename "$script")
stdin=/dev/null
[[ -f "$base.stdin" ]] && stdin="$base.stdin"
args=()
[[ -f "$base.args" ]] && read -r -a args < "$base.args"
want_rc=0
[[ -f "$base.expected_rc" ]] && want_rc=$(cat "$base.expected_rc")
out=$(mktemp); err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
# A hang must not stall the suite; GC-stress runs (a collection at every
# safepoint) get a longer limit through GILVM_TEST_TIMEOUT.
(cd "$dir" && timeout "${GILVM_TEST_TIMEOUT:-120}" "$gilvm" "$name" "${args[@]}" <"$stdin" >"$out" 2>"$err")
rc=$?
status=0
if ! diff -u "$base.expected" "$out" >&2; then
  echo "stdout differs from CPython's (above: - CPython, + gilvm)" >&2
  status=1
fi
if [[ "$rc" != "$want_rc" ]]; then
  echo "exit code $rc, CPython gave $want_rc" >&2
  status=1
fi
if [[ -f "$base.expected_stderr" ]]; then
  abs_dir=$(cd "$dir" && pwd)
  if ! diff -u "$base.expected_stderr" <(sed "s|$abs_dir/||g" "$err") >&2; then
    echo "stderr differs from CPython's (above: - CPython, + gilvm)" >&2
    status=1
  fi
fi
if [[ -f "$base.expected_err" ]]; then
  while IFS= read -r line; do
    if ! grep -qF -- "$line" "$err"; then
      echo "stderr lacks: $line" >&2
      status=1
    fi
  done < "$base.expected_err"
fi
if [[ $status != 0 ]]; then
  echo "--- stderr ---" >&2; cat "$err" >&2
fi
exit $status
