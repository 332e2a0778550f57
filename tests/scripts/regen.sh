#!/usr/bin/env bash
# Records CPython's output for differential scripts: NAME.expected (stdout)
# and, when it is not 0, NAME.expected_rc. Scripts whose stderr is compared
# whole (they have a NAME.expected_stderr) get it re-recorded too, with the
# script's folder taken out of the paths in tracebacks. Run with the scripts to record,
# or with none to record all that lack an expected file.
set -eu
cd "$(dirname "$0")"
py=${PYTHON:-python3}
files=("$@")
if [[ ${#files[@]} == 0 ]]; then
  for f in *.py; do [[ -f "${f%.py}.expected" ]] || files+=("$f"); done
fi
for f in "${files[@]}"; do
  f=$(basename "$f"); base="${f%.py}"
  stdin=/dev/null; [[ -f "$base.stdin" ]] && stdin="$base.stdin"
  args=(); [[ -f "$base.args" ]] && read -r -a args < "$base.args"
  set +e
  "$py" "$f" "${args[@]}" <"$stdin" >"$base.expected" 2>"$base.stderr.tmp"
  rc=$?
  if [[ -f "$base.expected_stderr" ]]; then
    sed "s|$PWD/||g" "$base.stderr.tmp" > "$base.expected_stderr"
  fi
  rm -f "$base.stderr.tmp"
  set -e
  if [[ $rc != 0 ]]; then echo "$rc" > "$base.expected_rc"; else rm -f "$base.expected_rc"; fi
  echo "recorded $base (exit $rc)"
done
