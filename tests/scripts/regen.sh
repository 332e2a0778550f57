#!/usr/bin/env bash
# Records CPython's output for differential scripts: NAME.expected (stdout)
# and, when it is not 0, NAME.expected_rc. Run with the scripts to record,
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
  "$py" "$f" "${args[@]}" <"$stdin" >"$base.expected" 2>/dev/null
  rc=$?
  set -e
  if [[ $rc != 0 ]]; then echo "$rc" > "$base.expected_rc"; else rm -f "$base.expected_rc"; fi
  echo "recorded $base (exit $rc)"
done
